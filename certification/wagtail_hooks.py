"""Admin of certification: certificate designs (snippets with review) and bulk issuance batches."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certification import selectors
from certification.models import CertificateRule, CertificateTemplate
from cms.choosers import ListersOnlyChooserViewSet
from core.roles import is_registrar


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate designs")
    menu_name = "certificate-templates"
    add_to_admin_menu = True
    menu_order = 310
    # Wagtail printed "live" as True/False and "updated_at" under the English "Updated at".
    list_display = [
        "name",
        "program",
        LiveStatusTagColumn(label=_("Status")),
        UpdatedAtColumn(label=_("Updated")),
    ]
    search_fields = ["name"]
    chooser_viewset_class = ListersOnlyChooserViewSet


register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_urls")
def register_batch_urls():
    from certification.views import batches

    return [
        path("certificate-batches/", batches.batch_list, name="certificate_batches"),
        path("certificate-batches/preview/", batches.batch_preview, name="certificate_batch_preview"),
        path("certificate-batches/new/", batches.batch_create, name="certificate_batch_create"),
        path("certificate-batches/<int:pk>/", batches.batch_detail, name="certificate_batch"),
        path(
            "certificate-batches/<int:pk>/progress/",
            batches.batch_progress,
            name="certificate_batch_progress",
        ),
        path("certificate-batches/<int:pk>/retry/", batches.batch_retry, name="certificate_batch_retry"),
        path("certificate-batches/<int:pk>/zip/", batches.batch_zip, name="certificate_batch_zip"),
        path(
            "certificate-batches/<int:pk>/zip/download/",
            batches.batch_zip_download,
            name="certificate_batch_zip_download",
        ),
    ]


class _ManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return is_registrar(user=request.user)


def _register_managers_link(menu_hook: str, label, url_name: str, *, name: str, order: int, icon_name: str):
    """A link to ``url_name`` in the admin menu (or the Reports menu) that only certificate managers see."""

    @hooks.register(menu_hook)
    def menu_item():
        return _ManagersMenuItem(label, reverse(url_name), name=name, icon_name=icon_name, order=order)


_register_managers_link(
    "register_admin_menu_item",
    _("Bulk issuance"),
    "certificate_batches",
    name="certificate-batches",
    order=320,
    icon_name="list-ul",
)


class CertificateRuleViewSet(SnippetViewSet):
    """Registrars set, per program, what earns a certificate, its validity and renewal."""

    model = CertificateRule
    icon = "tasks"
    menu_label = _("Certification rules")
    menu_name = "certification-rules"
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "program",
        "course_selection",
        "min_hours",
        "validity_months",
        Column(
            "auto_issue",
            label=CertificateRule._meta.get_field("auto_issue").verbose_name,
            accessor=lambda rule: _("Yes") if rule.auto_issue else _("No"),  # not True/False
        ),
    ]
    chooser_viewset_class = ListersOnlyChooserViewSet


register_snippet(CertificateRuleViewSet)


@hooks.register("register_admin_urls")
def register_certificate_management_urls():
    from certification.views import manage

    return [
        path("certificates/", manage.certificate_list, name="certificate_manage_list"),
        path("certificates/issue/", manage.certificate_issue, name="certificate_manage_issue"),
        path("certificates/<int:pk>/", manage.certificate_detail, name="certificate_manage_detail"),
    ]


_register_managers_link(
    "register_admin_menu_item",
    _("Certificates"),
    "certificate_manage_list",
    name="certificates",
    order=305,
    icon_name="doc-full",
)


# --- Reports (admin → Reports): cohort report, certificate registry, annual training report ------


@hooks.register("register_admin_urls")
def register_report_urls():
    from certification.reports import views

    return [
        path("reports/cohorts/", views.cohort_report_index, name="cohort_reports"),
        path("reports/cohorts/<int:pk>/", views.cohort_report, name="cohort_report"),
        path("reports/cohorts/<int:pk>/report.xlsx", views.cohort_report_export, name="cohort_report_export"),
        path("reports/certificates/", views.certificate_registry, name="certificate_registry"),
        path(
            "reports/certificates/certificates.xlsx",
            views.certificate_registry_export,
            name="certificate_registry_export",
        ),
        path(
            "reports/certificates/changes/<int:pk>/",
            views.registry_change,
            name="certificate_registry_change",
        ),
        path(
            "reports/certificates/changes/<int:pk>/progress/",
            views.registry_change_progress,
            name="certificate_registry_change_progress",
        ),
        path("reports/annual/", views.annual_report, name="annual_report"),
        path("reports/annual/<int:year>.xlsx", views.annual_report_export, name="annual_report_export"),
        path("reports/annual/<int:year>.pdf", views.annual_report_pdf, name="annual_report_pdf"),
    ]


for label, url_name, name, order in [
    (_("Cohort report"), "cohort_reports", "cohort-report", 110),
    (_("Certificate registry"), "certificate_registry", "certificate-registry", 130),
    (_("Annual training report"), "annual_report", "annual-report", 140),
]:
    _register_managers_link(
        "register_reports_menu_item", label, url_name, name=name, order=order, icon_name="table"
    )


@hooks.register("trainee_dashboard_panels", order=20)
def certificates_dashboard_panel(request):
    certificates = list(selectors.certificates_for_holder(user=request.user)[:5])
    return render_to_string(
        "certification/holder/dashboard_panel.html", {"certificates": certificates}, request=request
    )
