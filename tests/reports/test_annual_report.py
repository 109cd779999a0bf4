"""The annual training report: figures by program and level, Excel, the printable PDF, queries."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from certification.reports import selectors
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

from .conftest import bulk_cohort

pytestmark = pytest.mark.django_db

PAGE_QUERIES = 40
YEAR = timezone.localdate().year


@pytest.fixture
def year_data(cohort, courses, paper, program, rule, no_rendering, registrar):
    """Two trainees of the cohort: 20 h and 30 h this year; one passed the exam, one failed;
    one certificate issued, another issued then revoked."""
    first = cert_factories.trainee(real_name="甲", username="annual1")
    second = cert_factories.trainee(real_name="乙", username="annual2")
    for trainee, hours in ((first, 20), (second, 30)):
        course_factories.enrolment(cohort=cohort, user=trainee)
        cert_factories.hours(user=trainee, course=courses[0], amount=hours)
    cert_factories.exam_result(user=first, course=courses[-1], percent=75)
    cert_factories.exam_result(user=second, course=courses[-1], percent=40)
    cert_factories.certificate(user=first, program=program, cohort=cohort)
    revoked = cert_factories.certificate(user=second, program=program, cohort=cohort)
    from certification.services import certificate_revoke

    certificate_revoke(certificate=revoked, actor=registrar, reason="撤销")
    return first, second


def test_the_figures_by_level(year_data):
    """The ledger holds 20 and 30 hours in a 16-hour course: 32 credited (one truth), 50 recorded."""
    report = selectors.annual_report(year=YEAR)
    row = next(r for r in report.rows if r.level == "primary")
    assert (row.trainees, row.learners, row.hours, row.recorded) == (2, 2, Decimal("32"), Decimal("50"))
    assert row.online + row.offline + row.manual == row.recorded
    assert (row.sat, row.passed, row.pass_rate) == (2, 1, Decimal("50.0"))
    assert (row.certificates, row.revoked) == (2, 1)
    assert (report.total.hours, report.total.recorded) == (Decimal("32"), Decimal("50"))
    assert sum(report.hours_by_month) == Decimal("32") and sum(report.certificates_by_month) == 2
    assert selectors.annual_report(year=YEAR - 5).empty


def test_page_excel_and_pdf(registrar_client, year_data):
    page = registrar_client.get(reverse("annual_report"), {"year": YEAR})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-chart="chart-annual-months-data"' in html and "初级技术经理人培训项目" in html

    book = load_workbook(
        io.BytesIO(registrar_client.get(reverse("annual_report_export", args=[YEAR])).content)
    )
    assert book.sheetnames == ["按培训项目与等级", "按月份", "实务考核"]
    rows = [row for row in book["按培训项目与等级"].iter_rows(values_only=True) if row and row[0]]
    header = rows.index(next(r for r in rows if r[0] == "等级"))
    table = {row[0]: dict(zip(rows[header], row, strict=True)) for row in rows[header + 1 :]}
    assert table["初级"]["培训人数"] == 2 and table["初级"]["培训学时"] == 32  # credited, capped
    assert table["初级"]["记录学时"] == 50  # the ledger's, before the cap, split by source beside it
    assert table["初级"]["通过率（%）"] == 50 and table["合计"]["发证数量"] == 2
    assert len(list(book["按月份"].iter_rows(values_only=True))) == 13

    response = registrar_client.get(reverse("annual_report_pdf", args=[YEAR]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 3
    text = "".join(page.extract_text() for page in reader.pages)
    assert f"{YEAR} 年度培训工作报告" in text
    assert "初级技术经理人培训项目" in text and "培训基地负责人" in text


def test_an_empty_year_says_so(registrar_client, home):
    response = registrar_client.get(reverse("annual_report"), {"year": YEAR})
    assert response.status_code == 200 and "尚无记录" in response.content.decode()
    pdf = registrar_client.get(reverse("annual_report_pdf", args=[YEAR]))
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) >= 1
    assert registrar_client.get(reverse("annual_report_pdf", args=[1900])).status_code in (302, 404)


@pytest.mark.parametrize("who", ["trainee", "instructor"])
def test_only_registrars(client, home, trainee_user, instructor, who):
    client.force_login(trainee_user if who == "trainee" else instructor)
    for url in (reverse("annual_report"), reverse("annual_report_pdf", args=[YEAR])):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert response.get("Content-Type") != "application/pdf"


def test_queries_stay_fixed_with_thousands_of_trainees(
    registrar_client, year_data, cohort, courses, paper, program, django_assert_max_num_queries, figure
):
    url = reverse("annual_report")
    registrar_client.get(url)
    with django_assert_max_num_queries(PAGE_QUERIES) as small:
        assert registrar_client.get(url).status_code == 200
    bulk_cohort(cohort=cohort, courses=courses, paper=paper, program=program, count=3000)
    with django_assert_max_num_queries(PAGE_QUERIES) as large:
        response = registrar_client.get(url)
    assert response.context["report"].total.trainees == 3002
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert registrar_client.get(reverse("annual_report_export", args=[YEAR])).status_code == 200
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert registrar_client.get(reverse("annual_report_pdf", args=[YEAR])).status_code == 200
    figure(f"annual report queries: {len(small)} (2 trainees) / {len(large)} (3,002)")
    assert len(large) == len(small)
