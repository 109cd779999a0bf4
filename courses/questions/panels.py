"""The answer editor of the question form as a Wagtail panel, beside a live preview."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .editor import ADD_ROW


class QuestionEditorPanel(Panel):
    """Renders ``form.editor`` (courses.questions.editor): its rows, settings and the errors the schema
    found at each field, and the preview frame the editor's script (or the Preview button) fills."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "questions/editor/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                editor=getattr(self.form, "editor", None),
                preview_url=reverse("questions_admin:preview"),
                add_row=ADD_ROW,
            )
            return context
