"""Attempts through the views: fixed at start, saved as typed, resumed, private, never leaking answers."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import Attempt, AttemptEvent, AttemptItem, AttemptStatus, ReviewMode, SubmittedBy
from courses.questions import services as question_services
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def _start(client, setup) -> Attempt:
    client.force_login(setup.trainee)
    response = client.post(reverse("exams:attempt_start", args=[setup.paper.pk]))
    assert response.status_code == 302, response.content
    return Attempt.objects.get(user=setup.trainee, paper=setup.paper)


def _save(client, attempt, answers, **extra):
    return client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]),
        data=json.dumps({"answers": answers}),
        content_type="application/json",
        **extra,
    )


def _right_answers(attempt, seq=1):
    items = attempt.items.select_related("version")
    return [
        {"position": item.position, "response": factories.right_response(item), "seq": seq} for item in items
    ]


def test_the_paper_is_fixed_at_start_and_editing_a_question_does_not_change_it(client, setup):
    attempt = _start(client, setup)
    items = list(attempt.items.select_related("version").order_by("position"))
    assert len(items) == len(setup.questions)
    assert {item.version.question_id for item in items} == {q.pk for q in setup.questions}
    choice = next(item for item in items if item.version.qtype == QuestionType.SINGLE_CHOICE)
    assert sorted(choice.option_order) == [0, 1, 2]
    old_version = choice.version_id

    question = choice.version.question
    question_services.question_revise(
        user=SYSTEM,
        question=question,
        name="改过的题",
        text="改过的题干",
        data=choice.version.data,
        default_points=1,
    )
    question.refresh_from_db()
    assert question.current_version_id != old_version
    choice.refresh_from_db()
    assert choice.version_id == old_version
    page = client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()
    assert "改过的题干" not in page


def test_answers_are_saved_and_resumed_after_reload(client, setup):
    attempt = _start(client, setup)
    response = _save(client, attempt, _right_answers(attempt))
    assert response.status_code == 200, response.content
    assert set(response.json()["saved"].values()) == {1}

    # "Reload": a fresh page shows every saved answer, and the JSON endpoint returns them all.
    page = client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()
    assert re.search(r'type="radio" name="q\d+" value="true" checked', page)
    assert 'value="技术合同"' in page and 'value="3.2"' in page
    matching = attempt.items.get(version__qtype=QuestionType.MATCHING)
    for prompt, answer in factories.right_response(matching).items():
        assert re.search(rf'data-prompt="{prompt}">.*?<option value="{answer}" selected>', page, re.DOTALL)
    answers = client.get(reverse("exams:attempt_answers", args=[attempt.pk])).json()["answers"]
    by_position = {a["position"]: a["response"] for a in answers}
    expected = {a["position"]: a["response"] for a in _right_answers(attempt)}
    assert by_position == expected
    assert AttemptEvent.objects.filter(attempt=attempt, kind="resume").exists()


def test_an_older_save_arriving_late_never_overwrites_a_newer_one(client, setup):
    attempt = _start(client, setup)
    text_item = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    assert (
        _save(client, attempt, [{"position": text_item.position, "response": "新的", "seq": 20}]).status_code
        == 200
    )
    assert (
        _save(client, attempt, [{"position": text_item.position, "response": "旧的", "seq": 10}]).status_code
        == 200
    )
    text_item.refresh_from_db()
    assert (text_item.response, text_item.client_seq) == ("新的", 20)


@pytest.mark.parametrize(
    "body",
    [b"not json", b'{"answers": "x"}', b'{"answers": [{"position": 999, "response": 1, "seq": 1}]}'],
)
def test_bad_saves_are_refused_with_a_message_and_change_nothing(client, setup, body):
    attempt = _start(client, setup)
    good = _right_answers(attempt)[:1]
    _save(client, attempt, good)
    response = client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]), data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]
    # A batch with one bad entry saves none of it.
    mixed = [
        {"position": good[0]["position"], "response": "x", "seq": 5},
        {"position": 999, "response": 1, "seq": 5},
    ]
    assert _save(client, attempt, mixed).status_code == 400
    item = attempt.items.get(position=good[0]["position"])
    assert factories.as_shown(item, item.response) == good[0]["response"] and item.client_seq == 1


def test_another_trainee_cannot_read_or_touch_my_attempt(client, setup):
    attempt = _start(client, setup)
    _save(client, attempt, _right_answers(attempt))
    intruder = factories.trainee_for(setup.course)
    client.force_login(intruder)
    for name in ["exams:attempt", "exams:attempt_answers", "exams:attempt_result"]:
        assert client.get(reverse(name, args=[attempt.pk])).status_code == 404, name
    assert _save(client, attempt, [{"position": 1, "response": "x", "seq": 99}]).status_code == 404
    assert client.post(reverse("exams:attempt_submit", args=[attempt.pk])).status_code == 404
    # Nor the staff pages.
    assert client.get(reverse("exams:staff_attempt", args=[attempt.pk])).status_code == 403
    assert client.get(reverse("exams:staff_paper", args=[setup.paper.pk])).status_code == 403
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert not attempt.items.filter(response="x").exists()


def _answer_secrets(attempt) -> list[str]:
    """Strings that would give away a correct answer or how it is graded."""
    secrets = ['"fraction"', "fraction", "license", "assignment", '"correct"', "tolerance", "要点：收益分配"]
    for item in attempt.items.select_related("version"):
        data = item.version.data
        secrets += [answer["text"] for answer in data.get("answers", []) if "text" in answer]
    return secrets


def test_correct_answers_never_reach_the_browser_before_review(client, setup):
    setup.paper.review_mode = ReviewMode.ANSWERS
    setup.paper.review_after_close = True
    setup.paper.closes_at = timezone.now() + datetime.timedelta(days=1)
    setup.paper.save()
    attempt = _start(client, setup)
    # Matching answers are legitimately on screen as choices; compare against grading data instead.
    secrets = [s for s in _answer_secrets(attempt) if s not in ("license", "assignment")]

    responses = [
        client.get(reverse("exams:paper_detail", args=[setup.paper.pk])),
        client.get(reverse("exams:attempt", args=[attempt.pk])),
        client.get(reverse("exams:attempt_answers", args=[attempt.pk])),
        client.post(
            reverse("exams:attempt_event", args=[attempt.pk]),
            data=json.dumps({"kind": "focus_lost"}),
            content_type="application/json",
        ),
    ]
    # The short-answer item, wherever the draw put it (a choice item takes only its own option values).
    text = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    responses.append(_save(client, attempt, [{"position": text.position, "response": "技术合同", "seq": 1}]))
    responses.append(
        client.post(reverse("exams:attempt_submit", args=[attempt.pk]), HTTP_ACCEPT="application/json")
    )
    responses.append(client.get(reverse("exams:attempt_result", args=[attempt.pk])))
    responses.append(client.get(reverse("exams:my_exams")))
    for response in responses:
        assert response.status_code in (200, 302), (response.request["PATH_INFO"], response.content[:300])
        body = response.content.decode()
        for secret in secrets:
            # The trainee's own response may contain an accepted answer they typed themselves.
            if secret == "技术合同" and response.request["PATH_INFO"].endswith(
                ("/answers/", f"/{attempt.pk}/")
            ):
                continue
            assert secret not in body, (response.request["PATH_INFO"], secret)

    # After release and after the window closes, the review shows the correct answers.
    setup.paper.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    setup.paper.opens_at = None
    setup.paper.save()
    review = client.get(reverse("exams:attempt_result", args=[attempt.pk])).content.decode()
    assert "《促进科技成果转化法》" in review


def test_the_page_shows_options_in_the_attempts_order(client, setup):
    setup.paper.shuffle_options = True
    setup.paper.save()
    attempt = _start(client, setup)
    item = attempt.items.get(version__qtype=QuestionType.SINGLE_CHOICE)
    item.option_order = [2, 0, 1]
    item.save()
    page = client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()
    texts = [option["text"] for option in item.version.data["options"]]
    positions = [page.index(texts[index]) for index in [2, 0, 1]]
    assert positions == sorted(positions)


def test_submit_scores_objective_questions_and_releases_the_result(client, setup):
    setup.paper.pass_mark = Decimal("80")
    setup.paper.save()
    attempt = _start(client, setup)
    answers = _right_answers(attempt)
    # One wrong answer, on the short-answer item: a wrong *text* sent for a choice item would name an
    # option the item does not have and be refused (400) whole, so which item comes first (the shuffle)
    # must not decide what is saved.
    short = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position
    wrong = next(a for a in answers if a["position"] == short)
    wrong["response"] = "错误答案"
    assert _save(client, attempt, answers).status_code == 200
    response = client.post(reverse("exams:attempt_submit", args=[attempt.pk]))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED
    assert attempt.submitted_by == SubmittedBy.TRAINEE
    assert attempt.max_score == Decimal(6)
    assert attempt.score == Decimal(5)
    assert attempt.passed is True  # 83.33 % ≥ 80 %
    result = client.get(reverse("exams:attempt_result", args=[attempt.pk])).content.decode()
    assert "83.33" in result
    # Saving after submission changes nothing and says so.
    late = _save(client, attempt, [{"position": 1, "response": "迟到", "seq": 50}])
    assert late.status_code == 409 and late.json()["status"] == AttemptStatus.COMPLETED
    assert "已交卷" in late.json()["error"]  # in the trainee's language (Chinese by default)
    assert not AttemptItem.objects.filter(response="迟到").exists()


def test_an_attempt_past_its_deadline_is_submitted_on_any_access(client, setup):
    attempt = _start(client, setup)
    _save(client, attempt, _right_answers(attempt))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(seconds=1))
    late = _save(client, attempt, [{"position": 1, "response": "迟到", "seq": 50}])
    assert late.status_code == 409
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED and attempt.submitted_by == SubmittedBy.DEADLINE
    assert attempt.score == attempt.max_score  # with what was saved before the deadline
    assert client.get(reverse("exams:attempt", args=[attempt.pk])).status_code == 302


def test_the_sweep_submits_overdue_attempts_and_is_idempotent(client, setup):
    attempt = _start(client, setup)
    assert services.attempts_sweep_overdue(actor=SYSTEM) == 0
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(seconds=1))
    assert services.attempts_sweep_overdue(actor=SYSTEM) == 1
    assert services.attempts_sweep_overdue(actor=SYSTEM) == 0
    assert AttemptEvent.objects.filter(attempt=attempt, kind="auto_submit").count() == 1


def test_extra_time_applies_to_an_attempt_in_progress(client, setup):
    from tests.factories import courses as course_factories

    attempt = _start(client, setup)
    before = attempt.deadline
    registrar = course_factories.registrar()
    with pytest.raises(PermissionDenied):  # the service's guard: registrars only
        services.accommodation_grant(
            paper=setup.paper, user=setup.trainee, extra_minutes=15, reason="x", granted_by=setup.trainee
        )
    services.accommodation_grant(
        paper=setup.paper, user=setup.trainee, extra_minutes=15, reason="视力障碍", granted_by=registrar
    )
    attempt.refresh_from_db()
    assert attempt.deadline - before == datetime.timedelta(minutes=15)
    assert client.get(reverse("exams:attempt_answers", args=[attempt.pk])).json()["deadline"] == (
        attempt.deadline.isoformat()
    )
    # The deadline task queued for the old deadline does nothing once it comes.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=before + datetime.timedelta(minutes=15))
    services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk, by=SubmittedBy.DEADLINE)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert AttemptEvent.objects.filter(attempt=attempt, kind="extra_time").count() == 1


def test_a_deadline_task_that_arrives_early_queues_itself_for_the_current_deadline(
    client, setup, monkeypatch, django_capture_on_commit_callbacks
):
    # The worker's clock is behind the web host's, or time was added: the attempt must not wait for the sweep.
    from courses.exams import tasks

    queued = []
    monkeypatch.setattr(
        tasks.attempt_auto_submit_task, "apply_async", lambda args, eta: queued.append((args, eta))
    )
    attempt = _start(client, setup)
    # A deadline near enough for an ETA (farther ones are left to the minute sweep: test_deadline_scheduling.py).
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + datetime.timedelta(seconds=120))
    attempt.refresh_from_db()
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.attempt_auto_submit_task(attempt.pk)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert queued == [((attempt.pk,), attempt.deadline)]

    # At the deadline it submits, and queues nothing more.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(seconds=1))
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.attempt_auto_submit_task(attempt.pk)
    attempt.refresh_from_db()
    assert attempt.submitted_by == SubmittedBy.DEADLINE
    assert queued == []


def test_the_log_records_start_saves_focus_loss_and_ip_changes(client, setup):
    attempt = _start(client, setup)
    _save(client, attempt, _right_answers(attempt)[:1])
    client.post(
        reverse("exams:attempt_event", args=[attempt.pk]),
        data=json.dumps({"kind": "focus_lost", "detail": {"via": "blur"}}),
        content_type="application/json",
    )
    _save(client, attempt, _right_answers(attempt, seq=2)[:1], REMOTE_ADDR="10.9.9.9")
    kinds = list(attempt.events.values_list("kind", flat=True))
    assert kinds == ["start", "save", "focus_lost", "ip_change", "save"]
    assert attempt.events.get(kind="ip_change").ip == "10.9.9.9"
    assert (
        client.post(
            reverse("exams:attempt_event", args=[attempt.pk]),
            data=json.dumps({"kind": "submit"}),
            content_type="application/json",
        ).status_code
        == 400
    )
