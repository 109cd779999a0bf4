"""Certificate designs: versioned HTML + CSS templates that go through review before use."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index


class CertificateTemplate(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A certificate design. Only the published (live) version is used to render certificates.

    ``body`` is Django template syntax rendered in a sandbox (no tags that load anything, no
    database objects: only the certificate's printed data, see ``certification.services.printing``).
    """

    name = models.CharField(_("name"), max_length=200)
    program = models.ForeignKey(
        "cms.ProgramPage",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use this design for every program without a design of its own."),
    )
    body = models.TextField(
        _("HTML"),
        help_text=_(
            "Django template syntax. Available: holder_name, program_title_zh, program_title_en, "
            "level_label_zh, level_label_en, hours, serial, issued_on_zh, issued_on_en, expires_on_zh, "
            "expires_on_en, issuer_name_zh, issuer_name_en, accreditation_number, qr_svg, seal_src, "
            "signatures (src, title), verification_url."
        ),
    )
    css = models.TextField(
        _("CSS"), blank=True, help_text=_("The page is A4 landscape unless @page says otherwise.")
    )
    signature_1_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("first signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signature_1_title = models.CharField(_("first signatory"), max_length=100, blank=True)
    signature_2_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("second signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signature_2_title = models.CharField(_("second signatory"), max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="certificate_template")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("program")]),
        FieldPanel("body"),
        FieldPanel("css"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signature_1_image"), FieldPanel("signature_1_title")]),
                FieldRowPanel([FieldPanel("signature_2_image"), FieldPanel("signature_2_title")]),
            ],
            heading=_("Signatures"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        from certification.services.templates import TemplateRejected, template_check

        try:
            template_check(body=self.body, css=self.css)
        except TemplateRejected as error:
            raise ValidationError({error.field: str(error)}) from error

    # Preview: a sample certificate as PDF, rendered exactly as a worker would.
    preview_modes = [("pdf", _("Sample certificate (PDF)"))]

    def serve_preview(self, request, mode_name):
        from certification.services.templates import template_sample_pdf
        from core.downloads import attachment_response

        return attachment_response(
            template_sample_pdf(template=self),
            filename="certificate-preview.pdf",
            content_type="application/pdf",
            inline=True,
        )
