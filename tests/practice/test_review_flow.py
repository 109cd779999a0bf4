"""Reviewer assignment (balanced, conflicts avoided), reviews, reconciliation over and under the
margin, release (no score before it), and late rules with an extension."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from courses.practice import selectors, services
from courses.practice.models import (
    ConflictOfInterest,
    LatePolicy,
    OverMarginAction,
    PracticeEvent,
    Review,
    ReviewAssignment,
    Submission,
    SubmissionState,
)
from tests.factories import courses as course_factories
from tests.factories import practice as f

pytestmark = pytest.mark.django_db


def _after_due(world, minutes=1):
    return world.assignment.due_at + datetime.timedelta(minutes=minutes)


def _submitted(world, trainee=None) -> Submission:
    services.version_submit(
        assignment=world.assignment,
        trainee=trainee or world.trainee,
        report=f.upload(f.pdf_bytes()),
        declaration_signed=True,
    )
    return Submission.objects.get(assignment=world.assignment, trainee=trainee or world.trainee)


def _scores(assignment, *points):
    return {
        criterion.pk: (value, "意见")
        for criterion, value in zip(assignment.criteria.all(), points, strict=True)
    }


def _review(world, review_assignment, *points):
    return services.review_submit(
        review_assignment=review_assignment,
        reviewer=review_assignment.reviewer,
        scores=_scores(world.assignment, *points),
    )


def test_reviewers_are_balanced_and_conflicts_avoided(world):
    submission = _submitted(world)
    ConflictOfInterest.objects.create(reviewer=world.reviewers[0], trainee=world.trainee, reason="导师")
    made = services.submission_assign_reviewers(
        submission=submission, actor=world.registrar, now=_after_due(world)
    )
    chosen = {row.reviewer_id for row in made}
    # Not the one at the trainee's employer (profile), not the one who declared the trainee.
    assert chosen == {world.reviewers[1].pk, world.reviewers[2].pk}
    submission.refresh_from_db()
    assert submission.state == SubmissionState.IN_REVIEW and submission.reviewed_version.number == 1
    assert submission.max_score == Decimal("100")
    assert PracticeEvent.objects.filter(action="reviewers_assigned", submission=submission).exists()


def test_a_declared_employer_is_a_conflict_and_too_few_reviewers_is_an_error(world):
    submission = _submitted(world)
    ConflictOfInterest.objects.create(reviewer=world.reviewers[1], employer="甲大学技术转移中心")
    ConflictOfInterest.objects.create(reviewer=world.reviewers[2], employer="甲大学技术转移中心 ")
    with pytest.raises(services.PracticeError) as refused:
        services.submission_assign_reviewers(
            submission=submission, actor=world.registrar, now=_after_due(world)
        )
    assert refused.value.code == "not_enough_reviewers" and submission.code in refused.value.message
    submission.refresh_from_db()
    assert submission.state == SubmissionState.NOT_MARKED and not ReviewAssignment.objects.exists()


def test_assignment_balances_load_with_a_deterministic_tie_break(world):
    # Four trainees of no employer (no conflict with anyone): eight reviews over four reviewers.
    others = [course_factories.user() for _ in range(4)]
    cohort = course_factories.cohort(course=world.course)
    for trainee in others:
        course_factories.enrolment(cohort=cohort, user=trainee)
        _submitted(world, trainee)
    outcome = services.assignment_assign_reviewers(
        assignment=world.assignment, actor=world.registrar, now=_after_due(world)
    )
    assert len(outcome.assigned) == 4 and outcome.refused == []
    panel_ids = sorted(user.pk for user in [world.conflicted, *world.reviewers])
    loads = selectors.reviewer_loads(reviewer_ids=panel_ids)
    assert sorted(loads.values()) == [2, 2, 2, 2]
    # Submissions are taken in code order; a tie goes to the lower account id.
    first = Submission.objects.filter(assignment=world.assignment).order_by("code").first()
    assert sorted(first.review_assignments.values_list("reviewer_id", flat=True)) == panel_ids[:2]


def test_reviewers_are_not_assigned_while_the_trainee_may_still_submit(world):
    submission = _submitted(world)
    with pytest.raises(services.PracticeError) as refused:
        services.submission_assign_reviewers(submission=submission, actor=world.registrar)
    assert refused.value.code == "window_open"


def test_only_registrars_assign_reviewers(world):
    submission = _submitted(world)
    for actor in (world.chair, world.reviewers[0], world.trainee):
        with pytest.raises(PermissionDenied):
            services.submission_assign_reviewers(submission=submission, actor=actor, now=_after_due(world))


def _in_review(world) -> tuple[Submission, list[ReviewAssignment]]:
    submission = _submitted(world)
    made = services.submission_assign_reviewers(
        submission=submission, actor=world.registrar, now=_after_due(world)
    )
    return submission, made


def test_reviews_within_the_margin_stand_as_their_mean_and_nothing_shows_before_release(world):
    submission, (first, second) = _in_review(world)
    _review(world, first, 30, 30, 15)  # 75
    submission.refresh_from_db()
    assert submission.state == SubmissionState.IN_REVIEW
    _review(world, second, 34, 32, 14)  # 80: 5 apart, margin 10
    submission.refresh_from_db()
    assert submission.state == SubmissionState.READY_FOR_RELEASE
    assert submission.final_score == Decimal("77.50") and submission.passed
    assert [row["points"] for row in submission.final_criteria] == ["32.00", "31.00", "14.50"]
    # Before release the trainee learns nothing: not the score, not pass or fail.
    result = selectors.result_for_trainee(submission=submission)
    assert not result.released and result.score is None and result.passed is None and result.criteria == []
    with pytest.raises(services.PracticeError) as refused:
        services.submission_release(submission=submission, actor=world.registrar, confirmed=False)
    assert refused.value.code == "confirm"
    with pytest.raises(PermissionDenied):
        services.submission_release(submission=submission, actor=world.chair, confirmed=True)
    services.submission_release(submission=submission, actor=world.registrar, confirmed=True)
    submission.refresh_from_db()
    result = selectors.result_for_trainee(submission=submission)
    assert result.released and result.score == Decimal("77.50") and result.passed
    assert PracticeEvent.objects.filter(action="released", actor=world.registrar).count() == 1
    # Releasing again changes nothing.
    services.submission_release(submission=submission, actor=world.registrar, confirmed=True)
    assert PracticeEvent.objects.filter(action="released").count() == 1


def test_reviews_over_the_margin_get_a_third_review_and_the_closest_pair_stands(world):
    submission, (first, second) = _in_review(world)
    _review(world, first, 20, 20, 10)  # 50
    _review(world, second, 36, 36, 18)  # 90: 40 apart
    submission.refresh_from_db()
    assert submission.state == SubmissionState.NEEDS_THIRD_REVIEW
    third = ReviewAssignment.objects.get(submission=submission, round=2)
    assert third.reviewer_id not in (first.reviewer_id, second.reviewer_id, world.conflicted.pk)
    _review(world, third, 34, 34, 17)  # 85: 5 from 90
    submission.refresh_from_db()
    assert submission.state == SubmissionState.READY_FOR_RELEASE
    assert submission.final_score == Decimal("87.50")


def test_over_the_margin_the_chair_reconciles_with_a_reason(world):
    world.assignment.over_margin = OverMarginAction.CHAIR
    world.assignment.save()
    submission, (first, second) = _in_review(world)
    _review(world, first, 20, 20, 10)
    _review(world, second, 36, 36, 18)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECONCILIATION
    assert not selectors.result_for_trainee(submission=submission).released
    scores = _scores(world.assignment, 30, 28, 14)
    with pytest.raises(PermissionDenied):  # a reviewer is not the chair
        services.reconciliation_record(submission=submission, chair=first.reviewer, scores=scores, reason="x")
    with pytest.raises(services.PracticeError) as refused:
        services.reconciliation_record(submission=submission, chair=world.chair, scores=scores, reason=" ")
    assert refused.value.code == "reason_required"
    with pytest.raises(services.PracticeError) as refused:  # out of the criterion's bounds
        services.reconciliation_record(
            submission=submission,
            chair=world.chair,
            scores=_scores(world.assignment, 41, 28, 14),
            reason="复核",
        )
    assert refused.value.code == "points"
    services.reconciliation_record(
        submission=submission, chair=world.chair, scores=scores, reason="复核后取中"
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.READY_FOR_RELEASE and submission.final_score == Decimal(
        "72.00"
    )
    assert submission.reconciliation.chair == world.chair


def test_with_a_defence_required_a_passed_report_waits_for_the_defence(world):
    world.assignment.defence_required = True
    world.assignment.save()
    submission, (first, second) = _in_review(world)
    _review(world, first, 30, 30, 15)
    _review(world, second, 30, 30, 15)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECONCILED
    with pytest.raises(services.PracticeError):
        services.submission_release(submission=submission, actor=world.registrar, confirmed=True)
    services.submission_defence_concluded(submission=submission, actor=world.chair)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.READY_FOR_RELEASE


def test_a_review_is_bounded_complete_and_only_once(world):
    submission, (first, second) = _in_review(world)
    with pytest.raises(PermissionDenied):  # another reviewer's assignment
        services.review_submit(
            review_assignment=first, reviewer=second.reviewer, scores=_scores(world.assignment, 1, 1, 1)
        )
    with pytest.raises(services.PracticeError):
        _review(world, first, 41, 1, 1)
    with pytest.raises(services.PracticeError):
        _review(world, first, -1, 1, 1)
    with pytest.raises(services.PracticeError):
        _review(world, first, "NaN", 1, 1)
    with pytest.raises(services.PracticeError):
        services.review_submit(review_assignment=first, reviewer=first.reviewer, scores={})
    _review(world, first, 30, 30, 15)
    with pytest.raises(services.PracticeError) as refused:
        _review(world, first, 10, 10, 10)
    assert refused.value.code == "done"


# --- Late rules --------------------------------------------------------------------------------


def _submit_at(world, at, trainee=None):
    return services.version_submit(
        assignment=world.assignment,
        trainee=trainee or world.trainee,
        report=f.upload(f.pdf_bytes()),
        declaration_signed=True,
        now=at,
    )


def test_refused_after_the_due_date_unless_extended(world):
    late = _after_due(world, minutes=60)
    with pytest.raises(services.PracticeError) as refused:
        _submit_at(world, late)
    assert refused.value.code == "closed"
    with pytest.raises(PermissionDenied):  # only registrars extend, with a reason
        services.extension_grant(
            assignment=world.assignment,
            trainee=world.trainee,
            due_at=late + datetime.timedelta(days=1),
            reason="病假",
            actor=world.chair,
        )
    with pytest.raises(services.PracticeError) as refused:
        services.extension_grant(
            assignment=world.assignment,
            trainee=world.trainee,
            due_at=late + datetime.timedelta(days=1),
            reason="",
            actor=world.registrar,
        )
    assert refused.value.code == "reason_required"
    services.extension_grant(
        assignment=world.assignment,
        trainee=world.trainee,
        due_at=late + datetime.timedelta(days=1),
        reason="病假",
        actor=world.registrar,
    )
    version = _submit_at(world, late)
    assert not version.late and version.penalty == 0
    # The extension is the trainee's own: the other trainee is still refused.
    with pytest.raises(services.PracticeError):
        _submit_at(world, late, trainee=world.other_trainee)
    assert PracticeEvent.objects.filter(action="extension_granted").count() == 1


def test_penalty_per_day_up_to_the_last_day_then_refused(world):
    world.assignment.late_policy = LatePolicy.PENALTY
    world.assignment.late_penalty_per_day = Decimal("5")
    world.assignment.late_max_days = 2
    world.assignment.save()
    version = _submit_at(world, _after_due(world, minutes=60 * 25))  # 1 day and an hour: 2 days late
    assert version.late and version.days_late == 2 and version.penalty == Decimal("10.00")
    with pytest.raises(services.PracticeError):
        _submit_at(world, _after_due(world, minutes=60 * 49))
    # The penalty comes off the reconciled score.
    submission = Submission.objects.get(trainee=world.trainee)
    made = services.submission_assign_reviewers(
        submission=submission, actor=world.registrar, now=_after_due(world, minutes=60 * 49)
    )
    for review_assignment in made:
        _review(world, review_assignment, 30, 30, 15)
    submission.refresh_from_db()
    assert submission.final_score == Decimal("65.00")


def test_flagged_late_is_accepted_and_marked(world):
    world.assignment.late_policy = LatePolicy.FLAG
    world.assignment.save()
    version = _submit_at(world, _after_due(world, minutes=60 * 24 * 30))
    assert version.late and version.days_late == 30 and version.penalty == 0


def test_a_conflict_declared_after_assignment_stops_the_review_the_copy_and_the_chairs_reconciliation(world):
    """Conflicts were checked only when reviewers were assigned: a reviewer who declared a conflict
    afterwards could still download and score the report, and a chair in conflict could reconcile it.
    Each act now checks the conflict as it stands; nothing is recorded when refused."""
    world.assignment.over_margin = OverMarginAction.CHAIR
    world.assignment.save()
    submission, (first, second) = _in_review(world)
    submission.refresh_from_db()  # the version under review, frozen by the assignment
    ConflictOfInterest.objects.create(reviewer=first.reviewer, trainee=world.trainee, reason="同一课题组")
    for act in (
        lambda: services.review_copy(submission=submission, user=first.reviewer),
        lambda: _review(world, first, 20, 20, 10),
    ):
        with pytest.raises(services.PracticeError) as refused:
            act()
        assert refused.value.code == "conflict"
    assert not Review.objects.filter(assignment=first).exists()
    services.review_copy(submission=submission, user=second.reviewer)  # the other reviewer is not in conflict

    # Over the margin with another pair; the chair then declares a conflict with the trainee.
    ConflictOfInterest.objects.filter(reviewer=first.reviewer).delete()
    _review(world, first, 20, 20, 10)
    _review(world, second, 36, 36, 18)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECONCILIATION
    ConflictOfInterest.objects.create(reviewer=world.chair, trainee=world.trainee, reason="亲属")
    for act in (
        lambda: services.review_copy(submission=submission, user=world.chair),
        lambda: services.reconciliation_record(
            submission=submission,
            chair=world.chair,
            scores=_scores(world.assignment, 30, 28, 14),
            reason="复核",
        ),
    ):
        with pytest.raises(services.PracticeError) as refused:
            act()
        assert refused.value.code == "conflict"
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECONCILIATION
