"""A certification rule that requires the practical assessment: met only by a released, passed report
and a passed defence; the explanation says where the trainee stands, in their language, and never
shows a score before it is released."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from certification.eligibility import eligibility_for, eligibility_for_users
from certification.models import CertificateRule, CourseSelection
from courses.practice import defence
from courses.practice.models import DefenceResult, SubmissionState
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    made = defence_world.build(trainees=2)
    CertificateRule.objects.create(
        program=made.program, course_selection=CourseSelection.NONE, requires_practical=True
    )
    return made


def _practical(world, user, language="zh-hans"):
    with translation.override(language):
        result = eligibility_for(user=user, program=world.program)
        criterion = next(c for c in result.criteria if c.key == "practical")
        return result, criterion, criterion.text


def _booked(world, trainee, *, on: datetime.datetime):
    session = defence.defence_session_create(
        assignment=world.assignment,
        panel=world.panel,
        title="答辩",
        starts_at=on,
        ends_at=on + datetime.timedelta(hours=1),
        slot_minutes=30,
        online_link="https://meeting.example.org/d",
        actor=world.registrar,
    )
    slot = session.slots.order_by("starts_at").first()
    defence.defence_slot_assign(slot=slot, trainee=trainee, actor=world.registrar)
    return slot


def test_without_a_report_the_rule_is_not_met(world):
    result, criterion, text = _practical(world, world.trainees[0], "en")
    assert not result.eligible and not criterion.met
    assert text == "practical report not yet submitted"


def test_a_report_in_review_shows_no_score(world):
    defence_world.submission(world.assignment, world.trainees[0], state=SubmissionState.IN_REVIEW, score="91")
    _result, criterion, text = _practical(world, world.trainees[0], "en")
    assert not criterion.met and text == "practical report in review" and "91" not in text


def test_a_reviewed_report_awaiting_its_defence_says_when_without_the_unreleased_score(world):
    defence_world.submission(world.assignment, world.trainees[0], score="78")
    on = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 3, 12, 9, 0))
    _booked(world, world.trainees[0], on=on)
    _result, criterion, en = _practical(world, world.trainees[0], "en")
    _result, _criterion, zh = _practical(world, world.trainees[0])
    assert not criterion.met
    assert en == "report reviewed, defence scheduled 12 March" and "78" not in en
    assert "3月12日" in zh and "答辩" in zh and "78" not in zh


def test_released_report_and_passed_defence_meet_the_rule_with_the_score_shown(world):
    submission = defence_world.submission(world.assignment, world.trainees[0], score="78")
    slot = _booked(world, world.trainees[0], on=timezone.now() + datetime.timedelta(days=2))
    # The outcome alone, before the release, counts for nothing and shows no score.
    defence_world.score_defence(slot, world.members[0])
    defence.defence_outcome_record(
        slot=slot, chair=world.chair, result=DefenceResult.PASS, reasons="答辩表现良好", confirmed=True
    )
    result, criterion, en = _practical(world, world.trainees[0], "en")
    assert not criterion.met and not result.eligible and "78" not in en
    submission.refresh_from_db()
    submission.state, submission.released_at = SubmissionState.RELEASED, timezone.now()
    submission.save(update_fields=["state", "released_at"])

    result, criterion, en = _practical(world, world.trainees[0], "en")
    _result, _criterion, zh = _practical(world, world.trainees[0])
    assert criterion.met and result.eligible
    assert en == "report reviewed: 78/100, defence passed"
    assert "78/100" in zh and "答辩" in zh


def test_a_failed_defence_or_report_does_not_meet_the_rule(world):
    failed_report = defence_world.submission(
        world.assignment, world.trainees[0], score="40", passed=False, released=True
    )
    _result, criterion, en = _practical(world, world.trainees[0], "en")
    assert failed_report.passed is False and not criterion.met
    assert en == "report reviewed: 40/100, below the pass mark"

    submission = defence_world.submission(world.assignment, world.trainees[1], score="70")
    slot = _booked(world, world.trainees[1], on=timezone.now() + datetime.timedelta(days=2))
    defence.defence_outcome_record(
        slot=slot, chair=world.chair, result=DefenceResult.FAIL, reasons="无法说明关键决策", confirmed=True
    )
    submission.refresh_from_db()
    submission.state, submission.released_at = SubmissionState.RELEASED, timezone.now()
    submission.save(update_fields=["state", "released_at"])
    _result, criterion, en = _practical(world, world.trainees[1], "en")
    assert not criterion.met and en == "report reviewed: 70/100, defence not passed"


def test_the_bulk_form_agrees_with_the_single_one_and_rules_without_it_ignore_the_practical(world):
    defence_world.submission(world.assignment, world.trainees[0], score="85", released=True)
    ids = [t.pk for t in world.trainees]
    bulk = eligibility_for_users(user_ids=ids, program=world.program)
    for trainee in world.trainees:
        single = eligibility_for(user=trainee, program=world.program)
        assert [(c.key, c.met, c.text) for c in bulk[trainee.pk].criteria] == [
            (c.key, c.met, c.text) for c in single.criteria
        ]
    rule = CertificateRule.objects.get(program=world.program)
    rule.requires_practical = False
    rule.min_hours = Decimal("0")
    rule.save()
    assert all(
        c.key != "practical" for c in eligibility_for(user=world.trainees[1], program=world.program).criteria
    )


def test_a_release_queues_the_trainees_certificate_check_once_after_commit(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    """Certification reacts to ``learning_progressed``, which the release sends: a rule that issues by
    itself checks the trainee when the result is released (not at the next sweep), once, and not for
    a release refused."""
    from certification import tasks
    from courses.practice import services

    CertificateRule.objects.update(auto_issue=True)
    queued = []
    monkeypatch.setattr(tasks.certificate_auto_issue_task, "delay", queued.append)
    trainee, other = world.trainees
    ready = defence_world.submission(world.assignment, trainee, state=SubmissionState.READY_FOR_RELEASE)
    waiting = defence_world.submission(world.assignment, other, state=SubmissionState.RECONCILED)

    with django_capture_on_commit_callbacks(execute=True):
        services.submission_release(submission=ready, actor=world.registrar, confirmed=True)
    assert queued == [trainee.pk]
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_release(submission=ready, actor=world.registrar, confirmed=True)  # again
        with pytest.raises(services.PracticeError):
            services.submission_release(submission=waiting, actor=world.registrar, confirmed=True)
    assert queued == [trainee.pk]
