"""Rendering certificate PDFs: the worker's job of printing, storing and hashing each certificate once.

``certificate_render`` is the body of ``certificate_render_task``. It locks the certificate row,
returns at once if a PDF is stored and matches its hash, and otherwise renders, stores and
hashes it in the same transaction, so running it twice (a retry, a redelivered message after a
worker died) never produces a second PDF. The stall sweep and the time-limit handler record why
a certificate was not printed. The design comes from ``templates``, the filled page from ``printing``.
"""

import hashlib
import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from certification import pdf
from certification.design_rules import TemplateRejected, refused_message
from certification.fonts import unprintable_characters, unprintable_message
from certification.models import Certificate, CertificateEvent, RenderState
from certification.services.printing import certificate_document
from certification.services.templates import _recorded_template, template_for_program
from core.guards import SYSTEM_ONLY, guarded

logger = logging.getLogger(__name__)


class RenderRefused(Exception):
    """A certificate that must not be printed as it is (e.g. a character no font can draw)."""


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
                return _fail(certificate, refused_message(error.constructs))
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
