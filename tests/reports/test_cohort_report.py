"""The cohort report: its figures, page, Excel export, permissions, and a fixed number of queries
for a 5,000-trainee cohort."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from certification.reports import selectors
from courses.models import EnrolmentStatus
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

from .conftest import bulk_cohort

pytestmark = pytest.mark.django_db

# The whole page (admin chrome included) and the export, whatever the cohort's size.
# 40 before the rule's hours required and its practical-assessment criterion were read (once a page).
PAGE_QUERIES = 44
# + the trainees' standing (progress, exams, eligibility), in bulk; 36 before the courses' own hours
# (their source pages', one truth's second review) were read by each bulk progress (three).
EXPORT_QUERIES = 39


@pytest.fixture
def small_cohort(cohort, courses, paper, program, rule, registrar, no_rendering):
    """Ten applicants: 6 enrolled (2 of them completed), 1 pending, 1 waitlisted, 1 rejected,
    1 withdrawn. Hours 0, 10, 20, 30, 40, 50 over the three courses; three sat the exam, two passed;
    one holds a certificate, one a revoked one."""
    S = EnrolmentStatus
    statuses = [S.COMPLETED, S.COMPLETED, S.ENROLLED, S.ENROLLED, S.ENROLLED, S.ENROLLED]
    members = []
    for index, status in enumerate(statuses):
        trainee = cert_factories.trainee(real_name=f"学员{index}", username=f"member{index}")
        course_factories.enrolment(cohort=cohort, user=trainee, status=status)
        if index:
            cert_factories.hours(user=trainee, course=courses[index % 3], amount=index * 10)
        members.append(trainee)
    for status in (S.PENDING, S.WAITLISTED, S.REJECTED, S.WITHDRAWN):
        course_factories.enrolment(cohort=cohort, status=status)
    course_factories.enrolment(cohort=cohort, status=S.INVITED)  # not an application yet
    cert_factories.exam_result(user=members[0], course=courses[-1], percent=80)
    cert_factories.exam_result(user=members[1], course=courses[-1], percent=65)
    cert_factories.exam_result(user=members[2], course=courses[-1], percent=30)
    cert_factories.certificate(user=members[0], program=program, cohort=cohort)
    revoked = cert_factories.certificate(user=members[1], program=program, cohort=cohort)
    from certification.services import certificate_revoke

    certificate_revoke(certificate=revoked, actor=registrar, reason="测试撤销")
    return members


def test_the_figures_of_a_small_cohort(small_cohort, cohort):
    report = selectors.cohort_report(cohort=cohort)
    learning = report.learning
    # Completed is standing's (every course's rule met), not the enrolment's status: the two
    # enrolments marked completed met no course's rule, so none has completed.
    assert (learning.applied, learning.enrolled, learning.completed) == (10, 6, 0)
    assert (learning.waiting, learning.rejected, learning.withdrawn) == (2, 1, 1)
    assert (report.sat, report.passed, report.certified) == (3, 2, 1)
    assert report.certificates_by_status["issued"] == 1
    assert report.certificates_by_status["revoked"] == 1
    assert learning.hours_required == Decimal("48")
    # Hours credited: 10…50 in one 16-hour course each are credited at most 16 (standing's cap):
    # 0 + 10 + 16 × 4 = 74; the ledger keeps its 150.
    assert learning.hours_total == Decimal("74")
    assert learning.hours_mean == Decimal("12.3")
    # Bands of the 48 required hours: 0 | 0–12 | 12–24 | 24–36 | 36–48 | ≥ 48.
    assert [(b.label, b.count) for b in learning.hours_buckets] == [
        ("0", 1),
        ("0–12", 1),
        ("12–24", 4),
        ("24–36", 0),
        ("36–48", 0),
        ("≥ 48", 0),
    ]
    assert learning.hours_met == 0
    # The week-by-week chart adds up to the hours credited too (review of issue 14, finding 8).
    assert sum(week.hours for week in learning.weeks) == Decimal("74")


def test_the_page_shows_charts_with_their_tables(registrar_client, small_cohort, cohort):
    response = registrar_client.get(reverse("cohort_report", args=[cohort.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("funnel", "hours", "progress", "certificates"):
        assert f'data-chart="chart-{key}-data"' in html
        assert f'id="chart-{key}-data"' in html  # the json_script the chart is drawn from
    assert "courses/reports/echarts/echarts.min.js" in html
    assert "cdn" not in html.lower()
    funnel = next(c for c in response.context["charts"] if c.key == "funnel")
    assert funnel.table_rows() == [["已报名", 10], ["已录取", 6], ["已结业", 0], ["已通过", 2], ["已获证", 1]]
    assert "66.7%" in html  # pass rate: 2 of 3


def test_the_excel_export_reads_back(registrar_client, small_cohort, cohort):
    response = registrar_client.get(reverse("cohort_report_export", args=[cohort.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "概况"
    summary = {row[0]: row[1] for row in book["概况"].iter_rows(values_only=True) if row and row[0]}
    assert summary["已报名"] == 10 and summary["已获证"] == 1 and summary["学时要求"] == 48
    trainees = list(book["学员"].iter_rows(values_only=True))
    assert len(trainees) == 1 + 11  # header and every enrolment (the roster, whatever the status)
    header = trainees[0]
    by_user = {row[0]: dict(zip(header, row, strict=True)) for row in trainees[1:]}
    assert by_user["member0"]["证书状态"] == "已颁发"
    assert by_user["member0"]["考试通过"] == "是"
    assert by_user["member2"]["考试通过"] == "否"
    assert by_user["member5"]["学时"] == 16  # credited: the course's 16 hours of the 50 recorded
    assert by_user["member5"]["超出课程学时的部分"] == 34


def test_an_empty_cohort_says_so(registrar_client, cohort):
    response = registrar_client.get(reverse("cohort_report", args=[cohort.pk]))
    assert response.status_code == 200
    assert "尚无人报名" in response.content.decode()
    export = registrar_client.get(reverse("cohort_report_export", args=[cohort.pk]))
    assert export.status_code == 200


def test_the_cohort_list_links_every_cohort(registrar_client, cohort):
    response = registrar_client.get(reverse("cohort_reports"))
    assert response.status_code == 200
    assert reverse("cohort_report", args=[cohort.pk]) in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "trainee", "instructor"])
def test_only_registrars_see_the_cohort_report(client, cohort, trainee_user, instructor, who):
    if who == "trainee":
        client.force_login(trainee_user)
    elif who == "instructor":
        client.force_login(instructor)
    for url in (
        reverse("cohort_report", args=[cohort.pk]),
        reverse("cohort_report_export", args=[cohort.pk]),
    ):
        response = client.get(url)
        # Wagtail answers a refusal inside the admin by redirecting (to the login or the dashboard).
        assert response.status_code in (302, 403)
        assert not response.get("Content-Type", "").startswith("application/vnd.openxmlformats")


def test_queries_stay_fixed_from_ten_to_five_thousand_trainees(
    registrar_client, small_cohort, cohort, courses, paper, program, django_assert_max_num_queries, figure
):
    page = reverse("cohort_report", args=[cohort.pk])
    export = reverse("cohort_report_export", args=[cohort.pk])
    registrar_client.get(page)  # warm the per-process caches (site, settings, content types)
    with django_assert_max_num_queries(PAGE_QUERIES) as small_page:
        assert registrar_client.get(page).status_code == 200
    with django_assert_max_num_queries(EXPORT_QUERIES) as small_export:
        assert registrar_client.get(export).status_code == 200

    bulk_cohort(cohort=cohort, courses=courses, paper=paper, program=program, count=5000)
    with django_assert_max_num_queries(PAGE_QUERIES) as large_page:
        response = registrar_client.get(page)
    assert response.status_code == 200
    report = response.context["report"]
    assert report.learning.enrolled == 5006
    assert report.sat == 5003 and report.certified == 1251
    with django_assert_max_num_queries(EXPORT_QUERIES) as large_export:
        response = registrar_client.get(export)
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert book["学员"].max_row == 1 + 5011
    figure(
        f"cohort report queries: page {len(small_page)} (10 trainees) / {len(large_page)} (5,006); "
        f"export {len(small_export)} / {len(large_export)}"
    )
    assert len(large_page) == len(small_page)
    assert len(large_export) == len(small_export)
