"""Question banks in the Wagtail admin: banks, questions (saved as new versions), import and export."""

import django_filters
from django.contrib import messages
from django.db import models, transaction
from django.db.models import Count, ProtectedError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import selectors, services, views
from .chooser import QuestionChooserViewSet
from .editor import ADD_ROW
from .forms import QuestionForm
from .models import Question, QuestionBank, QuestionType
from .panels import QuestionEditorPanel


class ProtectedDeleteView(DeleteView):
    """Deleting a bank that still holds questions, or a question an attempt used, is refused politely."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(object)s” is still in use (by questions, sub-banks or exam attempts) and cannot be deleted."
                )
                % {"object": self.object},
            )
            return redirect(self.get_success_url())


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    delete_view_class = ProtectedDeleteView
    icon = "folder-inverse"
    menu_label = _("Banks")
    list_display = [
        "name",
        "parent",
        "module",
        Column("questions", label=_("Questions"), accessor="question_count"),
    ]
    list_filter = ["module"]
    form_fields = ["name", "parent", "description", "module"]
    ordering = ["parent__name", "name"]

    def get_queryset(self, request):
        return QuestionBank.objects.select_related("parent").annotate(question_count=Count("questions"))


class _AddRowMixin:
    """Without JavaScript, "add another" sends the form back: it is shown again with one more row,
    nothing saved and no errors yet."""

    def post(self, request, *args, **kwargs):
        if ADD_ROW not in request.POST:
            return super().post(request, *args, **kwargs)
        self.form = self.get_form()
        return self.render_to_response(self.get_context_data(form=self.form))


class QuestionCreateView(_AddRowMixin, CreateView):
    """Adding a question starts with its type (a page of the eight), then the type's editor."""

    def get(self, request, *args, **kwargs):
        if request.GET.get("qtype") not in QuestionType.values:
            return TemplateResponse(
                request,
                "questions/question_type_choose.html",
                {
                    "types": [(value, label, TYPE_HELP[value]) for value, label in QuestionType.choices],
                    "add_url": request.path,
                    "header_icon": "help",
                    "page_title": _("New question: choose its type"),
                    "breadcrumbs_items": self.breadcrumbs_items,
                },
            )
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        for name in ("qtype", "bank"):
            if self.request.GET.get(name):
                initial[name] = self.request.GET[name]
        return initial

    def get_success_url(self):
        return _list_url_for(self.object)

    def save_instance(self):
        form = self.form
        question = services.question_create(
            bank=form.cleaned_data["bank"],
            qtype=form.cleaned_data["qtype"],
            module=form.cleaned_data["module"],
            difficulty=form.cleaned_data["difficulty"],
            tags=list(form.cleaned_data["tags"]),
            user=self.request.user,
            **form.version_fields(),
        )
        log(question, "wagtail.create", user=self.request.user)
        return question


class QuestionEditView(_AddRowMixin, EditView):
    def get_success_url(self):
        return _list_url_for(self.object)

    def save_instance(self):
        form = self.form
        question = services.question_edit(
            question=self.object,
            bank=form.cleaned_data["bank"],
            module=form.cleaned_data["module"],
            difficulty=form.cleaned_data["difficulty"],
            tags=list(form.cleaned_data["tags"]),
            user=self.request.user,
            **form.version_fields(),
        )
        log(question, "wagtail.edit", user=self.request.user)
        return question


def _list_url_for(question) -> str:
    # Back to the list, filtered to the question's bank, where the saved question is found.
    return reverse("wagtailsnippets_questions_question:list") + "?" + urlencode({"bank": question.bank_id})


TYPE_HELP = {
    QuestionType.SINGLE_CHOICE: _("One right option among several."),
    QuestionType.MULTIPLE_CHOICE: _("Several right options; each earns part of the points."),
    QuestionType.TRUE_FALSE: _("A statement that is true or false."),
    QuestionType.SHORT_ANSWER: _("A word or phrase typed in; fill in the blank."),
    QuestionType.NUMERICAL: _("A number, right within a tolerance."),
    QuestionType.MATCHING: _("Prompts matched with answers from a list."),
    QuestionType.ESSAY: _("A written answer, graded by a person."),
    QuestionType.CASE_ANALYSIS: _("A case answered in writing, graded by a rubric."),
}


class QuestionStatus(models.TextChoices):
    ACTIVE = "active", _("In use")
    ARCHIVED = "archived", _("Archived")


class QuestionFilterSet(WagtailFilterSet):
    # A bank includes its sub-banks (an imported category is a sub-bank of the bank imported into).
    bank = django_filters.ModelChoiceFilter(
        label=_("bank (with its sub-banks)"), queryset=QuestionBank.objects.all(), method="filter_bank"
    )
    # django-filter has no filter for a TaggableManager ("tags" in list_filter made the list a 500).
    tags = django_filters.ModelChoiceFilter(
        label=_("tag"),
        queryset=Tag.objects.filter(questions_taggedquestion_items__isnull=False).distinct().order_by("name"),
        method="filter_tag",
    )
    # No empty choice: "In use" is the default (archived questions only when asked for), listed once.
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=QuestionStatus.choices, empty_label=None, method="filter_status"
    )
    in_papers = django_filters.BooleanFilter(
        label=_("used in exam papers"), method="filter_in_papers", widget=BooleanWidget
    )

    class Meta:
        model = Question
        fields = ["bank", "qtype", "tags", "status", "in_papers", "module", "difficulty"]

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.filter(archived=False)  # archived questions only when asked for
        return super().filter_queryset(queryset)

    def filter_bank(self, queryset, name, value):
        return queryset.filter(bank_id__in=selectors.bank_descendant_ids(bank=value))

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__name=value.name).distinct()

    def filter_status(self, queryset, name, value):
        return queryset.filter(archived=value == QuestionStatus.ARCHIVED)

    def filter_in_papers(self, queryset, name, value):
        used = selectors.questions_in_papers()
        return queryset.filter(used) if value else queryset.exclude(used)


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    add_view_class = QuestionCreateView
    delete_view_class = ProtectedDeleteView
    edit_view_class = QuestionEditView
    copy_view_enabled = False  # a copy must go through question_create to get its first version
    search_fields = ["current_version__name", "current_version__text"]
    search_backend_name = None  # the database's own search: questions are not in the search index
    list_display = [
        Column(
            "name", label=_("Name"), accessor=lambda q: q.current_version.name if q.current_version else ""
        ),
        "qtype",
        "bank",
        "module",
        "difficulty",
        Column("version", label=_("Version"), accessor="current_version.number"),
    ]
    filterset_class = QuestionFilterSet
    chooser_viewset_class = QuestionChooserViewSet  # search, bank/type/tag filters, preview
    edit_handler = ObjectList(
        [
            FieldPanel("bank"),
            FieldPanel("qtype"),
            FieldPanel("version_name"),
            FieldPanel("text"),
            FieldPanel("text_format"),
            FieldPanel("default_points"),
            QuestionEditorPanel(heading=_("Answers and grading")),
            FieldPanel("general_feedback"),
            FieldPanel("module"),
            FieldPanel("difficulty"),
            FieldPanel("tags"),
        ],
        base_form_class=QuestionForm,
    )

    def get_queryset(self, request):
        return Question.objects.select_related("current_version", "bank")


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.ADD)


class QuestionImportViewSet(ViewSet):
    """Import and export pages, grouped in the menu with banks and questions."""

    name = "questions_admin"
    url_prefix = "question-files"
    icon = "upload"
    menu_label = _("Import questions")
    menu_item_class = _ImportMenuItem

    @property
    def menu_url(self):
        return reverse("questions_admin:import")

    def get_urlpatterns(self):
        return [
            path("import/", views.ImportUploadView.as_view(), name="import"),
            path("import/<int:pk>/", views.ImportPreviewView.as_view(), name="import_preview"),
            path("export/<int:bank_id>/", views.ExportView.as_view(), name="export"),
            path("template.xlsx", views.TemplateDownloadView.as_view(), name="template"),
            path("preview/", views.QuestionPreviewView.as_view(), name="preview"),
        ]


class QuestionBankGroup(SnippetViewSetGroup):
    menu_label = _("Question banks")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (QuestionBankViewSet, QuestionViewSet, QuestionImportViewSet)


register_snippet(QuestionBankGroup)


@hooks.register("register_snippet_listing_buttons")
def bank_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, QuestionBank):
        return []
    buttons = []
    if user.has_perm(views.VIEW):
        buttons.append(
            ListingButton(
                _("Export"),
                reverse("questions_admin:export", args=[snippet.pk]),
                icon_name="download",
                priority=30,
            )
        )
    if user.has_perm(views.ADD):
        buttons.append(
            ListingButton(
                _("Import into this bank"),
                reverse("questions_admin:import") + f"?bank={snippet.pk}",
                icon_name="upload",
                priority=31,
            )
        )
    return buttons
