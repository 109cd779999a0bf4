"""The exam burst's statements (``courses.exams.attempt_store``): a start from a prepared paper is one
read and one write, a save (with its flags) one write, and every rule still holds.

On PostgreSQL the bounds are the hand-written statements'; on SQLite (the ORM path) they are looser
but still fixed. Both paths keep the same rules, which these tests check on whichever database runs.
"""

import datetime
import json

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services, sittings
from courses.exams.models import (
    Attempt,
    AttemptEvent,
    AttemptItem,
    AttemptStatus,
    Sitting,
)
from courses.models import Enrolment, EnrolmentStatus
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db

POSTGRESQL = connection.vendor == "postgresql"
# A start from a prepared paper: the single read and the guarded UPDATE with its event (SQLite: the
# read, the UPDATE, the attempt, the event, and the savepoint around them).
START_MAX_QUERIES = 2 if POSTGRESQL else 6
# A save with a flag through the view: the attempt with its owner, the items' values, the write
# (SQLite: the lock, the UPDATE, the flags, the event and the savepoint around them).
SAVE_MAX_QUERIES = 3 if POSTGRESQL else 9


def _open_sitting(setup, *, closes_in=datetime.timedelta(hours=3)) -> Sitting:
    """A sitting of the setup's paper for the trainee's cohort, its papers prepared, open since a minute."""
    cohort = setup.trainee.enrolments.get().cohort
    sitting = Sitting.objects.create(
        paper=setup.paper,
        cohort=cohort,
        opens_at=timezone.now() + datetime.timedelta(minutes=30),
        closes_at=timezone.now() + closes_in if closes_in else None,
    )
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    Sitting.objects.filter(pk=sitting.pk).update(opens_at=timezone.now() - datetime.timedelta(minutes=1))
    sitting.refresh_from_db()
    return sitting


def _prepared(sitting, user) -> Attempt:
    return Attempt.all_objects.get(sitting=sitting, user=user, status=AttemptStatus.PREPARED)


def test_a_start_from_a_prepared_paper_is_one_read_and_one_write(setup, django_assert_max_num_queries):
    sitting = _open_sitting(setup)
    prepared = _prepared(sitting, setup.trainee)

    with django_assert_max_num_queries(START_MAX_QUERIES):
        attempt = services.attempt_start(paper=setup.paper, user=setup.trainee, ip="10.0.0.9")

    assert (attempt.pk, attempt.status, attempt.number) == (prepared.pk, AttemptStatus.IN_PROGRESS, 1)
    assert attempt.max_score == prepared.max_score and attempt.sitting_id == sitting.pk
    stored = Attempt.objects.get(pk=attempt.pk)
    assert (stored.started_at, stored.deadline, stored.last_ip) == (
        attempt.started_at,
        attempt.deadline,
        "10.0.0.9",
    )
    assert stored.deadline == stored.started_at + datetime.timedelta(minutes=setup.paper.time_limit_minutes)
    [event] = AttemptEvent.objects.filter(attempt=attempt)
    assert (event.kind, event.ip, event.detail) == ("start", "10.0.0.9", {"prepared": True})
    # A double click: the same attempt, started once.
    assert services.attempt_start(paper=setup.paper, user=setup.trainee) == attempt
    assert AttemptEvent.objects.filter(attempt=attempt).count() == 1


def test_a_prepared_start_keeps_extra_time_capped_by_the_sittings_close(setup):
    sitting = _open_sitting(setup, closes_in=datetime.timedelta(minutes=90))
    services.accommodation_grant(
        paper=setup.paper,
        user=setup.trainee,
        extra_minutes=45,
        reason="视障考生",
        granted_by=course_factories.registrar(),
    )
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    assert attempt.extra_minutes == 45
    assert attempt.deadline == sitting.closes_at  # 60 + 45 minutes would pass the close


def test_a_prepared_paper_is_refused_once_attempts_are_used_up_or_the_place_is_gone(setup, english):
    sitting = _open_sitting(setup)
    Attempt.objects.create(  # the second of two, sat since the papers were prepared
        paper=setup.paper,
        user=setup.trainee,
        number=2,
        status=AttemptStatus.COMPLETED,
        started_at=timezone.now(),
    )
    with pytest.raises(services.ExamError, match="used all your attempts"):
        services.attempt_start(paper=setup.paper, user=setup.trainee)

    Attempt.objects.filter(user=setup.trainee, status=AttemptStatus.COMPLETED).delete()
    Enrolment.objects.filter(user=setup.trainee).update(status=EnrolmentStatus.WITHDRAWN)
    with pytest.raises(services.ExamError, match="only when enrolled"):
        services.attempt_start(paper=setup.paper, user=setup.trainee)
    assert _prepared(sitting, setup.trainee).status == AttemptStatus.PREPARED  # nothing changed


def test_late_entry_is_refused_and_nothing_changes(setup, english):
    sitting = _open_sitting(setup)
    Sitting.objects.filter(pk=sitting.pk).update(
        entry_closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(services.ExamError, match="Entry to this exam closed"):
        services.attempt_start(paper=setup.paper, user=setup.trainee)
    assert _prepared(sitting, setup.trainee).status == AttemptStatus.PREPARED


def _save(client, attempt, body, ip="127.0.0.1"):
    return client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]),
        data=json.dumps(body),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        REMOTE_ADDR=ip,
    )


def _started(client, setup) -> tuple[Attempt, int, int]:
    """The trainee's attempt (started through the page), a text question's and another's positions."""
    client.force_login(setup.trainee)
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    attempt = Attempt.objects.get(user=setup.trainee, paper=setup.paper)
    text = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position
    other = attempt.items.exclude(position=text).values_list("position", flat=True).first()
    return attempt, text, other


def _item(attempt, position) -> AttemptItem:
    return AttemptItem.objects.get(attempt=attempt, position=position)


def test_a_save_with_flags_is_one_write(client, setup, django_assert_max_num_queries):
    attempt, text, other = _started(client, setup)
    _save(client, attempt, {"answers": []})  # the session is in the cache from now on
    body = {
        "answers": [{"position": text, "response": "技术合同", "seq": 3}],
        "flags": {str(text): True, str(other): True, "999": True},  # an unknown position is ignored
    }
    with django_assert_max_num_queries(SAVE_MAX_QUERIES):
        response = _save(client, attempt, body)
    assert response.status_code == 200, response.content
    assert response.json()["saved"] == {str(text): 3}
    saved = _item(attempt, text)
    assert (saved.response, saved.client_seq, saved.flagged) == ("技术合同", 3, True)
    assert _item(attempt, other).flagged
    [event] = AttemptEvent.objects.filter(attempt=attempt, kind="save")
    assert event.detail == {"positions": [text]}


def test_an_older_seq_changes_neither_the_answer_nor_the_flag_sent_with_it(client, setup):
    attempt, text, other = _started(client, setup)
    body = {"answers": [{"position": text, "response": "新", "seq": 5}], "flags": {str(text): True}}
    assert _save(client, attempt, body).status_code == 200

    # A replayed older request: its answer and its flag are as old as each other; a flag sent
    # without an answer (``other``) has no sequence number and applies.
    body = {
        "answers": [{"position": text, "response": "旧", "seq": 4}],
        "flags": {str(text): False, str(other): True},
    }
    response = _save(client, attempt, body)
    assert response.status_code == 200
    assert response.json()["saved"] == {str(text): 5}  # the page learns the stored seq
    item = _item(attempt, text)
    assert (item.response, item.client_seq, item.flagged) == ("新", 5, True)
    assert _item(attempt, other).flagged
    assert AttemptEvent.objects.filter(attempt=attempt, kind="save").count() == 1  # a flag is no save
    # The same answer twice in one request: the newer one is stored, as if they came one by one.
    twice = [{"position": text, "response": "甲", "seq": 7}, {"position": text, "response": "乙", "seq": 6}]
    assert _save(client, attempt, {"answers": twice}).json()["saved"] == {str(text): 7}
    assert _item(attempt, text).response == "甲"


def test_a_save_from_another_address_is_logged_and_a_closed_attempt_changes_nothing(client, setup):
    attempt, text, other = _started(client, setup)
    assert (
        _save(client, attempt, {"answers": [{"position": text, "response": "一", "seq": 1}]}).status_code
        == 200
    )
    assert (
        _save(client, attempt, {"answers": [], "flags": {str(other): True}}, ip="10.1.1.1").status_code == 200
    )
    change = AttemptEvent.objects.get(attempt=attempt, kind="ip_change")
    assert (change.ip, change.detail) == ("10.1.1.1", {"previous": "127.0.0.1"})
    assert Attempt.objects.get(pk=attempt.pk).last_ip == "10.1.1.1"

    # Submitted in another tab while this page's save was on its way: refused under the lock and
    # logged (boundedly), its flag not set.
    on_its_way = Attempt.objects.get(pk=attempt.pk)
    Attempt.objects.filter(pk=attempt.pk).update(status=AttemptStatus.GRADING)
    save = services.AnswerSave(position=text, response="二", seq=2)
    for _attempt in range(services.MAX_REJECTED_SAVES_LOGGED + 2):
        with pytest.raises(services.ExamError) as refused:
            services.attempt_save_answers(actor=SYSTEM, attempt=on_its_way, saves=[save], flags={text: True})
        assert refused.value.code == "closed"
    item = _item(attempt, text)
    assert (item.response, item.client_seq, item.flagged) == ("一", 1, False)
    assert AttemptEvent.objects.filter(attempt=attempt, kind="rejected_save").count() == (
        services.MAX_REJECTED_SAVES_LOGGED
    )


def test_an_unknown_position_is_refused_with_nothing_changed(client, setup):
    attempt, text, other = _started(client, setup)
    body = {
        "answers": [
            {"position": text, "response": "一", "seq": 1},
            {"position": 999, "response": "x", "seq": 1},
        ],
        "flags": {str(other): True},
    }
    assert _save(client, attempt, body).status_code == 400
    assert _item(attempt, text).client_seq == 0 and not _item(attempt, other).flagged
    assert not AttemptEvent.objects.filter(attempt=attempt, kind="save").exists()
