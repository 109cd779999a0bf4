"""Certificate PDFs with WeasyPrint. Pure: data in, bytes out, no database, no network.

A worker process builds one ``Renderer`` (fonts and base stylesheet) and reuses it for every
certificate: parsing the CJK @font-face rules and the CSS once saves most of the per-call cost
and keeps memory steady (see DESIGN.md §5). Output is PDF/A-3b with fixed metadata dates taken
from the certificate, so rendering the same data twice gives the same bytes.
"""

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from certification import fonts

PDF_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class PdfAttachment:
    name: str
    content: bytes
    description: str = ""
    relationship: str = "Data"


@dataclass(frozen=True)
class CertificateDocument:
    """Everything printed: the rendered template body, its CSS, and the fixed metadata."""

    body_html: str
    css: str
    title: str
    issued_at: datetime
    lang: str = "zh-Hans"
    attachments: tuple[PdfAttachment, ...] = field(default_factory=tuple)


class ResourceRefused(Exception):
    pass


class LocalOnlyFetcher(URLFetcher):
    """Serves ``data:`` URIs and the shipped font files; refuses everything else.

    A template edited in the admin must not make the worker fetch URLs (SSRF) or read files; a
    refused resource is left out of the page (WeasyPrint logs it) rather than failing the render.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("data", "file"), fail_on_errors=False)
        self._allowed_files = {path.as_uri() for path in fonts.SHIPPED_FONTS.values()}

    def fetch(self, url, headers=None):
        if url.startswith("file:") and url.split("?")[0] not in self._allowed_files:
            raise ResourceRefused(f"refused to read {url}")
        return super().fetch(url, headers)


def font_face_css() -> str:
    """@font-face rules for the shipped subset, with the full system font as fallback family."""
    rules = [
        f'@font-face {{ font-family: "{fonts.FONT_FAMILY}"; font-weight: {weight}; '
        f'src: url("{path.as_uri()}"); }}'
        for weight, path in fonts.SHIPPED_FONTS.items()
        if path.is_file()
    ]
    rules.append(
        f':root {{ font-family: "{fonts.FONT_FAMILY}", "{fonts.SYSTEM_FONT_FAMILY}", serif; }}\n'
        "@page { size: A4 landscape; margin: 0; }"
    )
    return "\n".join(rules)


def _w3c(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def document_html(document: CertificateDocument) -> str:
    """The full HTML page: fixed metadata in the head, the template body as is."""
    stamp = _w3c(document.issued_at)
    return (
        f'<!DOCTYPE html><html lang="{escape(document.lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title>"
        '<meta name="generator" content="TT Academy">'
        f'<meta name="dcterms.created" content="{stamp}">'
        f'<meta name="dcterms.modified" content="{stamp}">'
        f"</head><body>{document.body_html}</body></html>"
    )


class Renderer:
    """Fonts and stylesheets built once, reused for every PDF rendered by this process."""

    def __init__(self):
        self.fetcher = LocalOnlyFetcher()
        self.font_config = FontConfiguration()
        self.base_css = CSS(string=font_face_css(), font_config=self.font_config, url_fetcher=self.fetcher)
        self._stylesheets: dict[str, CSS] = {}
        self._lock = threading.Lock()

    def stylesheet(self, css: str) -> CSS:
        """A parsed template stylesheet, cached by content (templates have few versions)."""
        key = hashlib.sha256(css.encode()).hexdigest()
        with self._lock:
            parsed = self._stylesheets.get(key)
            if parsed is None:
                if len(self._stylesheets) > 32:
                    self._stylesheets.clear()
                parsed = CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher)
                self._stylesheets[key] = parsed
        return parsed

    def render(self, document: CertificateDocument) -> bytes:
        html = HTML(string=document_html(document), url_fetcher=self.fetcher, base_url="about:blank")
        return html.write_pdf(
            stylesheets=[self.base_css, self.stylesheet(document.css)],
            font_config=self.font_config,
            pdf_variant=PDF_VARIANT,
            attachments=_attachments(document),
            uncompressed_pdf=False,
        )


def _attachments(document: CertificateDocument) -> list[Attachment]:
    # Attachment dates default to "now": fix them so the bytes are reproducible.
    when = document.issued_at.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    return [
        Attachment(
            string=item.content,
            name=item.name,
            description=item.description,
            created=when,
            modified=when,
            relationship=item.relationship,
        )
        for item in document.attachments
    ]


_renderer: Renderer | None = None
_renderer_lock = threading.Lock()


def renderer() -> Renderer:
    """This process's renderer, built on first use (workers build it at process start)."""
    global _renderer
    if _renderer is None:
        with _renderer_lock:
            if _renderer is None:
                _renderer = Renderer()
    return _renderer


def render_certificate_pdf(document: CertificateDocument) -> bytes:
    return renderer().render(document)


def render_naive(document: CertificateDocument) -> bytes:
    """A fresh ``HTML(...).write_pdf()`` with the system font and nothing reused: the baseline."""
    css = (
        f':root {{ font-family: "{fonts.SYSTEM_FONT_FAMILY}", serif; }}\n'
        "@page { size: A4 landscape; margin: 0; }\n" + document.css
    )
    html = document_html(document).replace("</head>", f"<style>{css}</style></head>", 1)
    return HTML(string=html, url_fetcher=LocalOnlyFetcher()).write_pdf(
        pdf_variant=PDF_VARIANT, attachments=_attachments(document)
    )
