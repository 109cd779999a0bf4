"""Question text that is HTML (Moodle XML ``format="html"``, GIFT ``[html]``), kept safe and readable.

HTML is cut down to an allow-list when it is stored (import, staff edits) and again when it is
shown: paragraphs and line breaks, emphasis, lists, tables, sub/superscript, code, and images.
An image may only be embedded (a ``data:`` PNG, JPEG, GIF or WebP, which is how Moodle's attached
files are imported) or come from this site's own media folder: no remote address, so no tracker
learns who opens an exam. Scripts, styles, event handlers, links and frames are removed. Text in
any other format (plain, Markdown, Moodle's auto-format) is shown escaped, line breaks kept.
Pure functions; no database.
"""

import re
from html import unescape

import nh3
from django.conf import settings
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

HTML = "html"

ALLOWED_TAGS = {
    "p", "br", "div", "span", "hr", "blockquote",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "code", "pre", "kbd",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type"},
}
EMBEDDED_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+\Z")
IMAGE_TYPES = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "gif": "gif", "webp": "webp"}


def _own_media(src: str) -> bool:
    media = settings.MEDIA_URL or ""
    # Only a path on this site: "//host/…" or "https://…" would reach somebody else's server.
    return media.startswith("/") and not media.startswith("//") and src.startswith(media)


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if EMBEDDED_IMAGE.match(value) or _own_media(value) else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_keep_attribute,
    url_schemes={"data"},  # then narrowed to embedded images by _keep_attribute
    link_rel=None,
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """``html`` reduced to the allow-list. Idempotent."""
    return _cleaner.clean(html or "").strip()


def stored_text(text: str, text_format: str) -> str:
    """The text as it is stored: HTML cleaned, anything else unchanged."""
    return clean_html(text) if text_format == HTML else text


def render(text: str, text_format: str) -> SafeString:
    """The text for a page: cleaned HTML as HTML; anything else escaped, with its line breaks."""
    if text_format == HTML:
        return mark_safe(clean_html(text))  # cleaned to the allow-list just now
    return mark_safe(linebreaks(text or "", autoescape=True))  # escaped by linebreaks


_LINE_BREAKING = re.compile(r"<br\s*/?>|</(?:p|div|li|tr|dt|dd|h[1-6]|pre|blockquote|table)\s*>", re.I)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML fragment (for answers, options and names): tags dropped,
    entities decoded, one line per paragraph or line break."""
    text = unescape(nh3.clean(_LINE_BREAKING.sub("\n", html or ""), tags=set()))
    lines = (" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def embed_image(data_base64: str, filename: str) -> str | None:
    """A ``data:`` URI for an image file given in base64 (Moodle XML ``<file>``), or None if not an image."""
    kind = IMAGE_TYPES.get(filename.rsplit(".", 1)[-1].lower()) if "." in filename else None
    if kind is None:
        return None
    return f"data:image/{kind};base64,{''.join(data_base64.split())}"
