"""Reading back what a PDF holds, without a PDF library: inflate every compressed stream."""

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def pdf_plain(data: bytes) -> bytes:
    """The PDF's bytes with every Flate stream (object streams, XMP, attachments) inflated."""
    parts = [data]
    for match in _STREAM.finditer(data):
        try:
            parts.append(zlib.decompress(match[1]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf_plain(data)))
