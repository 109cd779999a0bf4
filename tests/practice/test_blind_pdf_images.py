"""Blind review: a photo embedded in a PDF report loses its EXIF in the reviewer's copy (review of
issue 15, finding 5) and still shows."""

import io

import pymupdf
from PIL import Image

from courses.practice import files

OWNER = "Ouyang Nana"


def _pdf_with_a_photo() -> bytes:
    picture = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x013B] = OWNER  # Artist
    exif[0x8298] = f"(c) {OWNER}"  # Copyright
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif.tobytes())
    document = pymupdf.open()
    document.new_page().insert_image(pymupdf.Rect(10, 10, 110, 85), stream=buffer.getvalue())
    return document.tobytes()


def test_a_photo_in_a_pdf_loses_its_exif_and_still_shows():
    original = _pdf_with_a_photo()
    assert OWNER.encode() in original
    copy = files.strip_metadata(data=original, kind="pdf")
    assert OWNER.encode() not in copy
    document = pymupdf.open(stream=copy, filetype="pdf")
    red, green, blue = document[0].get_pixmap().pixel(40, 40)
    assert red > 150 and green < 60 and blue < 60  # the photo is drawn, not a black box
