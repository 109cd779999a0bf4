"""Blind review, every place a Word document keeps who wrote it: the reviewer's copy of a DOCX carries
the trainee's name or employer in none of its parts (core, app and custom properties, comment and
tracked-change authors, the people list, the titles of parts, and the EXIF of an embedded photo)."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from PIL import Image

from courses.practice import files, services
from courses.practice.models import Submission
from tests.factories import practice as f
from tests.practice.conftest import TRAINEE_EMPLOYER, TRAINEE_NAME

pytestmark = pytest.mark.django_db

AUTHOR = TRAINEE_NAME
COMPANY = TRAINEE_EMPLOYER
EXIF_ARTIST = "Ouyang Nana Camera"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _photo_with_exif() -> bytes:
    image = Image.new("RGB", (8, 8), "white")
    exif = Image.Exif()
    exif[0x013B] = EXIF_ARTIST  # Artist
    exif[0x8298] = AUTHOR.encode("utf-8").decode("latin-1")  # Copyright
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _identifying_docx() -> bytes:
    custom = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
        f"<vt:lpwstr>{AUTHOR}</vt:lpwstr></property></Properties>"
    )
    comments = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:comments {_W}>'
        f'<w:comment w:id="0" w:author="{AUTHOR}" w:initials="OYNN" w:date="2026-01-01T00:00:00Z">'
        "<w:p><w:r><w:t>请看</w:t></w:r></w:p></w:comment></w:comments>"
    )
    people = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{AUTHOR}"><w15:presenceInfo w15:providerId="AD" '
        f'w15:userId="S::{AUTHOR}@{COMPANY}"/></w15:person></w15:people>'
    )
    data = f.docx_bytes(
        "报告正文",
        author=AUTHOR,  # core.xml creator/lastModifiedBy/title, app.xml Manager, a w:ins author
        company=COMPANY,
        extra_parts={
            "docProps/custom.xml": custom,
            "word/comments.xml": comments,
            "word/people.xml": people,
            "word/media/image1.jpeg": _photo_with_exif(),
        },
    )
    # app.xml as Word writes it: the title again in the titles of parts.
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/app.xml":
                content = content.replace(
                    b"</Properties>",
                    b'<TitlesOfParts><vt:vector size="1" baseType="lpstr" xmlns:vt="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/docPropsVTypes"><vt:lpstr>'
                    + f"{AUTHOR}的报告".encode()
                    + b"</vt:lpstr></vt:vector></TitlesOfParts></Properties>",
                )
            target.writestr(name, content)
    return out.getvalue()


def _leaks(data: bytes) -> list[str]:
    found = []
    for secret in (AUTHOR, COMPANY, EXIF_ARTIST, "OYNN"):
        if (
            secret.encode() in data
            or secret.encode("utf-16-le") in data
            or secret.encode("utf-16-be") in data
        ):
            found.append(secret)
    return found


def _parts_leaking(docx: bytes) -> dict[str, list[str]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: leaks for name in archive.namelist() if (leaks := _leaks(archive.read(name)))}


def test_the_identifying_docx_carries_the_trainee_in_every_part():
    leaking = _parts_leaking(_identifying_docx())
    for part in (
        "docProps/core.xml",
        "docProps/app.xml",
        "docProps/custom.xml",
        "word/comments.xml",
        "word/document.xml",
        "word/people.xml",
        "word/media/image1.jpeg",
    ):
        assert part in leaking, part


def test_the_reviewers_copy_of_a_docx_names_no_one_in_any_part(world, client):
    services.version_submit(
        assignment=world.assignment,
        trainee=world.trainee,
        report=f.upload(_identifying_docx(), "report.docx"),
        declaration_signed=True,
    )
    submission = Submission.objects.get()
    services.submission_assign_reviewers(
        submission=submission,
        actor=world.registrar,
        now=world.assignment.due_at + datetime.timedelta(minutes=1),
    )
    review_assignment = submission.review_assignments.first()
    client.force_login(review_assignment.reviewer)
    download = client.get(reverse("practice:review_download", args=[review_assignment.pk]))
    assert download.status_code == 200
    assert _parts_leaking(download.content) == {}
    # Still a Word document, still its text and its picture.
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        assert "报告正文".encode() in archive.read("word/document.xml")
        Image.open(io.BytesIO(archive.read("word/media/image1.jpeg"))).verify()


def test_stripping_keeps_a_png_readable_without_its_text_chunks():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", EXIF_ARTIST)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG", pnginfo=info)
    docx = f.docx_bytes("正文", extra_parts={"word/media/image2.png": buffer.getvalue()})
    stripped = files.strip_metadata(data=docx, kind="docx")
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        png = archive.read("word/media/image2.png")
    assert _leaks(png) == []
    Image.open(io.BytesIO(png)).load()


def test_the_cover_pages_company_details_and_document_variables_go():
    cover = (
        '<CoverPageProperties xmlns="http://schemas.microsoft.com/office/2006/coverPageProps">'
        f"<PublishDate/><Abstract>{AUTHOR}</Abstract><CompanyAddress>{COMPANY} 北京</CompanyAddress>"
        f"<CompanyEmail>{AUTHOR}@example.org</CompanyEmail></CoverPageProperties>"
    )
    settings = (
        f'<w:settings {_W}><w:docVars><w:docVar w:name="owner" w:val="{AUTHOR}"/></w:docVars></w:settings>'
    )
    docx = f.docx_bytes("正文", extra_parts={"customXml/item1.xml": cover, "word/settings.xml": settings})
    assert set(_parts_leaking(docx)) >= {"customXml/item1.xml", "word/settings.xml"}
    stripped = files.strip_metadata(data=docx, kind="docx")
    assert _parts_leaking(stripped) == {}
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        assert b"<CompanyAddress/>" in archive.read("customXml/item1.xml")
        assert b'w:name="owner" w:val=""' in archive.read("word/settings.xml")
