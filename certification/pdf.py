"""Certificate PDFs with WeasyPrint. Pure: data in, bytes out, no database, no network, no files.

A worker process builds one ``Renderer`` (fonts and base stylesheet) and reuses it for every
certificate: parsing the CSS once and keeping one font configuration saves most of the per-call
cost and keeps memory steady (see DESIGN.md §5). Output is PDF/A-3b with fixed metadata dates
taken from the certificate, so rendering the same data twice gives the same bytes.

Nothing is fetched by URL: the fetcher serves ``data:`` URIs only, the shipped fonts are added to
fontconfig by path (no ``@font-face``, so no ``file:`` URL is ever needed), and a page holding a
construct that would fetch or embed something is refused (``certification.designs``). Each
document is set in one typeface that draws all of its text (``fonts.face_for``).
"""

import hashlib
import threading
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape

import cssselect2
import pydyf
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.ffi import ffi, fontconfig, pangoft2
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from certification import designs, fonts

PDF_VARIANT = "pdf/a-3b"
CERTIFICATE_PAGE_CSS = "@page { size: A4 landscape; margin: 0; }"


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


class DesignRefused(ValueError):
    """A page holds constructs that would fetch or embed something; ``constructs`` names them."""

    def __init__(self, constructs: list[str]):
        super().__init__(", ".join(constructs))
        self.constructs = constructs


class DataOnlyFetcher(URLFetcher):
    """Serves ``data:`` URIs; refuses every other URL: files, the network, relative paths.

    A design edited in the admin must never make the web process or a worker read a file or
    fetch a URL (SSRF). The scheme is read as a URL parser reads it (case-insensitive, after
    dropping surrounding spaces and control characters), so ``FILE:``, `` file:`` and
    ``\tfile:`` are all ``file:``. A refused resource is left out of the page (WeasyPrint logs
    it); designs holding such constructs are refused before this is reached.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        if designs.url_scheme(url) != "data":
            raise ResourceRefused(f"refused to fetch {url!r}: only data: URIs are served")
        return super().fetch(designs.clean_url(url), headers)


class CertificateFontConfiguration(FontConfiguration):
    """WeasyPrint's font configuration with the shipped (and extra) font files added by path.

    fontconfig reads the files directly, so no ``@font-face`` rule and no ``file:`` URL is needed
    and the URL fetcher can refuse them all. The system font is found as installed.
    """

    def __init__(self):
        super().__init__()
        for path in fonts.registered_font_files():
            if not path.is_file() or not fontconfig.FcConfigAppFontAddFile(self._config, str(path).encode()):
                raise FileNotFoundError(f"certificate font {path} cannot be loaded")
        pangoft2.pango_fc_font_map_config_changed(ffi.cast("PangoFcFontMap *", self.font_map))


class _FastZlib:
    """What pydyf sees as ``zlib``: the same compression at level 1 where it asks for 9.

    pydyf compresses every stream of every PDF at level 9; for a certificate's font subsets that
    is a tenth of the render for 3 % of the size (57 KB at level 1, 55 KB at 9, measured). The
    output is ordinary Flate either way."""

    LEVEL = 1

    @staticmethod
    def compress(data, level=-1, **kwargs):
        return zlib.compress(data, _FastZlib.LEVEL, **kwargs)

    @staticmethod
    def compressobj(level=-1, *args, **kwargs):
        return zlib.compressobj(_FastZlib.LEVEL, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(zlib, name)


pydyf.zlib = _FastZlib()


# Pseudo-elements that can carry text and a font of their own (``designs`` notices any).
_TEXT_PSEUDO_ELEMENTS = (
    "before",
    "after",
    "marker",
    "first-letter",
    "first-line",
    "footnote-call",
    "footnote-marker",
)
# The page-margin boxes: each takes a font-family of its own inside @page.
_MARGIN_BOXES = (
    "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
    "bottom-left-corner", "bottom-left", "bottom-center", "bottom-right", "bottom-right-corner",
    "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom",
)  # fmt: skip


def face_css(family: str, *, pseudo_elements: bool = True) -> str:
    """Every element, page margin box and generated text in ``family`` and nothing else.

    Pseudo-elements inherit the face from their element unless a stylesheet gives them a font of
    their own, which only a stylesheet naming pseudo-elements can (``designs.Inspection``); the
    rule for them is added only then, as it makes WeasyPrint compute more styles for every element.
    """
    rule = f'font-family: "{family}" !important;'
    selectors = ["html", "html *"]
    if pseudo_elements:
        selectors += [f"html *::{name}" for name in _TEXT_PSEUDO_ELEMENTS]
    boxes = " ".join(f"@{box} {{ {rule} }}" for box in _MARGIN_BOXES)
    # One rule per selector: a selector list is dropped whole if one of them is not understood.
    rules = "\n".join(f"{selector} {{ {rule} }}" for selector in selectors)
    return f"{rules}\n@page {{ {rule} {boxes} }}"


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


@dataclass(frozen=True)
class _Sheet:
    css: CSS
    text: str  # what the stylesheet draws (content: "…")
    pseudo_elements: bool  # whether a selector may name a pseudo-element (designs.Inspection)


class _ParsedHTML(HTML):
    """WeasyPrint's ``HTML`` of a tree parsed by ``designs.parse_html`` (as ``HTML(string=…)``
    parses: tinyhtml5 without the HTML namespace), so a page is parsed once, not once to inspect
    and once to render. Sets what ``HTML.__init__`` sets; certificate pages have no ``<base>``
    (refused), so the base URL is the blank one every page gets."""

    def __init__(self, root, *, url_fetcher: URLFetcher):
        self.base_url = "about:blank"
        self.url_fetcher = url_fetcher
        self.media_type = "print"
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
        self.etree_element = self.wrapper_element.etree_element


class Renderer:
    """Fonts and stylesheets built once, reused for every PDF rendered by this process."""

    def __init__(self):
        self.fetcher = DataOnlyFetcher()
        self.font_config = CertificateFontConfiguration()
        self.base_css = self._css(CERTIFICATE_PAGE_CSS)
        self._stylesheets: dict[str, _Sheet] = {}
        self._faces: dict[tuple[str, bool], CSS] = {}
        self._lock = threading.Lock()

    def _css(self, css: str) -> CSS:
        return CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher)

    def stylesheet(self, css: str) -> CSS:
        """A parsed stylesheet, cached by content (templates have few versions).

        Raises DesignRefused if it holds a construct that would fetch something.
        """
        return self._stylesheet_and_text(css).css

    def _stylesheet_and_text(self, css: str) -> "_Sheet":
        """The parsed stylesheet and the text it draws (``content: "…"``), both cached by content:
        a design's CSS is inspected and parsed once per process, not once per certificate."""
        key = hashlib.sha256(css.encode()).hexdigest()
        with self._lock:
            cached = self._stylesheets.get(key)
        if cached is not None:
            return cached
        inspection = designs.inspect_css(css)
        if inspection.refused:
            raise DesignRefused(inspection.refused)
        cached = _Sheet(self._css(css), "".join(inspection.text), inspection.pseudo_elements)
        with self._lock:
            if len(self._stylesheets) > 32:
                self._stylesheets.clear()
            self._stylesheets[key] = cached
        return cached

    def _names_pseudo_elements(self, stylesheet: CSS) -> bool:
        """False only for a stylesheet known to name none: the base one, or a cached one that says so."""
        if stylesheet is self.base_css:
            return False
        with self._lock:
            sheets = list(self._stylesheets.values())
        return not any(sheet.css is stylesheet and not sheet.pseudo_elements for sheet in sheets)

    def face_stylesheet(self, family: str, *, pseudo_elements: bool = True) -> CSS:
        key = (family, pseudo_elements)
        with self._lock:
            parsed = self._faces.get(key)
            if parsed is None:
                parsed = self._faces[key] = self._css(face_css(family, pseudo_elements=pseudo_elements))
        return parsed

    def write(self, html: str, *, stylesheets: list[CSS], extra_text: str = "", **options) -> bytes:
        """Any PDF the project makes: refuse fetching constructs, set all text in one face, write.

        ``extra_text``: text the stylesheets draw (``content: "…"``), for choosing the face.
        Raises DesignRefused naming the constructs of ``html`` that would fetch or embed something.
        The page is parsed once: what WeasyPrint renders is the very tree that was inspected.
        """
        root = designs.parse_html(html)
        inspection = designs.inspect_root(root)
        if inspection.refused:
            raise DesignRefused(inspection.refused)
        # A character no face draws was refused before (fonts.missing_glyphs); should one get
        # here, the full system font draws all it can.
        face = fonts.face_for("".join(inspection.text) + extra_text) or fonts.system_face()
        pseudo_elements = inspection.pseudo_elements or any(map(self._names_pseudo_elements, stylesheets))
        document = _ParsedHTML(root, url_fetcher=self.fetcher)
        return document.write_pdf(
            stylesheets=[*stylesheets, self.face_stylesheet(face.family, pseudo_elements=pseudo_elements)],
            font_config=self.font_config,
            **options,
        )

    def render(self, document: CertificateDocument) -> bytes:
        design = self._stylesheet_and_text(document.css)
        return self.write(
            document_html(document),
            stylesheets=[self.base_css, design.css],
            extra_text=design.text,
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
        + CERTIFICATE_PAGE_CSS
        + "\n"
        + document.css
    )
    html = document_html(document).replace("</head>", f"<style>{css}</style></head>", 1)
    return HTML(string=html, url_fetcher=DataOnlyFetcher()).write_pdf(
        pdf_variant=PDF_VARIANT, attachments=_attachments(document)
    )
