"""Practical work in the trainee record (学员档案) and in the annual report: submissions, reviews, scores
and defence outcomes; scores only once released, reviewers never named; the year's figures (number
assessed, pass rate, mean score per criterion) count released results only."""

import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from certification.reports import exports
from certification.reports.selectors import annual_report
from courses.practice import defence
from courses.practice.models import (
    DefenceResult,
    Review,
    ReviewAssignment,
    ReviewAssignmentState,
    SubmissionState,
)
from courses.practice.reports import annual_practice
from courses.records import record_as_json, records_workbook, trainee_records_for_user_ids
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


def _criteria(analysis: str, design: str) -> list[dict]:
    return [
        {"criterion": 1, "name": "问题分析", "name_en": "Analysis", "max_points": "40", "points": analysis},
        {"criterion": 2, "name": "方案设计", "name_en": "Design", "max_points": "60", "points": design},
    ]


@pytest.fixture
def world():
    made = defence_world.build(trainees=3)
    passed, failed, waiting = made.trainees
    # Passed: report 78 (reviews 80 and 76), defence passed, released.
    made.passed = defence_world.submission(made.assignment, passed, score="78")
    made.passed.final_criteria = _criteria("30", "48")
    made.passed.save(update_fields=["final_criteria"])
    for reviewer, total in zip(made.members, ("80", "76"), strict=True):
        review_assignment = ReviewAssignment.objects.create(
            submission=made.passed,
            reviewer=reviewer,
            state=ReviewAssignmentState.SUBMITTED,
            due_at=timezone.now() - datetime.timedelta(days=5),
        )
        Review.objects.create(assignment=review_assignment, total=Decimal(total), criteria=[], comment="很好")
    session = defence.defence_session_create(
        assignment=made.assignment,
        panel=made.panel,
        title="答辩",
        starts_at=timezone.now() + datetime.timedelta(days=1),
        ends_at=timezone.now() + datetime.timedelta(days=1, hours=1),
        slot_minutes=30,
        online_link="https://meeting.example.org/d",
        actor=made.registrar,
    )
    first, second = session.slots.order_by("starts_at")
    defence.defence_slot_assign(slot=first, trainee=passed, actor=made.registrar)
    defence_world.score_defence(first, made.members[0])
    defence.defence_outcome_record(
        slot=first, chair=made.chair, result=DefenceResult.PASS, reasons="陈述清晰", confirmed=True
    )
    made.passed.refresh_from_db()
    made.passed.state, made.passed.released_at = SubmissionState.RELEASED, timezone.now()
    made.passed.save(update_fields=["state", "released_at"])
    # Failed report (50), released: assessed, not passed.
    made.failed = defence_world.submission(made.assignment, failed, score="50", passed=False, released=True)
    made.failed.final_criteria = _criteria("20", "30")
    made.failed.save(update_fields=["final_criteria"])
    # Reviewed, defence booked, not released: in the record without its score, not in the year's figures.
    made.waiting = defence_world.submission(made.assignment, waiting, score="91")
    defence.defence_slot_assign(slot=second, trainee=waiting, actor=made.registrar)
    made.second_slot = second
    return made


def _record(user):
    (record,) = trainee_records_for_user_ids(user_ids=[user.pk], full_identity_numbers=False)
    return record


def test_the_record_keeps_submission_reviews_scores_and_outcome_once_released(world):
    data = record_as_json(_record(world.trainees[0]))
    (row,) = data["practical_assessment"]
    assert row["code"] == world.passed.code and row["versions"] == 1
    assert row["score"] == "78.00" and row["passed"] is True
    assert sorted(r["total"] for r in row["reviews"]) == ["76.00", "80.00"]
    assert row["defence_reasons"] == "陈述清晰" and row["defence_outcome"]
    # Reviewers are never named.
    text = str(data)
    for reviewer in world.members:
        assert reviewer.username not in text and reviewer.reviewer_profile.display_name not in text


def test_an_unreleased_result_shows_its_state_and_defence_time_but_no_score(world):
    (row,) = record_as_json(_record(world.trainees[2]))["practical_assessment"]
    assert row["score"] is None and row["passed"] is None and row["reviews"] == []
    assert row["state"] and row["defence_at"] == world.second_slot.starts_at.isoformat()
    # The unreleased reviews' 91 appears nowhere: no value is it (timestamps may hold the digits).
    values = [value for key, value in row.items() if not key.endswith("_at")]
    assert "91" not in str(values) and "91.00" not in str(row)


def test_the_record_workbook_has_a_practical_assessment_sheet(world):
    with translation.override("zh-hans"):
        content = records_workbook([_record(t) for t in world.trainees])
    book = load_workbook(io.BytesIO(content), read_only=True)
    rows = list(book["实务考核"].iter_rows(values_only=True))
    assert len(rows) == 4  # the header and a row per trainee
    codes = {row[3] for row in rows[1:]}
    assert codes == {world.passed.code, world.failed.code, world.waiting.code}


def test_the_annual_report_counts_released_results_and_means_per_criterion(world):
    (row,) = annual_practice(year=timezone.now().year)
    assert (row.assessed, row.passed, row.pass_rate) == (2, 1, Decimal("50.0"))
    assert row.mean_percent == Decimal("64.0")
    means = {c.name: c.mean for c in row.criteria}
    assert means == {"问题分析": Decimal("25.0"), "方案设计": Decimal("39.0")}
    assert annual_practice(year=timezone.now().year - 1) == []

    report = annual_report(year=timezone.now().year)
    assert [r.assessed for r in report.practice] == [2]
    with translation.override("zh-hans"):
        content = exports.annual_workbook(report=report, base_name="培训基地", accreditation_number="X-1")
    sheet = list(load_workbook(io.BytesIO(content), read_only=True)["实务考核"].iter_rows(values_only=True))
    assert any(r[2] == 2 and r[3] == 1 for r in sheet if r and r[1] == world.assignment.title)
    assert any(r[7] == "方案设计" for r in sheet if r)
