"""Reads worth a name. Each runs a fixed number of queries whatever the size of the catalogue."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Prefetch, When
from wagtail.images import get_image_model

from cms.models import CourseIndexPage, CourseInstructor, CoursePage, HomePage, LessonPage, ProgramPage
from cms.search import cjk_bigrams

COVER_FILTER = "fill-480x270"
PHOTO_FILTER = "fill-160x160"


def _with_cover(queryset):
    images = get_image_model().objects.prefetch_renditions(COVER_FILTER)
    return queryset.prefetch_related(Prefetch("cover_image", queryset=images))


def program_list(*, home: HomePage) -> list[ProgramPage]:
    return list(ProgramPage.objects.live().child_of(home).order_by("path"))


def catalogue_for(*, home: HomePage) -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().child_of(home).first()


def course_list_for_program(*, program: ProgramPage) -> list[CoursePage]:
    """Live courses of the program's level, in the program's language."""
    queryset = CoursePage.objects.live().filter(level=program.level, locale_id=program.locale_id)
    return list(_with_cover(queryset).order_by("code"))


def catalogue_page(
    *,
    index: CourseIndexPage,
    level: str | None = None,
    module: str | None = None,
    delivery_mode: str | None = None,
    query: str = "",
    page_number=None,
    per_page: int = 12,
) -> PaginatorPage:
    """One page of the catalogue, filtered and (with a query) searched and ranked by relevance.

    An out-of-range or malformed page number gives the last or first page, never an error.
    """
    courses = CoursePage.objects.live().descendant_of(index)
    if level:
        courses = courses.filter(level=level)
    if module:
        courses = courses.filter(module=module)
    if delivery_mode:
        courses = courses.filter(delivery_mode=delivery_mode)

    tokens = cjk_bigrams(query)
    if not tokens:
        page = Paginator(_with_cover(courses.order_by("path")), per_page).get_page(page_number)
        return page

    # Search ranks the matches; the page's rows are then loaded with their covers in that order.
    results = courses.search(tokens, operator="and")
    page = Paginator(results, per_page).get_page(page_number)
    ids = [course.pk for course in page.object_list]
    order = Case(*[When(pk=pk, then=position) for position, pk in enumerate(ids)])
    page.object_list = list(_with_cover(CoursePage.objects.filter(pk__in=ids)).order_by(order)) if ids else []
    return page


def catalogue_levels(*, index: CourseIndexPage) -> set[str]:
    """The levels that at least one live course of the catalogue has: the only ones worth filtering by."""
    return set(CoursePage.objects.live().descendant_of(index).values_list("level", flat=True).distinct())


def lesson_list(*, course: CoursePage) -> list[LessonPage]:
    """The course's live lessons in syllabus order, without their (large) bodies."""
    return list(LessonPage.objects.live().child_of(course).defer("body").order_by("path"))


def instructor_list(*, course: CoursePage):
    images = get_image_model().objects.prefetch_renditions(PHOTO_FILTER)
    links = (
        CourseInstructor.objects.filter(course=course)
        .select_related("instructor")
        .prefetch_related(Prefetch("instructor__photo", queryset=images))
        .order_by("sort_order")
    )
    return [link.instructor for link in links]


def program_for_course(*, course: CoursePage) -> ProgramPage | None:
    return ProgramPage.objects.live().filter(level=course.level, locale_id=course.locale_id).first()
