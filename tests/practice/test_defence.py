"""The defence (答辩): sessions and slots, scheduling, swaps within the rule, attendance through the
ordinary check-in, scoring by the panel one criterion at a time, the chair's confirmed outcome."""

import contextlib
import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from courses.models import Attendance, HoursEntry, HoursSource
from courses.practice import defence
from courses.practice.models import (
    DefenceOutcome,
    DefenceResult,
    DefenceScore,
    DefenceSlot,
    PracticeAction,
    PracticeEvent,
    SubmissionState,
)
from courses.practice.services import PracticeError
from courses.services.attendance import attendance_check_in, checkin_code
from tests.factories import courses as course_factories
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def _refused(code: str):
    """A PracticeError with this code (its message is in the user's language); "forbidden" is the
    service's guard refusing the actor (PermissionDenied, core.guards) before anything is read."""
    if code == "forbidden":
        with pytest.raises(PermissionDenied):
            yield
        return
    with pytest.raises(PracticeError) as refused:
        yield
    assert refused.value.code == code, refused.value.code


@pytest.fixture
def world():
    return defence_world.build()


def _session(world, *, starts_in=datetime.timedelta(days=3), room="答辩室 301", **fields):
    starts = timezone.now() + starts_in
    return defence.defence_session_create(
        assignment=world.assignment,
        panel=world.panel,
        title="高级实务答辩 第一场",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        slot_minutes=30,
        room=room,
        cohort=world.cohort if room else None,
        actor=world.registrar,
        **fields,
    )


def test_a_registrar_creates_a_session_cut_into_slots_with_its_check_in(world):
    session = _session(world)
    slots = list(session.slots.order_by("starts_at"))
    assert len(slots) == 4
    assert [s.ends_at - s.starts_at for s in slots] == [datetime.timedelta(minutes=30)] * 4
    offline = session.offline_session
    assert offline.cohort == world.cohort and offline.course.pk == world.course.pk
    assert offline.location == "答辩室 301" and offline.hours == Decimal("0.5")
    assert (
        PracticeEvent.objects.filter(action=PracticeAction.DEFENCE_BOOKED, detail__created=True).count() == 1
    )


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"room": "", "online_link": ""}, "where"),
        ({"cohort": None}, "cohort"),
        ({"slot_minutes": 500}, "slot_minutes"),
        ({"ends_at": timezone.now()}, "times"),
    ],
)
def test_a_session_without_what_it_needs_is_refused_and_nothing_is_made(world, changes, code):
    starts = timezone.now() + datetime.timedelta(days=3)
    arguments = {
        "assignment": world.assignment,
        "panel": world.panel,
        "title": "答辩",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "slot_minutes": 30,
        "room": "301",
        "cohort": world.cohort,
        "actor": world.registrar,
        **changes,
    }
    with pytest.raises(PracticeError) as refused:
        defence.defence_session_create(**arguments)
    assert refused.value.code == code and refused.value.message
    assert not DefenceSlot.objects.exists()


def test_only_registrars_create_sessions(world):
    starts = timezone.now() + datetime.timedelta(days=3)
    for someone in (world.chair, world.members[0], world.trainees[0]):
        with pytest.raises(PermissionDenied):
            defence.defence_session_create(
                assignment=world.assignment,
                panel=world.panel,
                title="答辩",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=1),
                slot_minutes=30,
                online_link="https://meeting.example.org/d/1",
                actor=someone,
            )
    assert not DefenceSlot.objects.exists()


def test_autofill_schedules_the_reviewed_trainees_in_code_order_and_not_twice(world):
    submissions = [defence_world.submission(world.assignment, t) for t in world.trainees[:2]]
    # A trainee whose report failed is not called to a defence.
    defence_world.submission(world.assignment, world.trainees[2], score="30", passed=False)
    session = _session(world)
    assert defence.defence_autofill(session=session, actor=world.chair) == 2
    booked = list(session.slots.filter(trainee__isnull=False).order_by("starts_at"))
    assert [s.trainee_id for s in booked] == [s.trainee_id for s in sorted(submissions, key=lambda s: s.code)]
    assert defence.defence_autofill(session=session, actor=world.registrar) == 0


def test_manual_scheduling_moves_a_trainee_and_refuses_a_taken_slot_or_no_report(world):
    defence_world.submission(world.assignment, world.trainees[0])
    defence_world.submission(world.assignment, world.trainees[1])
    session = _session(world)
    first, second, third, _fourth = session.slots.order_by("starts_at")
    defence.defence_slot_assign(slot=first, trainee=world.trainees[0], actor=world.registrar)
    defence.defence_slot_assign(slot=third, trainee=world.trainees[0], actor=world.registrar)
    first.refresh_from_db()
    assert first.trainee_id is None and DefenceSlot.objects.get(pk=third.pk).trainee == world.trainees[0]
    with _refused("taken"):
        defence.defence_slot_assign(slot=third, trainee=world.trainees[1], actor=world.registrar)
    with _refused("no_submission"):
        defence.defence_slot_assign(slot=second, trainee=world.trainees[2], actor=world.registrar)
    with pytest.raises(PermissionDenied):
        defence.defence_slot_assign(slot=second, trainee=world.trainees[1], actor=world.members[0])
    assert DefenceSlot.objects.get(pk=second.pk).trainee_id is None


def test_a_trainee_swaps_to_a_free_slot_until_the_rule_says_no(world, client):
    defence_world.submission(world.assignment, world.trainees[0])
    defence_world.submission(world.assignment, world.trainees[1])
    session = _session(world, swap_hours_before=48)  # starts in 3 days
    first, second, third, _ = session.slots.order_by("starts_at")
    defence.defence_slot_assign(slot=first, trainee=world.trainees[0], actor=world.registrar)
    defence.defence_slot_assign(slot=second, trainee=world.trainees[1], actor=world.registrar)

    client.force_login(world.trainees[0])
    page = client.get(reverse("defence:my_defence")).content.decode()
    assert "答辩室 301" in page and timezone.localtime(first.starts_at).strftime("%H:%M") in page
    response = client.post(reverse("defence:slot_swap", args=[first.pk]), {"to": third.pk})
    assert response.status_code == 302
    assert DefenceSlot.objects.get(pk=third.pk).trainee == world.trainees[0]
    assert DefenceSlot.objects.get(pk=first.pk).trainee_id is None
    assert PracticeEvent.objects.filter(action=PracticeAction.DEFENCE_SWAPPED).count() == 1

    # Not into a taken slot, and not someone else's slot.
    with _refused("taken"):
        defence.defence_slot_swap(user=world.trainees[0], from_slot=third, to_slot=second)
    assert client.post(reverse("defence:slot_swap", args=[second.pk]), {"to": first.pk}).status_code == 404
    assert DefenceSlot.objects.get(pk=second.pk).trainee == world.trainees[1]

    # Less than 48 hours before: no more swaps.
    late = first.starts_at - datetime.timedelta(hours=47)
    with _refused("too_late"):
        defence.defence_slot_swap(user=world.trainees[0], from_slot=third, to_slot=first, now=late)
    assert DefenceSlot.objects.get(pk=third.pk).trainee == world.trainees[0]


def test_checking_in_at_the_defence_is_an_offline_check_in_with_its_hours(world):
    defence_world.submission(world.assignment, world.trainees[0])
    defence_world.submission(world.assignment, world.trainees[1])
    session = _session(world, starts_in=datetime.timedelta(minutes=10))
    first, second, *_ = session.slots.order_by("starts_at")
    defence.defence_slot_assign(slot=first, trainee=world.trainees[0], actor=world.registrar)
    defence.defence_slot_assign(slot=second, trainee=world.trainees[1], actor=world.registrar)
    offline = session.offline_session

    # The QR check-in of any offline session, unchanged.
    attendance_check_in(
        user=world.trainees[0], session=offline, code=checkin_code(session=offline), device="phone-1"
    )
    # One who could not scan, recorded by staff from the defence page; twice changes nothing.
    defence.defence_check_in_by_staff(slot=second, actor=world.chair)
    defence.defence_check_in_by_staff(slot=second, actor=world.chair)

    assert set(Attendance.objects.filter(session=offline).values_list("user_id", flat=True)) == {
        world.trainees[0].pk,
        world.trainees[1].pk,
    }
    hours = HoursEntry.objects.filter(source=HoursSource.OFFLINE, course=offline.course)
    assert sorted(hours.values_list("user_id", "hours")) == sorted(
        [(world.trainees[0].pk, Decimal("0.5")), (world.trainees[1].pk, Decimal("0.5"))]
    )
    assert defence.attended_slot_ids(session=session) == {first.pk, second.pk}
    assert PracticeEvent.objects.filter(action=PracticeAction.DEFENCE_CHECKED_IN).count() == 1
    # An external panel member holds no learning role: staff record attendance.
    with pytest.raises(PermissionDenied):
        defence.defence_check_in_by_staff(slot=first, actor=world.members[1])


def _scheduled(world):
    submission = defence_world.submission(world.assignment, world.trainees[0])
    session = _session(world)
    slot = session.slots.order_by("starts_at").first()
    defence.defence_slot_assign(slot=slot, trainee=world.trainees[0], actor=world.registrar)
    criteria = list(world.assignment.defence_criteria.order_by("sort_order"))
    return submission, session, slot, criteria


def test_panel_members_score_one_criterion_at_a_time_and_bad_points_change_nothing(world):
    _submission, _session_, slot, (presentation, answers) = _scheduled(world)
    member = world.members[1]  # an external expert
    defence.defence_score_save(slot=slot, member=member, criterion_id=presentation.pk, points="32")
    score = defence.defence_score_save(slot=slot, member=member, criterion_id=answers.pk, points="50.5")
    assert score.total == Decimal("82.50")
    score = defence.defence_score_save(slot=slot, member=member, criterion_id=presentation.pk, points="35")
    assert score.total == Decimal("85.50")
    for bad in ("41", "-1", "abc", "NaN"):
        with pytest.raises(PracticeError):
            defence.defence_score_save(slot=slot, member=member, criterion_id=presentation.pk, points=bad)
    assert DefenceScore.objects.get(slot=slot, member=member).total == Decimal("85.50")
    for outsider in (world.trainees[0], world.registrar, course_factories.instructor()):
        with _refused("forbidden"):
            defence.defence_score_save(slot=slot, member=outsider, criterion_id=presentation.pk, points="10")
    assert DefenceScore.objects.filter(slot=slot).count() == 1
    assert PracticeEvent.objects.filter(action=PracticeAction.DEFENCE_SCORED).count() == 3
    # Scores belong to the slot's trainee: a scored defence is not moved, freed or swapped away.
    other = slot.session.slots.exclude(pk=slot.pk).order_by("starts_at").first()
    with _refused("scored"):
        defence.defence_slot_assign(slot=other, trainee=world.trainees[0], actor=world.registrar)
    with _refused("scored"):
        defence.defence_slot_unassign(slot=slot, actor=world.registrar)
    with _refused("held"):
        defence.defence_slot_swap(user=world.trainees[0], from_slot=slot, to_slot=other)
    assert DefenceSlot.objects.get(pk=slot.pk).trainee == world.trainees[0]


def test_the_phone_score_sheet_shows_the_code_not_the_trainee_and_saves_each_change(world, client):
    submission, session, slot, (presentation, _answers) = _scheduled(world)
    member = world.members[0]
    client.force_login(member)
    html = client.get(reverse("defence:score", args=[slot.pk])).content.decode()
    assert submission.code in html and "欧阳学员0" not in html and world.trainees[0].username not in html
    assert html.count("data-score-row") == 2 and 'inputmode="decimal"' in html
    response = client.post(
        reverse("defence:score_save", args=[slot.pk]),
        {"criterion": presentation.pk, "points": "30"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200 and json.loads(response.content)["total"] == "30.00"
    response = client.post(
        reverse("defence:score_save", args=[slot.pk]),
        {"criterion": presentation.pk, "points": "99"},
        HTTP_ACCEPT="application/json",
    )
    # In the user's language (Chinese here), naming the criterion and its maximum.
    error = json.loads(response.content)["error"]
    assert response.status_code == 400 and "陈述" in error and "40" in error
    assert DefenceScore.objects.get(slot=slot, member=member).total == Decimal("30")
    # Someone off the panel reaches nothing.
    client.force_login(course_factories.instructor())
    assert client.get(reverse("defence:score", args=[slot.pk])).status_code == 404


def test_the_chair_records_the_outcome_once_after_confirming(world, client):
    submission, session, slot, (presentation, answers) = _scheduled(world)
    for member, points in ((world.members[0], ("30", "45")), (world.members[1], ("34", "51"))):
        defence.defence_score_save(slot=slot, member=member, criterion_id=presentation.pk, points=points[0])
        defence.defence_score_save(slot=slot, member=member, criterion_id=answers.pk, points=points[1])

    # A member who is not the chair may not record it.
    with _refused("forbidden"):
        defence.defence_outcome_record(
            slot=slot, chair=world.members[0], result=DefenceResult.PASS, reasons="好", confirmed=True
        )
    client.force_login(world.chair)
    url = reverse("defence:outcome", args=[slot.pk])
    response = client.post(url, {"result": DefenceResult.PASS, "reasons": ""})
    assert response.status_code == 400 and not DefenceOutcome.objects.exists()
    response = client.post(url, {"result": DefenceResult.PASS, "reasons": "陈述清晰，回答准确。"})
    assert response.status_code == 200 and 'name="confirmed" value="1"' in response.content.decode()
    assert not DefenceOutcome.objects.exists()
    response = client.post(
        url, {"result": DefenceResult.PASS, "reasons": "陈述清晰，回答准确。", "confirmed": "1"}
    )
    assert response.status_code == 302
    outcome = DefenceOutcome.objects.get(slot=slot)
    assert outcome.result == DefenceResult.PASS and outcome.score == Decimal("80.00")
    assert outcome.recorded_by == world.chair and outcome.submission == submission
    submission.refresh_from_db()
    assert submission.state == SubmissionState.READY_FOR_RELEASE
    assert (
        PracticeEvent.objects.filter(action=PracticeAction.DEFENCE_OUTCOME, submission=submission).count()
        == 1
    )

    # Once recorded: no second outcome, no more scores.
    with _refused("recorded"):
        defence.defence_outcome_record(
            slot=slot, chair=world.chair, result=DefenceResult.FAIL, reasons="改判", confirmed=True
        )
    with _refused("closed"):
        defence.defence_score_save(
            slot=slot, member=world.members[0], criterion_id=presentation.pk, points="1"
        )
    assert DefenceOutcome.objects.get(slot=slot).result == DefenceResult.PASS


def test_registrars_schedule_from_their_page_and_see_names_the_chair_does_not(world, client):
    submission = defence_world.submission(world.assignment, world.trainees[0])
    client.force_login(world.registrar)
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=5)).replace(microsecond=0)
    response = client.post(
        reverse("defence:staff_sessions", args=[world.assignment.pk]),
        {
            "title": "第二场",
            "panel": world.panel.pk,
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "slot_minutes": 20,
            "room": "",
            "online_link": "https://meeting.example.org/defence",
            "swap_hours_before": 24,
        },
    )
    assert response.status_code == 302
    session = world.assignment.defence_sessions.get()
    assert session.slots.count() == 3 and session.offline_session is None
    client.post(reverse("defence:staff_autofill", args=[session.pk]))
    page = client.get(reverse("defence:staff_session", args=[session.pk])).content.decode()
    assert submission.code in page and "欧阳学员0" in page

    client.force_login(world.chair)
    page = client.get(reverse("defence:staff_session", args=[session.pk])).content.decode()
    assert submission.code in page and "欧阳学员0" not in page
    client.force_login(world.members[0])
    assert client.get(reverse("defence:staff_session", args=[session.pk])).status_code == 404
    assert client.get(reverse("defence:staff_sessions", args=[world.assignment.pk])).status_code == 404


def test_a_pass_needs_the_panels_score_at_or_above_the_defence_pass_mark(world, client):
    """The assignment's defence pass mark was read nowhere: a chair could record a pass with no
    complete score sheet, or with the panel's mean below the mark, and certification counted it.
    A pass (with or without revisions) now needs the mean of complete sheets at or above the mark;
    a fail needs neither. A refused outcome records nothing and says why, in the user's language."""
    _submission, _session_, slot, (presentation, _answers) = _scheduled(world)
    world.assignment.defence_pass_mark = Decimal("60")
    world.assignment.save(update_fields=["defence_pass_mark"])
    # One criterion of one sheet is not a score.
    defence.defence_score_save(slot=slot, member=world.members[0], criterion_id=presentation.pk, points="40")
    for result in (DefenceResult.PASS, DefenceResult.PASS_WITH_REVISIONS):
        with _refused("unscored"):
            defence.defence_outcome_record(
                slot=slot, chair=world.chair, result=result, reasons="好", confirmed=True
            )
    # Complete sheets with a mean of 55 % (rubric maximum 100): below 60.
    defence_world.score_defence(slot, world.members[0], share="0.5")
    defence_world.score_defence(slot, world.members[1], share="0.6")
    with _refused("below_mark"):
        defence.defence_outcome_record(
            slot=slot, chair=world.chair, result=DefenceResult.PASS, reasons="好", confirmed=True
        )
    client.force_login(world.chair)
    response = client.post(
        reverse("defence:outcome", args=[slot.pk]),
        {"result": DefenceResult.PASS, "reasons": "好", "confirmed": "1"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400 and "60" in response.content.decode()
    assert not DefenceOutcome.objects.exists()
    # At the mark, a pass is recorded; below it, a fail always may be.
    defence_world.score_defence(slot, world.members[1], share="0.7")  # mean 60 %
    outcome = defence.defence_outcome_record(
        slot=slot,
        chair=world.chair,
        result=DefenceResult.PASS_WITH_REVISIONS,
        reasons="需修改",
        confirmed=True,
    )
    assert outcome.score == Decimal("60.00")


def test_a_panel_member_in_conflict_with_the_trainee_may_not_score_the_defence(world):
    """Defence scoring checked panel membership only: a member from the trainee's employer, or one
    who declared a conflict, could score. Refused now, nothing saved; the others score as before."""
    from courses.practice.models import ConflictOfInterest

    _submission, _session_, slot, (presentation, _answers) = _scheduled(world)
    ConflictOfInterest.objects.create(reviewer=world.members[0], trainee=world.trainees[0], reason="同事")
    with _refused("conflict"):
        defence.defence_score_save(
            slot=slot, member=world.members[0], criterion_id=presentation.pk, points="30"
        )
    assert not DefenceScore.objects.filter(slot=slot, member=world.members[0]).exists()
    defence.defence_score_save(slot=slot, member=world.members[1], criterion_id=presentation.pk, points="30")
