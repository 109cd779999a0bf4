"""Hostile inputs, one test per input class, each a table over every place the input reaches.

Covered elsewhere, not repeated here (docs/security.md lists them): the spreadsheet writer itself and
the roster export (tests/core/test_spreadsheets.py, tests/courses/test_roster.py), certificate designs
(tests/certification/test_designs_hostile.py), unprintable names at entry (tests/courses/test_names.py),
HTML question files and rosters of another type (tests/courses/test_import_files.py), oversized and
non-PDF verify uploads (tests/certification/test_verification.py), huge numeric answers and
pathological wildcards in grading (tests/questions/test_grading_hostile.py).
"""

import csv
import io

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from certification.models import Certificate
from certification.services.rendering import certificate_render
from cms import services as cms_services
from core import spreadsheets
from core.guards import SYSTEM
from courses.models import Enrolment, ImportBatch
from courses.questions.models import ImportJob, Question
from tests.factories import certification as certification_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories

FORMULA_NAMES = ['=HYPERLINK("http://evil.example","x")', "+1+cmd", "-2+3", "@SUM(A1)", "\t=1+1"]
MARKUP_NAME = "<script>alert(1)</script>张<b>三</b>"


@pytest.fixture
def site(db):
    cms_factories.ensure_page_tree()
    home = cms_factories.home_page()
    catalogue = cms_factories.catalogue_page(home)
    cms_services.editorial_setup(site_root=home, catalogue=catalogue)
    program = cms_factories.program_page(home, title="初级技术经理人培训项目")
    course = cms_factories.course_page(catalogue)
    cohort = course_factories.cohort(course=course)
    paper = exam_factories.paper(course=course, questions=exam_factories.questions())
    certification_factories.rule(program=program, courses=[course])
    return {"program": program, "course": course, "cohort": cohort, "paper": paper}


def _trainee(site, name):
    """A trainee called ``name`` (account and real name) with an enrolment, a result and a certificate."""
    user = certification_factories.trainee(real_name=name, first_name=name)
    course_factories.enrolment(cohort=site["cohort"], user=user)
    certification_factories.exam_result(user=user, course=site["course"], percent=90)
    certification_factories.certificate(user=user, program=site["program"], cohort=site["cohort"])
    return user


# --- names that a spreadsheet program would run as formulas --------------------------------------

# Every export that prints a trainee's name, as (route, its arguments, who downloads it, scope):
# "all" exports list every hostile trainee, "one" the first one's own record.
EXPORTS = [
    ("exams:staff_paper_export", lambda s, u: {"paper_id": s["paper"].pk}, "registrar", "all"),
    ("exam_report_export", lambda s, u: {"paper_id": s["paper"].pk}, "registrar", "all"),
    ("certificate_registry_export", lambda s, u: {}, "registrar", "all"),
    ("cohort_report_export", lambda s, u: {"pk": s["cohort"].pk}, "registrar", "all"),
    ("accounts:trainee_record_xlsx", lambda s, u: {"user_id": u.pk}, "registrar", "one"),
    ("accounts:own_record_xlsx", lambda s, u: {}, "owner", "one"),
    ("courses:staff_import_report_download", lambda s, u: _import_report(s, "xlsx"), "registrar", "all"),
    ("courses:staff_import_report_download", lambda s, u: _import_report(s, "csv"), "registrar", "all"),
]


def _import_report(site, fmt):
    """An enrolment import whose report names every hostile trainee (as a roster file would)."""
    report = [
        {
            "row": row,
            "identifier": f"h{row}",
            "real_name": name,
            "organisation": name,
            "result": "",
            "messages": [],
        }
        for row, name in enumerate(FORMULA_NAMES, start=2)
    ]
    batch = ImportBatch.objects.create(
        cohort=site["cohort"], original_name="roster.csv", outcome="imported", report=report
    )
    return {"pk": batch.pk, "fmt": fmt}


@pytest.mark.parametrize(
    ("route", "arguments", "who", "scope"),
    EXPORTS,
    ids=[f"{row[0]}-{index}" for index, row in enumerate(EXPORTS)],
)
def test_formula_names_stay_text_in_every_export(client, site, route, arguments, who, scope):
    trainees = [_trainee(site, name) for name in FORMULA_NAMES]
    client.force_login(trainees[0] if who == "owner" else course_factories.registrar())
    response = client.get(reverse(route, kwargs=arguments(site, trainees[0])))
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("text/csv"):
        cells = [
            cell for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) for cell in row
        ]
        assert [cell for cell in cells if spreadsheets.looks_like_formula(cell)] == []
        assert all("'" + name in cells for name in FORMULA_NAMES), (
            "the names reach the CSV, with the apostrophe"
        )
        return
    workbook = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]

    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    risky = [
        cell for cell in cells if isinstance(cell.value, str) and spreadsheets.looks_like_formula(cell.value)
    ]
    assert [cell.coordinate for cell in risky if not cell.quotePrefix] == []
    texts = " ".join(str(cell.value) for cell in cells if cell.value is not None)
    expected = FORMULA_NAMES if scope == "all" else FORMULA_NAMES[:1]
    assert all(name.strip() in texts for name in expected), "the hostile names must reach the export"


# --- markup in a name ------------------------------------------------------------------------------


def _page(client, site, user, certificate, registrar):
    return {
        "verification page": lambda: client.get(
            reverse("certification:verify_code", args=[certificate.verification_code])
        ),
        "admin certificate": lambda: (
            client.force_login(registrar),
            client.get(f"/admin/certificates/{certificate.pk}/"),
        )[1],
        "roster": lambda: (client.force_login(registrar), client.get(f"/staff/cohorts/{site['cohort'].pk}/"))[
            1
        ],
        "trainee record": lambda: (
            client.force_login(registrar),
            client.get(reverse("accounts:trainee_detail", args=[user.pk])),
        )[1],
    }


SURFACES = ["verification page", "admin certificate", "roster", "trainee record"]


@pytest.mark.parametrize("surface", SURFACES)
def test_markup_in_a_name_is_shown_escaped_on_every_page(client, site, surface):
    user = _trainee(site, MARKUP_NAME)
    certificate = Certificate.objects.get(user=user)
    Certificate.objects.filter(pk=certificate.pk).update(share_full_name=True)
    response = _page(client, site, user, certificate, course_factories.registrar())[surface]()

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html and "<b>三</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markup_in_a_name_is_printed_literally_on_the_certificate(site, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "certificates"), "base_url": None},
        },
    }
    user = _trainee(site, MARKUP_NAME)
    certificate = certificate_render(actor=SYSTEM, certificate_id=Certificate.objects.get(user=user).pk)
    assert certificate.pdf, certificate.render_error

    with certificate.pdf.open("rb") as stored, pymupdf.open(stream=stored.read(), filetype="pdf") as document:
        text = "".join("".join(page.get_text() for page in document).split())
    assert MARKUP_NAME in text  # extraction may space letters apart: compared without whitespace


# --- uploads of the wrong kind ---------------------------------------------------------------------

HTML = b"<html><script>alert(document.cookie)</script></html>"


def _question_import(client, site, upload):
    bank = site["paper"].sections.first().questions.first().bank
    client.force_login(course_factories.instructor())
    return client.post(reverse("questions_admin:import"), {"bank": bank.pk, "file": upload})


def _enrolment_import(client, site, upload):
    client.force_login(course_factories.registrar())
    return client.post(reverse("courses:staff_import", args=[site["cohort"].pk]), {"file": upload})


def _verify_pdf(client, site, upload):
    return client.post(reverse("certification:verify_pdf"), {"pdf": upload})


def _document(client, site, upload):
    from wagtail.models import Collection

    client.force_login(course_factories.user(is_superuser=True, is_staff=True))
    return client.post(
        "/admin/documents/add/",
        {"title": "讲义", "file": upload, "collection": Collection.get_first_root_node().pk},
    )


# (upload, file name, content type): a right extension with the wrong content, a wrong extension, and
# a right extension sent with a misleading content type.
UPLOADS = [
    ("question import", _question_import, "bank.xlsx", HTML, "application/vnd.ms-excel"),
    ("question import", _question_import, "bank.svg", b"<svg onload=alert(1)>", "image/svg+xml"),
    ("enrolment import", _enrolment_import, "roster.xlsx", HTML, "text/html"),
    ("enrolment import", _enrolment_import, "roster.exe", b"MZ\x90\x00", "application/octet-stream"),
    ("verify by PDF", _verify_pdf, "certificate.pdf", HTML, "application/pdf"),
    ("verify by PDF", _verify_pdf, "certificate.html", HTML, "text/html"),
    ("document", _document, "handout.html", HTML, "text/html"),
    ("document", _document, "handout.svg", b"<svg onload=alert(1)>", "image/svg+xml"),
]


def _rows():
    from wagtail.documents import get_document_model

    return (
        Question.objects.count(),
        ImportJob.objects.exclude(status="rejected").count(),
        ImportBatch.objects.filter(outcome="imported").count(),
        Enrolment.objects.count(),
        get_document_model().objects.count(),
    )


@pytest.mark.parametrize(
    ("upload", "send", "filename", "content", "content_type"),
    UPLOADS,
    ids=[f"{row[0]}-{row[2]}" for row in UPLOADS],
)
def test_uploads_of_the_wrong_kind_are_refused(client, site, upload, send, filename, content, content_type):
    before = _rows()
    response = send(client, site, SimpleUploadedFile(filename, content, content_type))

    # The form again with its error, or (question files) the import's report saying it was rejected.
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        assert ImportJob.objects.get().status == "rejected"
    assert _rows() == before
    assert "alert(" not in response.content.decode()
