"""The paper builder in the paper's edit view: a question picker for fixed sections, a random
section's live eligible count, and the paper's running totals beside its pass mark.

The browser script (exams/paper-builder.js) keeps the totals and counts current as the form
changes; the server renders the same figures first, so the page reads right without it.

The paper's form (``PAPER_PANELS``, with ``SECTION_PANELS`` for each section) is declared here and
given to the admin's viewset (``wagtail_hooks.ExamPaperViewSet.panels``), not on the models: the
panels read the builder, which reads the models, so models that named them would import themselves
round a circle (tests/test_import_circles.py).
"""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.admin.staticfiles import versioned_static

from courses.questions.models import Question

from . import builder


def _builder_media() -> forms.Media:
    return forms.Media(
        css={"all": [versioned_static("exams/paper-builder.css")]},
        js=[
            versioned_static("wagtailadmin/js/modal-workflow.js"),
            versioned_static("wagtailadmin/js/chooser-modal.js"),
            versioned_static("exams/paper-builder.js"),
        ],
    )


class QuestionPickerWidget(forms.Widget):
    """The fixed questions of a section: a list of the chosen ones (each with its preview and a
    remove button) and a button opening the question chooser to add several at once.

    Posts one value per question under the field's name, as a multiple select does; it renders
    only the chosen questions, never the whole bank.
    """

    template_name = "exams/admin/question_picker.html"

    @property
    def media(self):
        return _builder_media()

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # nothing posted means no question chosen

    def format_value(self, value):
        if not value:
            return []
        return [str(v.pk if hasattr(v, "pk") else v) for v in value]

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates, not the form renderer's (which reads only apps' folders).
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = [int(v) for v in context["widget"]["value"] if str(v).isdigit()]
        chosen = Question.objects.filter(pk__in=ids).select_related("current_version", "bank")
        context["widget"].update(
            chosen=sorted(chosen, key=lambda q: ids.index(q.pk)),
            chooser_url=reverse("wagtailsnippetchoosers_questions_question:choose"),
            preview_url=reverse("exam_question_preview", args=[0]),
        )
        return context


class EligibleCountPanel(Panel):
    """In a random section: "12 eligible, drawing 5", or why it cannot be drawn, kept current."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "exams/admin/eligible_count.html"

        @property
        def media(self):
            return _builder_media()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["eligible_url"] = reverse("exam_section_eligible")
            section = self.instance
            if section is not None and section.pk and section.kind == "random":
                context["eligible"] = builder.section_eligible(
                    banks=list(section.banks.all()),
                    tags=section.tags,
                    question_type=section.question_type,
                    draw_count=section.draw_count,
                )
            return context


class PaperTotalsPanel(Panel):
    """Questions and marks of one attempt, with the pass mark beside them, and the link to a
    preview of one drawn paper."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "exams/admin/paper_totals.html"

        @property
        def media(self):
            return _builder_media()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            paper = self.instance
            context["totals"] = builder.paper_totals(paper=paper) if paper is not None and paper.pk else None
            context["preview_url"] = (
                reverse("exam_paper_preview", args=[paper.pk]) if paper and paper.pk else ""
            )
            return context


SECTION_PANELS = [
    FieldRowPanel([FieldPanel("title"), FieldPanel("kind"), FieldPanel("points_per_question")]),
    FieldPanel("questions", widget=QuestionPickerWidget),
    FieldRowPanel([FieldPanel("banks"), FieldPanel("tags")]),
    FieldRowPanel([FieldPanel("question_type"), FieldPanel("draw_count")]),
    EligibleCountPanel(),
]

PAPER_PANELS = [
    FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
    FieldRowPanel([FieldPanel("course"), FieldPanel("cohort")]),
    FieldPanel("instructions"),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("eligibility"), FieldPanel("max_attempts")]),
            FieldPanel("result_policy"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("pass_mark")]),
            FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
            FieldRowPanel([FieldPanel("review_mode"), FieldPanel("review_after_close")]),
            FieldPanel("show_provisional_score"),
        ],
        heading=_("Rules"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("blind_grading"),
            FieldRowPanel([FieldPanel("double_marking"), FieldPanel("marking_margin")]),
        ],
        heading=_("Grading"),
    ),
    InlinePanel("sections", heading=_("Sections"), label=_("Section"), min_num=1, panels=SECTION_PANELS),
    PaperTotalsPanel(heading=_("Totals")),
]
