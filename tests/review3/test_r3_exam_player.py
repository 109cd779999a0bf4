"""Review r3: a trainee attacking the exam player's save path (flags, sequence numbers, sizes) and
staff reaching prepared papers. Each test states what should happen; they fail until fixed."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import sittings
from courses.exams.models import Attempt, AttemptItem, AttemptStatus, Sitting
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def _start(client, setup, trainee=None) -> Attempt:
    trainee = trainee or setup.trainee
    client.force_login(trainee)
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    return Attempt.objects.get(user=trainee, paper=setup.paper)


def _post(client, attempt, payload):
    client.raise_request_exception = False
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]), data=body, content_type="application/json"
    )


@pytest.mark.parametrize("key", ["²", "①"])
def test_a_flag_key_of_unicode_digits_is_refused_not_a_500(client, key):
    # str.isdigit() is True for superscripts and circled digits, but int() cannot read them.
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    attempt = _start(client, setup)
    response = _post(client, attempt, {"answers": [], "flags": {key: True}})
    assert response.status_code == 400


def test_a_replayed_old_save_does_not_bring_back_an_old_flag(client):
    # The page flags question 1 (save seq 1), then unflags it (save seq 2). The first request,
    # delayed by a proxy or replayed, arrives last: its stale answer is ignored, its flag must be too.
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    attempt = _start(client, setup)
    item = attempt.items.get()
    value = item.option_values["options"][0]
    first = {"answers": [{"position": 1, "response": value, "seq": 1}], "flags": {"1": True}}
    second = {"answers": [{"position": 1, "response": value, "seq": 2}], "flags": {"1": False}}
    assert _post(client, attempt, second).status_code == 200
    assert _post(client, attempt, first).status_code == 200  # the old one, late
    item.refresh_from_db()
    assert item.client_seq == 2
    assert item.flagged is False


@pytest.mark.parametrize("field", ["seq", "position"])
def test_a_huge_number_in_a_save_is_refused_not_a_500(client, field):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    attempt = _start(client, setup)
    value = attempt.items.get().option_values["options"][0]
    entry = {"position": 1, "response": value, "seq": 1}
    entry[field] = 2**70
    response = _post(client, attempt, {"answers": [entry]})
    assert response.status_code == 400
    item = attempt.items.get()
    assert item.client_seq == 0 and item.response is None


def test_a_save_with_a_seq_past_the_columns_range_is_refused_not_a_500(client):
    # PostgreSQL's integer column holds up to 2**31 - 1; SQLite up to 2**63 - 1.
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    attempt = _start(client, setup)
    value = attempt.items.get().option_values["options"][0]
    response = _post(client, attempt, {"answers": [{"position": 1, "response": value, "seq": 2**63}]})
    assert response.status_code == 400


def _prepared_item(setup):
    cohort = setup.trainee.enrolments.get().cohort
    sitting = Sitting.objects.create(
        paper=setup.paper, cohort=cohort, opens_at=timezone.now() + timezone.timedelta(minutes=30)
    )
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    prepared = Attempt.all_objects.get(sitting=sitting, user=setup.trainee, status=AttemptStatus.PREPARED)
    return AttemptItem.objects.filter(attempt_id=prepared.pk).first()


def test_staff_overriding_an_item_of_a_prepared_paper_gets_404_not_a_500(client):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    item = _prepared_item(setup)
    client.force_login(course_factories.registrar())
    client.raise_request_exception = False
    response = client.post(
        reverse("exams:staff_item_override", args=[item.pk]), {"score": "1", "reason": "x"}
    )
    assert response.status_code == 404


def test_staff_cannot_open_a_prepared_papers_item_to_grade(client):
    # A prepared paper is no attempt: its questions (what a given trainee will get at 9:00) show nowhere.
    setup = factories.exam_setup(types=[QuestionType.ESSAY])
    item = _prepared_item(setup)
    client.force_login(course_factories.registrar())
    client.raise_request_exception = False
    assert client.get(reverse("exams:staff_grade_item", args=[item.pk])).status_code == 404
    response = client.post(reverse("exams:staff_grade_item", args=[item.pk]), {"score": "1", "feedback": ""})
    assert response.status_code == 404
