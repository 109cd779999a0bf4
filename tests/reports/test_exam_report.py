"""The exam report: score distribution and per-question statistics, Excel, who may see it, queries."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.guards import SYSTEM
from courses.exams import report_selectors
from courses.exams.models import Attempt, AttemptStatus, CourseGrader
from tests.factories import courses as course_factories

from .conftest import bulk_cohort

pytestmark = pytest.mark.django_db

PAGE_QUERIES = 35


def _attempts(paper, percents, *, status=AttemptStatus.COMPLETED):
    now = timezone.now()
    for percent in percents:
        Attempt.objects.create(
            paper=paper,
            user=course_factories.user(),
            number=1,
            status=status,
            started_at=now,
            submitted_at=now,
            released_at=now if status == AttemptStatus.COMPLETED else None,
            score=Decimal(percent) if status == AttemptStatus.COMPLETED else None,
            max_score=Decimal(100),
            passed=percent >= 60 if status == AttemptStatus.COMPLETED else None,
        )


def test_summary_and_score_bands(paper):
    _attempts(paper, [5, 35, 59, 60, 75, 100])
    _attempts(paper, [0], status=AttemptStatus.GRADING)
    summary = report_selectors.paper_summary(paper=paper)
    assert (summary.attempts, summary.scored, summary.passed, summary.grading) == (7, 6, 3, 1)
    assert summary.pass_rate == Decimal("50.0")
    assert (
        summary.mean == Decimal("55.7")
        and summary.lowest == Decimal("5.0")
        and summary.highest == Decimal("100.0")
    )
    assert summary.bands == [1, 0, 0, 1, 0, 1, 1, 1, 0, 1]


def test_page_and_excel(registrar_client, paper):
    _attempts(paper, [30, 65, 90])
    response = registrar_client.get(reverse("exam_report", args=[paper.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-chart="chart-scores-data"' in html and "66.7%" in html
    export = registrar_client.get(reverse("exam_report_export", args=[paper.pk]))
    book = load_workbook(io.BytesIO(export.content))
    assert book.sheetnames == ["成绩", "试题", "成绩分布"]

    bands = list(book["成绩分布"].iter_rows(values_only=True))
    assert bands[0] == ("得分（%）", "人次") and len(bands) == 11
    assert dict(bands[1:])["60–69"] == 1 and sum(n for _label, n in bands[1:]) == 3
    assert len(list(book["成绩"].iter_rows(values_only=True))) == 1 + 3


def test_per_question_statistics_are_charted_and_exported(registrar_client):
    # The hand-computed dataset of tests/exams/test_statistics.py, through real attempts.
    from courses.exams import services
    from courses.questions.models import QuestionType
    from tests.exams.test_statistics import EXPECTED, GRID
    from tests.factories import exams as exam_factories

    course = exam_factories.course()
    questions = exam_factories.questions([QuestionType.TRUE_FALSE] * 3)
    paper = exam_factories.paper(course=course, questions=questions, shuffle_questions=False, max_attempts=1)
    for row in GRID.values():
        attempt = services.attempt_start(paper=paper, user=exam_factories.trainee_for(course))
        by_question = {item.version.question_id: item for item in attempt.items.select_related("version")}
        saves = [
            services.AnswerSave(position=by_question[q.pk].position, response=bool(right), seq=1)
            for q, right in zip(questions, row, strict=True)
        ]
        services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
        services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)

    response = registrar_client.get(reverse("exam_report", args=[paper.pk]))
    assert 'data-chart="chart-facility-data"' in response.content.decode()
    chart = next(chart for chart in response.context["charts"] if chart.key == "facility")
    expected = [EXPECTED[n] for n in (1, 2, 3)]
    assert len(chart.categories) == 3
    assert [series.values for series in chart.series] == [
        [row[key] for row in expected] for key in ("facility", "discrimination", "upper_lower")
    ]
    export = registrar_client.get(reverse("exam_report_export", args=[paper.pk]))
    sheet = list(load_workbook(io.BytesIO(export.content))["试题"].iter_rows(values_only=True))
    assert sheet[0] == ("试题", "作答", "难度系数", "区分度（r）", "高低分组（27%）差")
    assert [row[1:] for row in sheet[1:]] == [
        (4, row["facility"], row["discrimination"], row["upper_lower"]) for row in expected
    ]


def test_an_exam_without_attempts_says_so(registrar_client, paper):
    response = registrar_client.get(reverse("exam_report", args=[paper.pk]))
    assert response.status_code == 200 and "尚无人完成本次考试" in response.content.decode()


def test_instructors_see_only_the_courses_they_grade(client, paper, instructor, courses):
    client.force_login(instructor)
    url = reverse("exam_report", args=[paper.pk])
    assert client.get(url).status_code in (302, 403)  # not (yet) a grader of the course
    assert paper.title not in client.get(reverse("exam_reports")).content.decode()
    CourseGrader.objects.create(course=courses[-1], user=instructor)
    assert client.get(url).status_code == 200
    assert paper.title in client.get(reverse("exam_reports")).content.decode()
    other = course_factories.instructor()
    CourseGrader.objects.create(course=courses[0], user=other)
    client.force_login(other)
    assert client.get(url).status_code in (302, 403)
    assert client.get(reverse("exam_report_export", args=[paper.pk])).status_code in (302, 403)


def test_a_trainee_is_refused(client, paper, trainee_user):
    client.force_login(trainee_user)
    response = client.get(reverse("exam_report", args=[paper.pk]))
    assert response.status_code in (302, 403)


def test_queries_stay_fixed_with_many_attempts(
    registrar_client, paper, cohort, courses, program, django_assert_max_num_queries, figure
):
    url = reverse("exam_report", args=[paper.pk])
    _attempts(paper, [50, 70])
    registrar_client.get(url)
    with django_assert_max_num_queries(PAGE_QUERIES) as small:
        assert registrar_client.get(url).status_code == 200
    bulk_cohort(cohort=cohort, courses=courses, paper=paper, program=program, count=1000)
    with django_assert_max_num_queries(PAGE_QUERIES) as large:
        response = registrar_client.get(url)
    assert response.context["summary"].scored == 1002
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert registrar_client.get(reverse("exam_report_export", args=[paper.pk])).status_code == 200
    figure(f"exam report queries: {len(small)} (2 attempts) / {len(large)} (1,002)")
    assert len(large) == len(small)
