"""A new privacy notice must not interrupt an exam: the trainee is asked once the exam is over."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from courses.accounts.services import privacy_consent_record
from courses.exams import services
from courses.questions.models import QuestionType

pytestmark = pytest.mark.django_db


def _sign_in(client, user) -> None:
    # Through the login form, so the session remembers the consented notice version.
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    response = client.post("/accounts/login/", {"login": user.username, "password": "correct-horse-battery"})
    assert response.status_code == 302


def test_a_trainee_mid_exam_is_not_sent_to_the_consent_page(client, settings, setup):
    setup.trainee.set_password("correct-horse-battery")
    setup.trainee.save()
    settings.PRIVACY_NOTICE_VERSION = "2026-01"
    privacy_consent_record(user=setup.trainee)
    _sign_in(client, setup.trainee)
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)

    settings.PRIVACY_NOTICE_VERSION = "2026-07"  # the notice changes while the exam is being sat
    assert client.get(reverse("exams:attempt", args=[attempt.pk])).status_code == 200
    answers = reverse("exams:attempt_answers", args=[attempt.pk])
    assert client.get(answers, HTTP_ACCEPT="application/json").status_code == 200
    # The short-answer item, wherever the draw put it (a choice item takes only its own option values).
    position = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position
    saved = client.post(
        answers,
        json.dumps({"answers": [{"position": position, "response": "技术合同", "seq": 1}]}),
        content_type="application/json",
    )
    assert saved.status_code == 200 and saved.json()["saved"] == {str(position): 1}
    events = reverse("exams:attempt_event", args=[attempt.pk])
    assert client.post(events, {"kind": "focus_lost"}, content_type="application/json").status_code == 200
    submitted = client.post(reverse("exams:attempt_submit", args=[attempt.pk]))
    assert submitted.status_code == 302
    assert submitted.url == reverse("exams:attempt_result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.status != "in_progress" and attempt.items.get(position=position).response == "技术合同"

    # Once the exam is over, the next ordinary page asks for consent.
    after = client.get(reverse("exams:my_exams"))
    assert after.status_code == 302 and after.url.startswith(reverse("accounts:consent"))
