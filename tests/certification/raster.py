"""Rasterise a PDF page with four independent engines, to see what each reader really draws.

Text extraction cannot tell a drawn glyph from an invisible one (the text layer stays intact when
a reader finds no outline), so the PDF tests look at pixels: MuPDF (PyMuPDF), Poppler
(``pdftoppm``), PDFium (pypdfium2) and Ghostscript (``gs``) each rasterise the page in grey, and
the tests compare the ink inside a box.
"""

import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

DPI = 72
ENGINES = ("mupdf", "poppler", "pdfium", "ghostscript")


def _mupdf(data: bytes, page: int) -> Image.Image:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as document:
        pixmap = document[page].get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
        return Image.frombytes("L", (pixmap.width, pixmap.height), pixmap.samples)


def _pdfium(data: bytes, page: int) -> Image.Image:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return document[page].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _command(data: bytes, page: int, command: list[str]) -> Image.Image:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        root = Path(folder) / "out"
        arguments = [part.format(source=source, root=root, page=page + 1) for part in command]
        subprocess.run(arguments, check=True, capture_output=True, timeout=60)
        with Image.open(root.with_suffix(".pgm")) as image:
            return image.convert("L").copy()


def _poppler(data: bytes, page: int) -> Image.Image:
    return _command(
        data,
        page,
        [
            "pdftoppm",
            "-r",
            str(DPI),
            "-gray",
            "-f",
            "{page}",
            "-l",
            "{page}",
            "-singlefile",
            "{source}",
            "{root}",
        ],
    )


def _ghostscript(data: bytes, page: int) -> Image.Image:
    # pdftoppm adds ".pgm" to the root it is given; gs writes the name given.
    return _command(
        data,
        page,
        [
            "gs",
            "-q",
            "-dSAFER",
            "-dBATCH",
            "-dNOPAUSE",
            "-sDEVICE=pgmraw",
            f"-r{DPI}",
            "-dTextAlphaBits=4",
            "-dGraphicsAlphaBits=4",
            "-dFirstPage={page}",
            "-dLastPage={page}",
            "-sOutputFile={root}.pgm",
            "{source}",
        ],
    )


_RENDERERS = {"mupdf": _mupdf, "poppler": _poppler, "pdfium": _pdfium, "ghostscript": _ghostscript}


def rasterise(data: bytes, *, engine: str, page: int = 0) -> Image.Image:
    """Page ``page`` of ``data`` as a grey image at ``DPI``, drawn by ``engine``."""
    return _RENDERERS[engine](data, page)


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points from the top left (as PyMuPDF reports text)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def pixels(self) -> tuple[int, int, int, int]:
        scale = DPI / 72
        return (
            int(self.x0 * scale) - 2,
            int(self.y0 * scale) - 2,
            int(self.x1 * scale + 0.999) + 2,
            int(self.y1 * scale + 0.999) + 2,
        )


def text_box(data: bytes, text: str, *, page: int = 0) -> Box:
    """Where ``text`` is first printed on one line, from the PDF's text layer (which a broken font keeps).

    Matched character by character, spaces ignored: letter-spacing splits words in extraction.
    """
    import pymupdf

    wanted = "".join(text.split())
    with pymupdf.open(stream=data, filetype="pdf") as document:
        blocks = document[page].get_text("rawdict")["blocks"]
    for block in blocks:
        for line in block.get("lines", []):
            chars = [char for span in line["spans"] for char in span["chars"] if not char["c"].isspace()]
            line_text = "".join(char["c"] for char in chars)
            start = line_text.find(wanted)
            if start >= 0:
                boxes = [char["bbox"] for char in chars[start : start + len(wanted)]]
                return Box(
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
    raise AssertionError(f"{text!r} is not in the text layer")


def ink(image: Image.Image) -> int:
    """How many pixels are dark (the glyphs' strokes)."""
    return sum(image.point(lambda value: 255 if value < 128 else 0).histogram()[255:])


def crops(data: bytes, box: Box, *, page: int = 0) -> dict[str, Image.Image]:
    """The box as each engine draws it."""
    return {engine: rasterise(data, engine=engine, page=page).crop(box.pixels()) for engine in ENGINES}


def disagreement(first: Image.Image, second: Image.Image) -> float:
    """Share of the box's ink that one engine draws and the other does not (0: same, 1: disjoint).

    Both images are blurred a little first, so anti-aliasing and a one-pixel shift between
    engines do not count; a missing glyph, a box drawn instead of a glyph, or a different
    typeface does.
    """
    blurred_first = first.filter(ImageFilter.BoxBlur(1))
    blurred_second = second.filter(ImageFilter.BoxBlur(1))
    different = ink(ImageChops.invert(ImageChops.difference(blurred_first, blurred_second)))
    total = max(ink(first), ink(second), 1)
    return different / total


def save_for_eyes(images: dict[str, Image.Image], path: Path) -> None:
    """The crops side by side in one PNG (for a person looking at a failure)."""
    width = sum(image.width for image in images.values())
    height = max(image.height for image in images.values())
    sheet = Image.new("L", (width, height), 255)
    x = 0
    for image in images.values():
        sheet.paste(image, (x, 0))
        x += image.width
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
