"""Rendering certificate PDFs: template choice, sandboxed template context, glyph check, storage.

``certificate_render`` is the body of ``certificate_render_task``. It locks the certificate row,
returns at once if a PDF is stored and matches its hash, and otherwise renders, stores and
hashes it in the same transaction, so running it twice (a retry, a redelivered message after a
worker died) never produces a second PDF.
"""

import base64
import functools
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.template import Context, Engine, TemplateSyntaxError
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from certification import designs, fonts, pdf, qr
from certification.models import Certificate, CertificateEvent, RenderState
from certification.models.templates import CertificateTemplate
from core.guards import SYSTEM_ONLY, guarded
from core.memo import scoped_memo

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATE_NAME = "certification/pdf/default"
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Tags that would reach beyond the printed data: other templates, template libraries, debug dumps.
_FORBIDDEN_TAGS = re.compile(r"{%-?\s*(load|include|extends|debug|ssi|url|static|csrf_token)\b")

# A bare engine: no loaders, no libraries to {% load %}, autoescaping on, unknown names print nothing.
_engine = Engine(
    loaders=[("django.template.loaders.locmem.Loader", {})],
    libraries={},
    autoescape=True,
    string_if_invalid="",
)


class TemplateRejected(Exception):
    """A certificate template that cannot be used; the message says why, in the user's language.

    ``field``: the design's field at fault ("body" or "css"), for the admin form.
    """

    def __init__(self, message: str, *, field: str = "body"):
        super().__init__(message)
        self.field = field


class RenderRefused(Exception):
    """A certificate that must not be printed as it is (e.g. a character no font can draw)."""


@dataclass(frozen=True)
class TemplateSource:
    body: str
    css: str
    version: str
    signatures: tuple  # ((image or None, title), ...)


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


def _check_source(body: str) -> None:
    if match := _FORBIDDEN_TAGS.search(body):
        raise TemplateRejected(
            gettext("The tag {%% %(tag)s %%} is not allowed in a certificate template.") % {"tag": match[1]}
        )


def _refused_message(constructs: list[str]) -> str:
    listed = "、".join(f"“{construct}”" for construct in constructs)
    return gettext(
        "A certificate design may not contain %(constructs)s: nothing may be fetched or embedded "
        "from outside the design. Use the signature and seal images for pictures."
    ) % {"constructs": listed}


@functools.lru_cache(maxsize=32)
def _design_refusals(body: str, css: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The constructs a design may not hold: (in the HTML, in the CSS). Cached by content."""
    return tuple(designs.inspect_design(body=body, css="")), tuple(designs.inspect_css(css).refused)


def _check_design(body: str, css: str) -> None:
    """Raise TemplateRejected naming any construct that would fetch or embed something."""
    in_body, in_css = _design_refusals(body, css)
    if in_body:
        raise TemplateRejected(_refused_message(list(in_body)), field="body")
    if in_css:
        raise TemplateRejected(_refused_message(list(in_css)), field="css")


def _render_body(body: str, context: dict) -> str:
    _check_source(body)
    try:
        template = _engine.from_string(body)
    except TemplateSyntaxError as error:
        raise TemplateRejected(gettext("The template has an error: %(error)s") % {"error": error}) from error
    return template.render(Context(context, autoescape=True))


def _date_zh(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _date_en(value: date) -> str:
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


@scoped_memo(key=lambda image: (image.pk, image.file.name) if image is not None else None)
def _image_data_uri(image) -> str:
    """An image as a ``data:`` URI (the renderer fetches nothing), scaled to print size."""
    if image is None:
        return ""
    rendition = image.get_rendition("max-600x600")
    with rendition.file.open("rb") as handle:
        content = handle.read()
    kind = "png" if content.startswith(b"\x89PNG") else "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(content).decode()}"


def printed_context(*, snapshot: dict, issued_on: date, expires_on: date | None, seal, signatures) -> dict:
    """The whole template context: plain strings built from the certificate's frozen data."""
    context = {
        key: value for key, value in snapshot.items() if isinstance(value, str | int | float | list | dict)
    }
    qr_code = mark_safe(qr.qr_img(snapshot.get("verification_url", "")))  # noqa: S308 - our own markup
    context.update(
        issued_on_zh=_date_zh(issued_on),
        issued_on_en=_date_en(issued_on),
        expires_on_zh=_date_zh(expires_on) if expires_on else "",
        expires_on_en=_date_en(expires_on) if expires_on else "",
        qr_code=qr_code,
        qr_svg=qr_code,  # the name designs have always used; it now holds the image too
        seal_src=_image_data_uri(seal),
        signatures=[{"src": _image_data_uri(image), "title": title} for image, title in signatures],
    )
    return context


def _printed_text(snapshot: dict) -> str:
    """Every string a certificate prints from its data (names, titles), for the glyph check."""
    parts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(snapshot)
    return "".join(parts)


def unprintable_characters(snapshot: dict) -> list[str]:
    """Characters of the printed data that no configured font can draw (empty: printable).

    ``certificate_issue`` may call it to refuse issuing before a serial is spent.
    """
    return fonts.missing_glyphs(_printed_text(snapshot))


def unprintable_message(characters: list[str], *, language: str | None = "zh-hans") -> str:
    """The staff-facing refusal: in Chinese when stored on the certificate, or in ``language``
    (``None``: the active one) when said to the registrar who asked."""
    listed = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in characters)
    with translation.override(language or translation.get_language()):
        return gettext(
            "Cannot print %(characters)s: no installed font has these characters. Add a font that "
            "covers them (CERTIFICATE_EXTRA_FONTS) or correct the name, then render again."
        ) % {"characters": listed}


def certificate_document(certificate: Certificate, source: TemplateSource) -> pdf.CertificateDocument:
    """Everything the PDF needs, built from the certificate's frozen data and the chosen design."""
    snapshot = certificate.snapshot or {}
    issued_on = timezone.localtime(certificate.issued_at).date()
    expires_on = timezone.localtime(certificate.expires_at).date() if certificate.expires_at else None
    from certification.services.issuing import issuer_settings

    seal = issuer_settings(certificate.program).seal
    context = printed_context(
        snapshot=snapshot, issued_on=issued_on, expires_on=expires_on, seal=seal, signatures=source.signatures
    )
    attachments = ()
    credential = _credential_json(certificate)
    if credential is not None:
        attachments = (
            pdf.PdfAttachment(
                name="credential.json",
                content=credential,
                description="Open Badges 3.0 / W3C Verifiable Credential 2.0",
                relationship="Alternative",
            ),
        )
    _check_design(source.body, source.css)
    return pdf.CertificateDocument(
        body_html=_render_body(source.body, context),
        css=source.css,
        title=f"{certificate.serial} {snapshot.get('program_title_zh', '')}".strip(),
        issued_at=certificate.issued_at,
        attachments=attachments,
    )


def _credential_json(certificate: Certificate) -> bytes | None:
    try:
        from certification.credentials import credential_for
    except ImportError:
        return None
    document = credential_for(certificate)
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2).encode()


def _stored_file_matches(certificate: Certificate) -> bool:
    if not certificate.pdf or not certificate.pdf_sha256:
        return False
    try:
        with certificate.pdf.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest() == certificate.pdf_sha256
    except OSError:
        return False


def _fail(certificate: Certificate, message: str) -> Certificate:
    certificate.render_state = RenderState.FAILED
    certificate.render_error = message
    certificate.save(update_fields=["render_state", "render_error"])
    logger.warning("certificate %s not rendered: %s", certificate.serial, message)
    return certificate


@guarded(SYSTEM_ONLY)
def certificate_render(*, certificate_id: int, actor) -> Certificate:
    """Render, store and hash the PDF of a certificate. Idempotent and atomic; workers call it (``actor=SYSTEM``).

    The row is locked for the whole render, so two deliveries of the same task run one after
    the other and the second returns early. A PDF already stored and matching its hash is never
    rendered again (frozen). A lost or altered file is rendered again from the same template
    version and data; if that version no longer exists, or a printed character has no glyph in
    any configured font, nothing is printed: ``render_state`` becomes ``failed`` with the reason
    in ``render_error`` (in Chinese, for staff).
    """
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("program")
            .get(pk=certificate_id)
        )
        if certificate.render_state == RenderState.DONE and _stored_file_matches(certificate):
            return certificate

        missing = unprintable_characters(certificate.snapshot or {})
        if missing:
            return _fail(certificate, unprintable_message(missing))

        if certificate.pdf_sha256 and certificate.template_version:
            source = _recorded_template(certificate.template_version, certificate.program)
            if source is None:
                with translation.override("zh-hans"):
                    message = gettext(
                        "The stored PDF is missing or altered and its template version %(version)s "
                        "no longer exists: reissue the certificate."
                    ) % {"version": certificate.template_version}
                return _fail(certificate, message)
        else:
            source = template_for_program(certificate.program)

        try:
            document = certificate_document(certificate, source)
        except TemplateRejected as error:
            with translation.override("zh-hans"):
                return _fail(certificate, str(error))
        try:
            content = pdf.render_certificate_pdf(document)
        except pdf.DesignRefused as error:  # e.g. markup built by template logic from printed data
            with translation.override("zh-hans"):
                return _fail(certificate, _refused_message(error.constructs))
        digest = hashlib.sha256(content).hexdigest()
        if certificate.pdf_sha256 and digest != certificate.pdf_sha256:
            # The design's data changed underneath (e.g. a replaced seal image): never print a different PDF.
            with translation.override("zh-hans"):
                message = gettext(
                    "The certificate no longer renders to its recorded PDF: reissue the certificate."
                )
            return _fail(certificate, message)

        name = f"{timezone.localtime(certificate.issued_at):%Y}/{certificate.serial}.pdf"
        storage = certificate.pdf.storage
        full_name = storage.generate_filename(f"certificates/{name}")
        # One file per certificate: a half-finished earlier attempt leaves a file of the same name.
        if storage.exists(full_name):
            storage.delete(full_name)
        certificate.pdf.name = storage.save(full_name, ContentFile(content))
        certificate.pdf_sha256 = digest
        certificate.template_version = source.version
        certificate.render_state = RenderState.DONE
        certificate.render_error = ""
        certificate.save(
            update_fields=["pdf", "pdf_sha256", "template_version", "render_state", "render_error"]
        )
        # In the same transaction as the file's record: one "rendered" event per stored PDF.
        CertificateEvent.objects.create(certificate=certificate, action="rendered", reason=source.version)
        return certificate


@guarded(SYSTEM_ONLY)
def certificate_render_requeue_stale(*, actor, older_than_seconds: int = 600) -> int:
    """Queue rendering again for certificates still pending long after issue. Idempotent. ``actor=SYSTEM``.

    A safety net for brokers that cannot redeliver the message of a worker that died (the
    filesystem transport, or Redis before its visibility timeout): rendering twice is harmless.
    Each requeue is a new message, so the per-message delivery bound does not see a render that
    keeps killing its worker (out of memory, say): after ``TTA_RENDER_MAX_REQUEUES`` requeues of one
    certificate it is marked failed with the reason instead. Run by beat; returns how many were queued.
    """
    from django.conf import settings

    from certification.tasks import certificate_render_task
    from cms.housekeeping import count_in_cache

    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    stale = list(
        Certificate.objects.filter(render_state=RenderState.PENDING, created_at__lt=cutoff).values_list(
            "pk", "verification_code"
        )
    )
    queued = 0
    for certificate_id, code in stale:
        # Keyed by the random verification code: ids are reused by another database on the same cache.
        requeues = count_in_cache(f"certificate-render-requeues:{code}")
        if requeues > settings.TTA_RENDER_MAX_REQUEUES:
            with translation.override("zh-hans"):
                message = gettext(
                    "Rendering was started %(count)s times and never finished (the worker stopped each "
                    "time): check the certificate template, then render again."
                ) % {"count": requeues}
            with transaction.atomic():
                certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
                if certificate.render_state == RenderState.PENDING:
                    _fail(certificate, message)
            continue
        certificate_render_task.delay(certificate_id)
        queued += 1
    return queued


@guarded(SYSTEM_ONLY)
def certificate_render_timed_out(*, certificate_id: int, seconds: int, actor) -> None:
    """Record that rendering hit its time limit, unless a PDF was stored meanwhile. Idempotent. ``actor=SYSTEM``."""
    with translation.override("zh-hans"):
        message = gettext(
            "Rendering took longer than %(seconds)s seconds and was stopped: check the certificate "
            "template, then render again."
        ) % {"seconds": seconds}
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        if certificate.render_state != RenderState.DONE:
            _fail(certificate, message)


# --- Templates in the admin ------------------------------------------------------------------

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
    _check_design(body, css)
    try:
        rendered = _render_body(body, context)
    except TemplateRejected:
        raise
    except Exception as error:  # any runtime error of a template is the editor's to fix
        raise TemplateRejected(gettext("The template has an error: %(error)s") % {"error": error}) from error
    # What template logic builds (e.g. "<{{ 'link' }}") is only seen once rendered.
    refused = designs.inspect_html(rendered).refused
    if refused:
        raise TemplateRejected(_refused_message(refused))


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
        _check_design(source.body, source.css)
        body = _render_body(source.body, context)
        if refused := designs.inspect_html(body).refused:
            raise TemplateRejected(_refused_message(refused))
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
