"""What a certificate design may hold: printed text, styles and ``data:`` images, nothing that fetches.

A design is HTML and CSS edited by registrars in the admin, rendered by the web process (preview)
and by workers (every certificate). WeasyPrint follows many constructs to outside resources:
``<link rel="attachment">`` embeds any URL's content in the PDF, ``<img src>``, ``<object>``,
SVG ``href``, CSS ``url()``, ``@import`` and ``@font-face`` fetch. The renderer's URL fetcher
serves only ``data:`` URIs (``certification.pdf``); this module names every construct that would
even ask, so a design holding one is refused when it is saved and again before it is rendered.

Pure: strings in, lists out. HTML is parsed with the parser WeasyPrint itself uses (tinyhtml5),
CSS with tinycss2, so what is inspected is what would be rendered.
"""

import base64
import binascii
import functools
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

import tinycss2
import tinyhtml5

# Elements that load, embed or execute something (or change where relative URLs point).
REFUSED_ELEMENTS = frozenset(
    {
        "link",
        "base",
        "meta",
        "object",
        "embed",
        "iframe",
        "frame",
        "frameset",
        "applet",
        "script",
        "audio",
        "video",
        "source",
        "track",
        "portal",
        "template",
        # Form controls draw text the page's face choice never sees (a value, the UA's "˅").
        "input",
        "select",
        "textarea",
        "button",
        "option",
        "optgroup",
        "datalist",
        # SVG text is set by the SVG renderer in the font its attributes name, outside the cascade.
        "text",
        "tspan",
        "textpath",
    }
)
# Attributes whose value is a URL that WeasyPrint (or its SVG renderer) may fetch.
URL_ATTRIBUTES = frozenset({"src", "href", "srcset", "data", "poster", "background", "lowsrc", "dynsrc"})
# A hyperlink in the PDF is never fetched: an HTML <a href> may point to a web page.
_LINK_SCHEMES = ("http", "https", "mailto")
_IMAGE_DATA = re.compile(r"data:image/(png|jpeg|jpg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)
# What browsers and WeasyPrint ignore around and inside a URL: leading/trailing C0 controls and
# spaces, tabs and newlines anywhere. "\tFiLe:" is "file:".
_URL_EDGES = "".join(chr(code) for code in range(0x21)) + "\x7f"
_URL_INSIDE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# In the design's template source, a URL attribute may hold only the data: URIs the renderer builds.
_TEMPLATE_IMAGE = re.compile(r"\{\{\s*(seal_src|signature\.src)\s*\}\}")
_TEMPLATE_CODE = re.compile(r"\{[{%#]")
_UNSAFE_TEMPLATE = re.compile(r"\|\s*(safe|safeseq)\b|{%-?\s*autoescape\s+off\b")
_REFUSED_AT_RULES = frozenset({"import", "font-face"})
# attr() prints an attribute's value, which the page's face choice does not see.
_REFUSED_FUNCTIONS = frozenset({"image", "image-set", "-webkit-image-set", "cross-fade", "element", "attr"})
_URL_IN_VALUE = re.compile(r"url\s*\(", re.IGNORECASE)


def clean_url(url: str) -> str:
    """``url`` as a URL parser reads it: outer controls and spaces dropped, tabs and newlines removed."""
    return _URL_INSIDE.sub("", url.strip(_URL_EDGES))


def url_scheme(url: str) -> str:
    """The lower-cased scheme of ``url`` as a URL parser reads it ("" for a relative URL)."""
    match = _SCHEME.match(clean_url(url))
    return match[1].lower() if match else ""


def is_image_data(url: str) -> bool:
    """An inline image a design may hold: ``data:image/…``, and an SVG only if it draws no text
    (its renderer sets SVG text in the font the SVG names, not the page's face)."""
    url = clean_url(url)
    match = _IMAGE_DATA.match(url)
    if not match:
        return False
    return match[1].lower() != "svg+xml" or not _SVG_TEXT.search(_data_payload(url))


_SVG_TEXT = re.compile(r"<\s*(?:[\w-]+:)?(?:text|tspan|textpath|foreignobject)\b", re.IGNORECASE)


def _data_payload(url: str) -> str:
    """The decoded content of a ``data:`` URI (undecodable base64: the raw text, refused by the caller's check)."""
    header, _, payload = url.partition(",")
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode(unquote(payload), validate=False).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return "<text>"
    return unquote(payload)


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class Inspection:
    """What a page draws (for choosing its typeface) and what it may not hold."""

    text: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    # True if a selector may name a pseudo-element (::before, :after, ::marker, …): the renderer
    # then has to set those in the page's typeface too, which costs a style per element each.
    pseudo_elements: bool = False

    def refuse(self, construct: str) -> None:
        if construct not in self.refused:
            self.refused.append(construct)


# --- CSS ------------------------------------------------------------------------------------


def _css_url(inspection: Inspection, url: str, where: str) -> None:
    url = url.strip()
    # url(#id) names something in the same SVG document; data:image/... is inline.
    if url.startswith("#") or is_image_data(url):
        return
    inspection.refuse(f"{where}url({_short(url)})")


# Pseudo-elements CSS 2 also wrote with one colon; every other one needs two.
_LEGACY_PSEUDO_ELEMENTS = frozenset({"before", "after", "first-line", "first-letter"})


def _is_colon(node) -> bool:
    return getattr(node, "type", "") == "literal" and node.value == ":"


def _names_pseudo_element(nodes) -> bool:
    """True if the tokens hold ``::`` or ``:`` before a CSS 2 pseudo-element's name (escapes are
    resolved by the tokenizer). Declarations can match too (``font-family:before``): that only
    costs speed, never a face."""
    nodes = list(nodes or ())
    for node, following in zip(nodes, nodes[1:], strict=False):
        if _is_colon(node) and (
            _is_colon(following)
            or (
                getattr(following, "type", "") == "ident" and following.lower_value in _LEGACY_PSEUDO_ELEMENTS
            )
        ):
            return True
    return False


def _walk_css(nodes, inspection: Inspection, where: str) -> None:
    if not inspection.pseudo_elements and _names_pseudo_element(nodes):
        inspection.pseudo_elements = True
    for node in nodes or ():
        kind = getattr(node, "type", "")
        if kind == "at-rule":
            if node.lower_at_keyword in _REFUSED_AT_RULES:
                inspection.refuse(f"{where}@{node.lower_at_keyword}")
            _walk_css(node.prelude, inspection, where)
            _walk_css(node.content, inspection, where)
        elif kind == "at-keyword" and node.lower_value in _REFUSED_AT_RULES:
            inspection.refuse(f"{where}@{node.lower_value}")
        elif kind == "qualified-rule":
            _walk_css(node.prelude, inspection, where)
            _walk_css(tinycss2.parse_blocks_contents(node.content), inspection, where)
        elif kind == "declaration":
            _walk_css(node.value, inspection, where)
        elif kind == "url":
            _css_url(inspection, node.value, where)
        elif kind == "error" and node.kind == "bad-url":  # e.g. url(fi<TAB>le:…): refused, not guessed at
            inspection.refuse(f"{where}url(…)")
        elif kind == "function":
            name = node.lower_name
            if name in ("url", "src"):
                strings = [arg.value for arg in node.arguments if getattr(arg, "type", "") == "string"]
                _css_url(inspection, strings[0] if strings else "", where)
            elif name in _REFUSED_FUNCTIONS:
                inspection.refuse(f"{where}{name}()")
            _walk_css(node.arguments, inspection, where)
        elif kind == "string":
            inspection.text.append(node.value)  # e.g. content: "…" is drawn
        elif kind in ("() block", "[] block", "{} block"):
            _walk_css(node.content, inspection, where)


def _inspect_css(css: str, inspection: Inspection, *, where: str = "", declarations: bool = False) -> None:
    if declarations:
        nodes = tinycss2.parse_blocks_contents(css, skip_comments=True, skip_whitespace=True)
    else:
        nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    _walk_css(nodes, inspection, where)


@functools.lru_cache(maxsize=64)
def inspect_css(css: str) -> Inspection:
    """A stylesheet's drawn strings and refused constructs. Cached: a design has few versions."""
    inspection = Inspection()
    _inspect_css(css, inspection)
    return inspection


# --- HTML -----------------------------------------------------------------------------------


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].split(":")[-1].lower()


def _inspect_attribute(element_name: str, name: str, value: str, inspection: Inspection, *, source: bool):
    if name == "style":
        if source and _TEMPLATE_CODE.search(value):
            inspection.refuse(f'<{element_name} style="{_short(value)}">')
        _inspect_css(value, inspection, where=f'<{element_name} style="…"> ', declarations=True)
        return
    if name == "rel" and "attachment" in value.lower().split():
        inspection.refuse(f'<{element_name} rel="attachment">')
        return
    if name == "alt":
        inspection.text.append(value)  # drawn when an image is missing
    if name in URL_ATTRIBUTES:
        if name == "srcset":
            inspection.refuse(f"<{element_name} srcset>")
        elif is_image_data(value) or (source and _TEMPLATE_IMAGE.fullmatch(value.strip())):
            return
        elif name == "href" and element_name == "a" and not (source and _TEMPLATE_CODE.search(value)):
            if url_scheme(value) in _LINK_SCHEMES or clean_url(value).startswith("#"):
                return
            inspection.refuse(f'<a href="{_short(value)}">')
        else:
            inspection.refuse(f'<{element_name} {name}="{_short(value)}">')
    elif _URL_IN_VALUE.search(value):
        # SVG presentation attributes (fill="url(#gradient)") may only name the same document.
        _inspect_css(f"x: {value}", inspection, where=f"<{element_name} {name}> ", declarations=True)


def _inspect_tree(root, inspection: Inspection, *, source: bool) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        name = _local(element.tag)
        if name in REFUSED_ELEMENTS:
            inspection.refuse(f"<{name}>")
        for attribute, value in element.attrib.items():
            _inspect_attribute(name, _local(attribute), value or "", inspection, source=source)
        if name == "style":
            _inspect_css("".join(element.itertext()), inspection, where="<style> ")
        elif name not in ("script", "title") and element.text:
            inspection.text.append(element.text)
        if element.tail:
            inspection.text.append(element.tail)


def inspect_html(html: str) -> Inspection:
    """The text ``html`` draws and the constructs in it that would fetch or embed something.

    Only the body is a design's: the head of the project's own pages (meta, title) is allowed.
    """
    return inspect_root(parse_html(html))


def parse_html(html: str):
    """The tree WeasyPrint renders ``html`` as: tinyhtml5 without the HTML namespace."""
    return tinyhtml5.parse(html, namespace_html_elements=False)


def inspect_root(root) -> Inspection:
    """``inspect_html`` of a page already parsed (``parse_html``)."""
    inspection = Inspection()
    head = root.find("head")
    if head is not None:
        for element in head:
            if isinstance(element.tag, str) and _local(element.tag) not in ("meta", "title"):
                _inspect_tree(element, inspection, source=False)
    body = root.find("body")
    if body is not None:
        # The body element itself too: a second <body> tag in a design adds its attributes to it.
        _inspect_tree(body, inspection, source=False)
    return inspection


def inspect_design(*, body: str, css: str) -> list[str]:
    """The refused constructs of a design's template source (HTML with template syntax) and CSS.

    Besides what ``inspect_html`` refuses, a URL attribute may hold template syntax only as
    ``{{ seal_src }}`` or ``{{ signature.src }}`` (data: URIs the renderer builds), and printed
    data may not be marked safe (a name must never become markup).
    """
    inspection = Inspection()
    for match in _UNSAFE_TEMPLATE.finditer(body):
        inspection.refuse(_short(match[0]))
    root = tinyhtml5.parse(f"<body>{body}</body>", namespace_html_elements=False)
    _inspect_tree(root.find("body"), inspection, source=True)
    for construct in inspect_css(css).refused:
        inspection.refuse(construct)
    return inspection.refused
