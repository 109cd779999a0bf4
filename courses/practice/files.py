"""Checking uploaded reports by their content, and copies without metadata for blind review.

Pure: bytes in, facts or bytes out; no database, no storage. ``inspect_upload`` decides what a
file is from its bytes (never from its name or the browser's content type) and refuses what could
act when opened: macros, OLE objects and ActiveX controls, relationships a reader fetches from the
network, PDF scripts, launch actions, embedded files and actions run on opening.
``strip_metadata`` returns a copy without its author, creator, title, company, comment authors,
tracked-change authors and its pictures' EXIF, XMP and text chunks, for reviewers who must not
learn whose work it is.
"""

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree
from django.utils.translation import gettext as _

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# A DOCX is a zip: refuse zip bombs before inflating anything.
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_INFLATED = 300 * 1024 * 1024
MAX_ZIP_RATIO = 200

# PDF names that run something or carry another file (an OpenAction that is an action, not a page).
# /AA: additional actions, run on an event (a page opened or closed, the document closed or printed)
# whatever the action is (a web address fetched, a form submitted, another file opened).
_PDF_FORBIDDEN = (
    "/JavaScript",
    "/JS",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/RichMedia",
    "/XFA",
    "/AA",
)
_PDF_NAME = re.compile(rb"/[A-Za-z0-9#]+")
_STREAMS = re.compile(rb"stream\r?\n.*?endstream", re.S)
_WORDS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Relationship types that pull in code or another program's object.
_FORBIDDEN_REL_TYPES = ("/oleObject", "/activeXControl", "/control", "/vbaProject", "/attachedToolbars")


class UploadRefused(Exception):
    """The file is refused; ``message`` says why, in the active language."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Inspected:
    kind: str  # "pdf" or "docx"
    content_type: str
    size: int
    sha256: str
    word_count: int
    data: bytes


def count_words(text: str) -> int:
    """Each Chinese character counts as a word (字数), as do runs of Latin letters and digits."""
    return len(_WORDS.findall(text))


def read_limited(upload, *, max_bytes: int) -> bytes:
    """The upload's bytes, refusing it as soon as it is larger than ``max_bytes`` (checked on the
    declared size before reading, then while reading, for a size that lies)."""
    declared = getattr(upload, "size", None)
    if declared is not None and declared > max_bytes:
        raise UploadRefused(_too_large(max_bytes), code="too_large")
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRefused(_too_large(max_bytes), code="too_large")
    if not data:
        raise UploadRefused(_("The file is empty."), code="empty")
    return data


def _too_large(max_bytes: int) -> str:
    return _("The file is larger than %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}


def inspect_upload(upload, *, allowed_kinds: list[str], max_bytes: int) -> Inspected:
    """What ``upload`` is, or UploadRefused. Accepts a PDF or a DOCX (as ``allowed_kinds`` say),
    detected by content; refuses anything active in it (see the module's docstring)."""
    data = read_limited(upload, max_bytes=max_bytes)
    if data.startswith(b"%PDF-"):
        kind = "pdf"
    elif data.startswith(b"PK\x03\x04"):
        kind = "docx"
    else:
        raise UploadRefused(_("This is not a PDF or Word (.docx) document."), code="wrong_type")
    if kind not in allowed_kinds:
        raise UploadRefused(_("This assignment does not accept this kind of file."), code="kind_not_allowed")
    if kind == "pdf":
        words = _inspect_pdf(data)
        content_type = PDF_TYPE
    else:
        words = _inspect_docx(data)
        content_type = DOCX_TYPE
    return Inspected(
        kind=kind,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        word_count=words,
        data=data,
    )


# --- PDF -------------------------------------------------------------------------------------------


def _pdf_names(raw: bytes) -> set[str]:
    """The PDF names in ``raw``, with #xx escapes decoded (``/J#61vaScript`` is ``/JavaScript``)."""
    names = set()
    for match in _PDF_NAME.findall(raw):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), match)
        names.add(name.decode("latin-1"))
    return names


def _open_pdf(data: bytes):
    import pymupdf

    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except Exception as error:  # MuPDF raises its own errors for anything unreadable
        raise UploadRefused(_("The PDF cannot be read."), code="unreadable") from error
    if document.needs_pass or document.is_encrypted:
        document.close()
        raise UploadRefused(_("The PDF is protected by a password; upload it without one."), code="encrypted")
    if document.page_count < 1:
        document.close()
        raise UploadRefused(_("The PDF has no pages."), code="unreadable")
    return document


def _inspect_pdf(data: bytes) -> int:
    document = _open_pdf(data)
    try:
        # The raw file's dictionaries (objects outside the cross-reference table too), streams left
        # out: compressed bytes would match a short name such as /JS by chance.
        names = _pdf_names(_STREAMS.sub(b" ", data))
        for xref in range(1, document.xref_length()):
            try:
                source = document.xref_object(xref, compressed=False)  # object streams decoded
            except Exception:
                continue
            names |= _pdf_names(source.encode("latin-1", "replace"))
            if "/OpenAction" in source and _open_action_is_action(document, xref):
                names.add("OpenAction (an action)")
        if document.embfile_count():
            names.add("/EmbeddedFile")
        if any(name in names for name in (*_PDF_FORBIDDEN, "OpenAction (an action)")):
            raise UploadRefused(
                _("The PDF contains scripts, embedded files or actions; save it again as a plain PDF."),
                code="active_content",
            )
        text = "".join(page.get_text() for page in document)
    finally:
        document.close()
    return count_words(text)


def _open_action_is_action(document, xref: int) -> bool:
    """An OpenAction that only opens at a page (``[page /XYZ …]``, as LibreOffice writes) is harmless;
    an action dictionary (``<< /S … >>`` or a reference to one) runs something."""
    kind, value = document.xref_get_key(xref, "OpenAction")
    if kind == "array":
        return False
    if kind == "xref":
        target = int(value.split()[0])
        return document.xref_get_key(target, "S")[0] != "null"
    return kind != "null"


# --- DOCX ------------------------------------------------------------------------------------------


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UploadRefused(_("The Word document cannot be read."), code="unreadable") from error
    inflated = sum(info.file_size for info in infos)
    if (
        len(infos) > MAX_ZIP_MEMBERS
        or inflated > MAX_ZIP_INFLATED
        or inflated > MAX_ZIP_RATIO * max(len(data), 1)
    ):
        raise UploadRefused(_("The Word document cannot be read."), code="zip_bomb")
    return archive


def _xml(archive: zipfile.ZipFile, name: str):
    try:
        return ElementTree.fromstring(archive.read(name))
    except Exception as error:  # malformed XML, entity tricks (defusedxml), bad compression
        raise UploadRefused(_("The Word document cannot be read."), code="unreadable") from error


def _inspect_docx(data: bytes) -> int:
    archive = _open_zip(data)
    with archive:
        names = archive.namelist()
        lowered = [name.lower() for name in names]
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise UploadRefused(_("This is not a PDF or Word (.docx) document."), code="wrong_type")
        macros = _("The Word document contains macros (.docm); save it as a plain .docx document.")
        if any(name.endswith("vbaproject.bin") or name.endswith("vbadata.xml") for name in lowered):
            raise UploadRefused(macros, code="macros")
        types = _xml(archive, "[Content_Types].xml")
        content_types = [element.get("ContentType", "") for element in types.iter()]
        if any("macroenabled" in value.lower() or "vbaproject" in value.lower() for value in content_types):
            raise UploadRefused(macros, code="macros")
        main = [
            el.get("ContentType")
            for el in types.iter(f"{_CT}Override")
            if el.get("PartName") == "/word/document.xml"
        ]
        if main != [_DOCX_MAIN]:
            raise UploadRefused(_("This is not a PDF or Word (.docx) document."), code="wrong_type")
        embedded = _(
            "The Word document contains embedded objects or controls; remove them and upload it again."
        )
        if any(
            name.startswith("word/activex/")
            or (name.startswith("word/embeddings/") and name.endswith(".bin"))
            for name in lowered
        ) or any("oleobject" in value.lower() or "activex" in value.lower() for value in content_types):
            raise UploadRefused(embedded, code="embedded_objects")
        for name in names:
            if not name.endswith(".rels"):
                continue
            for relation in _xml(archive, name).iter(f"{_REL}Relationship"):
                kind = relation.get("Type", "")
                if kind.endswith(_FORBIDDEN_REL_TYPES):
                    raise UploadRefused(embedded, code="embedded_objects")
                # A hyperlink is followed only when clicked; anything else external (a remote
                # template, a linked image, a frame) is fetched on opening.
                if relation.get("TargetMode", "").lower() == "external" and not kind.endswith("/hyperlink"):
                    raise UploadRefused(
                        _("The Word document links to outside content that opens with it; remove the links."),
                        code="external_relationship",
                    )
        document = _xml(archive, "word/document.xml")
        paragraphs = [
            "".join(text.text or "" for text in paragraph.iter(f"{_W}t"))
            for paragraph in document.iter(f"{_W}p")
        ]
    return count_words("\n".join(paragraphs))


# --- Copies for reviewers -------------------------------------------------------------------------

_CORE_EMPTY = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    b'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>'
)
_CUSTOM_EMPTY = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>'
)
_APP_PERSONAL = re.compile(
    rb"<(Company|Manager|Template|HyperlinkBase|TitlesOfParts|HeadingPairs)(?:\s[^>]*)?(?<!/)>.*?</\1>"
    rb"|<(Company|Manager|Template|HyperlinkBase|TitlesOfParts|HeadingPairs)(?:\s[^>]*)?/>",
    re.S,
)
# (The titles of parts repeat the document's title, often "<name>的报告"; the heading pairs count them.)
# Authors of comments and tracked changes, and the people list of modern Word.
_AUTHOR_ATTRIBUTES = re.compile(rb'\b(w:author|w:initials|w15:author|w15:userId|w15:providerId)="[^"]*"')
# Document variables (settings.xml) keep whatever a template stored, often the author's name.
_DOC_VARIABLE = re.compile(rb'(<w:docVar\b[^>]*?\bw:val=")[^"]*"')
# The cover page's properties (customXml/itemN.xml): the company's address, telephone, fax, e-mail.
_COVER_PAGE = re.compile(
    rb"<(CompanyAddress|CompanyPhone|CompanyFax|CompanyEmail|Abstract|PublishDate)>.*?</\1>", re.S
)


def strip_metadata(*, data: bytes, kind: str) -> bytes:
    """A copy of a checked report (or attachment) without who wrote it: for blind review."""
    if kind == "pdf":
        return _strip_pdf(data)
    return _strip_docx(data)


def _strip_pdf(data: bytes) -> bytes:
    document = _open_pdf(data)
    try:
        document.set_metadata({})
        document.del_xml_metadata()
        for page in document:
            for annotation in page.annots() or []:
                annotation.set_info(title="", subject="")
                annotation.update()
        _strip_pdf_jpegs(document)
        return document.tobytes(garbage=4, deflate=True, no_new_id=True)
    finally:
        document.close()


def _strip_pdf_jpegs(document) -> None:
    """Photos embedded in a PDF keep their EXIF and XMP (camera owner, GPS, author) inside the image
    stream: a JPEG stored as it is (``/DCTDecode``) is stripped like a DOCX's pictures, byte-level,
    and written back with its filter (``update_stream`` would drop it)."""
    for xref in range(1, document.xref_length()):
        if document.xref_get_key(xref, "Subtype")[1] != "/Image":
            continue
        if document.xref_get_key(xref, "Filter") != ("name", "/DCTDecode"):
            continue
        raw = document.xref_stream_raw(xref)
        stripped = strip_image_metadata(raw)
        if stripped != raw:
            document.update_stream(xref, stripped, compress=False)
            document.xref_set_key(xref, "Filter", "/DCTDecode")


# JPEG segments kept: the frame, the tables and the scan, JFIF (APP0), the colour profile (APP2) and
# Adobe's colour transform (APP14). Dropped: EXIF and XMP (APP1: camera owner, GPS, author), IPTC
# (APP13), comments (COM) and the other application segments.
_JPEG_KEPT_APPS = {0xE0, 0xE2, 0xEE}
# PNG chunks that carry text or a date: author, software, comments, EXIF.
_PNG_DROPPED = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def strip_image_metadata(data: bytes) -> bytes:
    """A JPEG or PNG without its EXIF, XMP, IPTC, comments and text chunks; other bytes unchanged.
    Byte-level (no re-encoding): the picture is the same; a malformed image is returned as it is."""
    if data.startswith(b"\xff\xd8"):
        return _strip_jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return _strip_png(data)
    return data


def _strip_jpeg(data: bytes) -> bytes:
    out, position = bytearray(b"\xff\xd8"), 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return data
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[position:]
            return bytes(out)
        if marker == 0xFF or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # fill byte or no-length marker
            out += data[position : position + 2] if marker != 0xFF else b""
            position += 1 if marker == 0xFF else 2
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if length < 2 or position + 2 + length > len(data):
            return data
        segment = data[position : position + 2 + length]
        if not ((0xE0 <= marker <= 0xEF and marker not in _JPEG_KEPT_APPS) or marker == 0xFE):
            out += segment
        position += 2 + length
    return data


def _strip_png(data: bytes) -> bytes:
    out, position = bytearray(_PNG_SIGNATURE), len(_PNG_SIGNATURE)
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            return data
        if kind not in _PNG_DROPPED:
            out += data[position:end]
        position = end
        if kind == b"IEND":
            return bytes(out)
    return data


def _strip_docx(data: bytes) -> bytes:
    source = _open_zip(data)
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            lowered = info.filename.lower()
            if lowered == "docprops/core.xml":
                content = _CORE_EMPTY
            elif lowered == "docprops/app.xml":
                content = _APP_PERSONAL.sub(b"", content)
            elif lowered == "docprops/custom.xml":
                content = _CUSTOM_EMPTY
            elif lowered.startswith("word/") and lowered.endswith(".xml"):
                content = _AUTHOR_ATTRIBUTES.sub(lambda match: match.group(1) + b'=""', content)
                content = _DOC_VARIABLE.sub(lambda match: match.group(1) + b'"', content)
            elif lowered.startswith("customxml/") and lowered.endswith(".xml"):
                content = _COVER_PAGE.sub(lambda match: b"<" + match.group(1) + b"/>", content)
            else:
                content = strip_image_metadata(content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()
