"""The curriculum as a page tree: home → programs and the catalogue → courses → lessons."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import LessonContentBlock
from cms.choices import DeliveryMode, Level, Module
from cms.search import cjk_bigrams

HOURS_FIELD = {"max_digits": 6, "decimal_places": 1, "validators": [MinValueValidator(Decimal("0"))]}


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ProgramPage", "cms.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["programs"] = selectors.program_list(home=self)
        context["catalogue"] = selectors.catalogue_for(home=self)
        return context


class ProgramPage(Page):
    """A certification track at one level. Hours required is a setting of the program, never a constant."""

    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"), blank=True)
    required_hours = models.DecimalField(
        _("required learning hours"),
        help_text=_("Hours a trainee must earn to complete the program."),
        **HOURS_FIELD,
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("level"), FieldPanel("required_hours")]),
        FieldPanel("summary"),
        FieldPanel("description"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("level")]

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = selectors.course_list_for_program(program=self)
        return context


class CourseIndexPage(Page):
    """The catalogue: every course, filtered by level, module and delivery mode, and searchable."""

    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("courses per page"), default=12)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors
        from cms.forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        # A level with no course yet (often 高级 at first) is not offered: it could only find nothing.
        form = CatalogueFilterForm(request.GET or None, levels=selectors.catalogue_levels(index=self))
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        context["page_obj"] = selectors.catalogue_page(
            index=self,
            level=filters.get("level") or None,
            module=filters.get("module") or None,
            delivery_mode=filters.get("delivery_mode") or None,
            query=filters.get("q") or "",
            page_number=request.GET.get("page"),
            per_page=self.per_page,
        )
        context["is_filtered"] = any(filters.values())
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_querystring"] = query.urlencode()
        return context


class CoursePage(Page):
    """A course: a unit of content with a learning-hours value, made of lessons."""

    code = models.CharField(_("course code"), max_length=30)
    summary = models.TextField(_("summary"))
    objectives = RichTextField(_("learning objectives"), blank=True, features=["ol", "ul", "bold", "italic"])
    module = models.CharField(_("module"), max_length=20, choices=Module.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.ONLINE
    )
    learning_hours = models.DecimalField(_("learning hours"), **HOURS_FIELD)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("learning_hours")]),
                FieldRowPanel([FieldPanel("level"), FieldPanel("module"), FieldPanel("delivery_mode")]),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("cover_image"),
        InlinePanel("course_instructors", label=_("Instructors")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("search_tokens"),
        index.FilterField("level"),
        index.FilterField("module"),
        index.FilterField("delivery_mode"),
    ]

    parent_page_types = ["cms.CourseIndexPage"]
    subpage_types = ["cms.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def search_tokens(self) -> str:
        """Chinese-searchable form of the course text (see cms.search)."""
        text = " ".join([self.title, self.code, self.summary, strip_tags(self.objectives or "")])
        return cjk_bigrams(text, with_unigrams=True)

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = selectors.lesson_list(course=self)
        context["instructors"] = selectors.instructor_list(course=self)
        context["program"] = selectors.program_for_course(course=self)
        return context


class CourseInstructor(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="course_instructors")
    instructor = models.ForeignKey(
        "cms.Instructor", verbose_name=_("instructor"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("instructor")]

    class Meta(Orderable.Meta):
        verbose_name = _("course instructor")
        constraints = [
            models.UniqueConstraint(fields=["course", "instructor"], name="unique_course_instructor")
        ]


class LessonPage(Page):
    """One page of a course: text, video, documents and case studies."""

    body = StreamField(LessonContentBlock(), verbose_name=_("content"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=30)
    required = models.BooleanField(
        pgettext_lazy("lesson", "required"),
        default=True,
        help_text=_("Required lessons count towards completing the course."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["cms.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        lessons = selectors.lesson_list(course=course)
        position = next((i for i, lesson in enumerate(lessons) if lesson.pk == self.pk), 0)
        context.update(
            course=course,
            lessons=lessons,
            lesson_number=position + 1,
            previous_lesson=lessons[position - 1] if position > 0 else None,
            next_lesson=lessons[position + 1] if position + 1 < len(lessons) else None,
        )
        return context
