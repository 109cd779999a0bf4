"""What a certificate prints: a design filled with the certificate's frozen data, ready for the PDF.

The template context holds plain strings only (names, titles, dates in both languages, the QR code,
images as ``data:`` URIs), never database objects, and the design is rendered by a bare template
engine that can load nothing: a design sees the printed data and nothing else. The glyph check
of the same data, which refuses issuing and rendering alike, is ``fonts.unprintable_characters``.
Which design is used is
``templates``, what refuses one ``certification.design_rules``; storing the PDF is ``rendering``.
"""

import base64
import json
from datetime import date

from django.template import Context, Engine, TemplateSyntaxError
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from certification import pdf, qr
from certification.design_rules import TemplateRejected, TemplateSource, check_design, check_tags
from certification.models import Certificate
from certification.services.issuing import issuer_settings
from core.memo import scoped_memo

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

# A bare engine: no loaders, no libraries to {% load %}, autoescaping on, unknown names print nothing.
_engine = Engine(
    loaders=[("django.template.loaders.locmem.Loader", {})],
    libraries={},
    autoescape=True,
    string_if_invalid="",
)


def _render_body(body: str, context: dict) -> str:
    check_tags(body)
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


def certificate_document(certificate: Certificate, source: TemplateSource) -> pdf.CertificateDocument:
    """Everything the PDF needs, built from the certificate's frozen data and the chosen design."""
    snapshot = certificate.snapshot or {}
    issued_on = timezone.localtime(certificate.issued_at).date()
    expires_on = timezone.localtime(certificate.expires_at).date() if certificate.expires_at else None
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
    check_design(source.body, source.css)
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
