"""Builders for the curriculum page tree."""

import itertools
from decimal import Decimal

from wagtail.models import Locale, Page, Site

from cms.choices import DeliveryMode, Level, Module
from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage, ProgramPage

_numbers = itertools.count(1)


def _publish(parent: Page, page: Page, *, revision: bool = False) -> Page:
    """``page`` added under ``parent``: a live page, as visitors and the services see it. With
    ``revision``, published through a revision as an editor would (the revision history, the
    publishing log, Wagtail's reports); that doubles a page's cost, and pages are most of what a
    test builds, so only the tests about revisions and publishing ask for it."""
    parent.add_child(instance=page)
    if revision:
        page.save_revision().publish()
    return page


def ensure_page_tree() -> None:
    """Recreate Wagtail's default locale, root page and site if a transactional test flushed them."""
    from django.conf import settings

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


def home_page(**fields) -> HomePage:
    """A HomePage at the root of the default site (replacing Wagtail's placeholder page)."""
    root = Page.get_first_root_node()
    home = _publish(
        root, HomePage(title=fields.pop("title", "首页"), slug=f"home-{next(_numbers)}", **fields)
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def catalogue_page(home: HomePage, **fields) -> CourseIndexPage:
    fields.setdefault("title", "课程目录")
    fields.setdefault("slug", "courses")
    return _publish(home, CourseIndexPage(**fields))


def program_page(home: HomePage, **fields) -> ProgramPage:
    fields.setdefault("level", Level.PRIMARY)
    fields.setdefault("title", f"项目 {next(_numbers)}")
    fields.setdefault("slug", fields["level"])
    fields.setdefault("required_hours", Decimal("48"))
    return _publish(home, ProgramPage(**fields))


def course_page(catalogue: CourseIndexPage, *, revision: bool = False, **fields) -> CoursePage:
    number = next(_numbers)
    fields.setdefault("title", f"课程 {number}")
    fields.setdefault("slug", f"course-{number}")
    fields.setdefault("code", f"T-{number:04d}")
    fields.setdefault("summary", "课程简介")
    fields.setdefault("module", Module.GENERAL)
    fields.setdefault("level", Level.PRIMARY)
    fields.setdefault("delivery_mode", DeliveryMode.ONLINE)
    fields.setdefault("learning_hours", Decimal("4"))
    return _publish(catalogue, CoursePage(**fields), revision=revision)


def lesson_page(course: CoursePage, *, revision: bool = False, **fields) -> LessonPage:
    number = next(_numbers)
    fields.setdefault("title", f"课节 {number}")
    fields.setdefault("slug", f"lesson-{number}")
    fields.setdefault("body", [{"type": "rich_text", "value": "<p>正文内容。</p>"}])
    return _publish(course, LessonPage(**fields), revision=revision)


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]
