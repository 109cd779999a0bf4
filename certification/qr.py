"""QR codes for certificates, as inline SVG (vector in the PDF, no image file to fetch)."""

import segno


def qr_svg(url: str, *, scale: int = 3) -> str:
    """An ``<svg>`` element encoding ``url`` with medium error correction. Deterministic.

    The mask is fixed: choosing the "best" of the eight costs ~10 ms of pure Python per
    certificate, and every mask is valid for every reader.
    """
    code = segno.make_qr(url, error="m", mask=0)
    return code.svg_inline(scale=scale, border=2, dark="#000", light="#fff", omitsize=False)
