"""The question chooser: search by name or text, filter by bank (with its sub-banks), type and tag,
and preview a question as a trainee will see it before picking it.

Used by the paper builder's fixed sections (several at once) and by any ForeignKey to a question.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView

from cms.choosers import ListersOnlyChooserViewSet

from . import selectors
from .models import Question, QuestionBank, QuestionType

# Wagtail's chooser modal reloads its results when a field marked so changes.
_FILTER = {"data-chooser-modal-search-filter": True}


class QuestionFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Search")})
    )
    bank = forms.ModelChoiceField(
        label=_("bank (with its sub-banks)"),
        queryset=QuestionBank.objects.order_by("name"),
        required=False,
        widget=forms.Select(attrs=_FILTER),
    )
    qtype = forms.ChoiceField(
        label=_("question type"),
        choices=[("", _("Any type")), *QuestionType.choices],
        required=False,
        widget=forms.Select(attrs=_FILTER),
    )
    tag = forms.ModelChoiceField(
        label=_("tag"),
        queryset=Tag.objects.filter(questions_taggedquestion_items__isnull=False).distinct().order_by("name"),
        required=False,
        widget=forms.Select(attrs=_FILTER),
    )

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            self.is_searching = True
            self.search_query = data["q"]
            text = data["q"]
            objects = objects.filter(
                Q(current_version__name__icontains=text) | Q(current_version__text__icontains=text)
            )
        if data.get("bank"):
            objects = objects.filter(bank_id__in=selectors.bank_descendant_ids(bank=data["bank"]))
        if data.get("qtype"):
            objects = objects.filter(qtype=data["qtype"])
        if data.get("tag"):
            objects = objects.filter(tags__name=data["tag"].name).distinct()
        return objects


class _QuestionChooseMixin:
    filter_form_class = QuestionFilterForm
    per_page = 20

    def get_object_list(self):
        return Question.objects.filter(archived=False, current_version__isnull=False).select_related(
            "current_version", "bank"
        )

    @property
    def columns(self):
        return [
            *super().columns,
            Column("qtype", label=_("question type"), accessor="get_qtype_display"),
            Column("bank", label=_("bank"), accessor="bank"),
            Column("points", label=_("Points"), accessor="current_version.default_points"),
            Column("preview", label=_("Preview"), accessor=_preview_link),
        ]


def _preview_link(question):
    return format_html(
        '<a href="{}" target="_blank" rel="noopener" data-question-preview>{}</a>',
        reverse("exam_question_preview", args=[question.pk]),
        _("Preview"),
    )


class QuestionChooseView(_QuestionChooseMixin, ChooseView):
    pass


class QuestionChooseResultsView(_QuestionChooseMixin, ChooseResultsView):
    pass


class QuestionChooserViewSet(ListersOnlyChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
