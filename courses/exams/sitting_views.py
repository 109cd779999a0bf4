"""Admin view of sittings beyond Wagtail's own: preparing a sitting's papers now, after a confirmation.

Registrars only (the sittings' list is theirs too: only they hold the model's permissions).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.roles import registrar_required

from . import sitting_selectors, sittings
from .models import Sitting


class SittingAssembleView(WagtailAdminTemplateMixin, TemplateView):
    """GET: what preparing would do (who is expected, who has a paper); POST: queue it."""

    template_name = "exams/admin/sitting_assemble.html"
    page_title = gettext_lazy("Prepare papers")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        registrar_required(user=request.user)
        self.sitting = get_object_or_404(
            Sitting.objects.select_related("paper", "cohort"), pk=kwargs["sitting_id"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.sitting)

    def get_context_data(self, **kwargs):
        expected = sitting_selectors.expected_examinees(sitting=self.sitting)
        with_papers = sitting_selectors.users_with_papers(sitting=self.sitting)
        return super().get_context_data(
            sitting=self.sitting,
            expected=len(expected),
            missing=len(expected - with_papers),
            back=reverse("wagtailsnippets_exams_sitting:list"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        sittings.sitting_schedule(actor=request.user, sitting=self.sitting)
        messages.success(
            request, _("The papers of “%(sitting)s” are being prepared.") % {"sitting": self.sitting}
        )
        return redirect("wagtailsnippets_exams_sitting:list")


sitting_assemble = SittingAssembleView.as_view()
