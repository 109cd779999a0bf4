"""Certificate designs: which one a certificate uses, and whether a design may be used at all.

A design (``CertificateTemplate``, or the shipped default) is Django template HTML and CSS that
registrars edit in the admin. This module picks the published design for a program (and the exact
version a certificate was first printed with), refuses designs that could reach beyond the printed
data (template tags that load or include, constructs that fetch or embed: the rules are
``certification.design_rules``), checks and previews a draft on sample data, and sets up the review
workflow designs go through. Filling a design with a certificate's data is ``printing``; storing the
PDF is ``rendering``.
"""

import hashlib
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from certification import designs, pdf
from certification.design_rules import (
    TemplateRejected,
    TemplateSource,
    check_design,
    refused_message,
)
from certification.models.templates import CertificateTemplate
from certification.services.printing import _render_body, printed_context
from core.memo import scoped_memo

DEFAULT_TEMPLATE_NAME = "certification/pdf/default"


def _shipped_default() -> TemplateSource:
    from django.template.loader import get_template

    body = get_template(f"{DEFAULT_TEMPLATE_NAME}.html").template.source
    css = get_template(f"{DEFAULT_TEMPLATE_NAME}.css").template.source
    digest = hashlib.sha256((body + "\0" + css).encode()).hexdigest()[:16]
    return TemplateSource(body=body, css=css, version=f"default:{digest}", signatures=())


def default_template_source() -> tuple[str, str]:
    """The shipped default design's HTML and CSS (used to create the first template)."""
    source = _shipped_default()
    return source.body, source.css


def _template_source(template: CertificateTemplate) -> TemplateSource:
    signatures = tuple(
        (image, title)
        for image, title in (
            (template.signature_1_image, template.signature_1_title),
            (template.signature_2_image, template.signature_2_title),
        )
        if image is not None or title
    )
    fingerprint = "\0".join(
        [
            template.body,
            template.css,
            *(f"{image.pk if image else ''}:{title}" for image, title in signatures),
        ]
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
    return TemplateSource(
        body=template.body, css=template.css, version=f"{template.pk or 0}:{digest}", signatures=signatures
    )


@scoped_memo(key=lambda program: program.translation_key)
def template_for_program(program) -> TemplateSource:
    """The published design for ``program``: its own, else the general one, else the shipped default."""
    live = CertificateTemplate.objects.filter(live=True).select_related(
        "signature_1_image", "signature_2_image"
    )
    template = (
        live.filter(program__translation_key=program.translation_key).order_by("-updated_at").first()
        or live.filter(program__isnull=True).order_by("-updated_at").first()
    )
    return _template_source(template) if template else _shipped_default()


def _recorded_template(version: str, program) -> TemplateSource | None:
    """The design a certificate was first rendered with, if it still exists (current or a revision)."""
    current = template_for_program(program)
    if not version or current.version == version:
        return current
    if version.startswith("default:"):
        shipped = _shipped_default()
        return shipped if shipped.version == version else None
    template_id = version.split(":", 1)[0]
    template = CertificateTemplate.objects.filter(pk=template_id).first()
    if template is None:
        return None
    for revision in template.revisions.order_by("-created_at"):
        candidate = _template_source(revision.as_object())
        if candidate.version == version:
            return candidate
    return None


# --- Checking and previewing a design in the admin ------------------------------------------

SAMPLE_SNAPSHOT = {
    "holder_name": "王喆堃",
    "program_title_zh": "技术经理人培训项目",
    "program_title_en": "Technology Transfer Manager Programme",
    "level_label_zh": "初级",
    "level_label_en": "Primary",
    "hours": "48",
    "serial": "TTA-2026-P-000001",
    "verification_url": "https://example.org/verify/sample/",
    "issuer_name_zh": "国家技术转移人才培养基地",
    "issuer_name_en": "National Technology Transfer Talent Training Base",
    "accreditation_number": "示例-0001",
}


def template_check(*, body: str, css: str) -> None:
    """Raise TemplateRejected if ``body`` uses a forbidden tag, does not compile or fails on sample data,
    or if the design holds a construct that would fetch or embed something (``certification.designs``)."""
    if not body.strip():
        raise TemplateRejected(gettext("The template is empty."))
    today = date(2026, 1, 1)
    context = printed_context(
        snapshot=SAMPLE_SNAPSHOT, issued_on=today, expires_on=today, seal=None, signatures=()
    )
    check_design(body, css)
    try:
        rendered = _render_body(body, context)
    except TemplateRejected:
        raise
    except Exception as error:  # any runtime error of a template is the editor's to fix
        raise TemplateRejected(gettext("The template has an error: %(error)s") % {"error": error}) from error
    # What template logic builds (e.g. "<{{ 'link' }}") is only seen once rendered.
    refused = designs.inspect_html(rendered).refused
    if refused:
        raise TemplateRejected(refused_message(refused))


def template_sample_pdf(*, template: CertificateTemplate) -> bytes:
    """A sample certificate with ``template`` as edited (draft included), for the admin preview."""
    from datetime import UTC, datetime

    source = _template_source(template)
    today = timezone.localdate()
    context = printed_context(
        snapshot=SAMPLE_SNAPSHOT,
        issued_on=today,
        expires_on=today.replace(year=today.year + 3),
        seal=None,
        signatures=source.signatures,
    )
    css = source.css
    try:
        check_design(source.body, source.css)
        body = _render_body(source.body, context)
        if refused := designs.inspect_html(body).refused:
            raise TemplateRejected(refused_message(refused))
    except TemplateRejected as error:
        # The reason instead of the design: nothing of a refused design reaches the renderer.
        body, css = f"<p>{escape(str(error))}</p>", ""
    document = pdf.CertificateDocument(
        body_html=body, css=css, title=str(_("Sample certificate")), issued_at=datetime.now(UTC)
    )
    return pdf.render_certificate_pdf(document)


TEMPLATE_REVIEW_WORKFLOW = gettext_noop("Certificate template review")  # named in the site's language


@transaction.atomic
def certificate_templates_setup():
    """Registrars manage designs and batches; a design goes through registrar review before use.

    Idempotent. Run after migrations (post_migrate) and by the demo loader. The review workflow
    is attached to the template model, so "Submit for review" appears when editing a design and
    only an approved (published) version is used to render certificates. The Registrars' permissions
    on designs and batches are ``core.roles``' table (granted here too, as after every migrate).
    """
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

    from cms.services import named_in_site_language, site_language_name
    from core.roles import REGISTRARS_GROUP, roles_setup

    roles_setup()
    registrars = Group.objects.get(name=REGISTRARS_GROUP)
    workflow = named_in_site_language(Workflow, TEMPLATE_REVIEW_WORKFLOW)
    task_name = gettext_noop("Registrars approve certificate templates")
    if not workflow.workflow_tasks.exists():
        task = named_in_site_language(GroupApprovalTask, task_name)
        task.groups.add(registrars)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:  # set up before the names were translated
        GroupApprovalTask.objects.filter(name=task_name).update(name=site_language_name(task_name))
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(CertificateTemplate), defaults={"workflow": workflow}
    )
    return workflow
