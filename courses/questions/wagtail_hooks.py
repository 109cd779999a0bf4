"""Question banks in the Wagtail admin: banks, questions (saved as new versions), import and export."""

import django_filters
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
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

from . import services, views
from .forms import QuestionForm
from .models import Question, QuestionBank


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


class QuestionCreateView(CreateView):
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


class QuestionEditView(EditView):
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


class QuestionFilterSet(WagtailFilterSet):
    # django-filter has no filter for a TaggableManager ("tags" in list_filter made the list a 500):
    # questions carrying a tag, by its name.
    tags = django_filters.CharFilter(field_name="tags__name", label=_("tags"), distinct=True)

    class Meta:
        model = Question
        fields = ["bank", "qtype", "module", "difficulty"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    add_view_class = QuestionCreateView
    delete_view_class = ProtectedDeleteView
    edit_view_class = QuestionEditView
    copy_view_enabled = False  # a copy must go through question_create to get its first version
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
    edit_handler = ObjectList(
        [
            FieldPanel("bank"),
            FieldPanel("qtype"),
            FieldPanel("version_name"),
            FieldPanel("text"),
            FieldPanel("text_format"),
            FieldPanel("data"),
            FieldPanel("default_points"),
            FieldPanel("general_feedback"),
            FieldPanel("module"),
            FieldPanel("difficulty"),
            FieldPanel("tags"),
        ],
        base_form_class=QuestionForm,
    )

    def get_queryset(self, request):
        return Question.objects.filter(archived=False).select_related("current_version", "bank")


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
