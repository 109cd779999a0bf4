"""The exam page in a real browser (Debian's Chromium via Playwright): saves as you type, survives
reloads, a lost connection and a closed tab, and counts down from the server's deadline."""

import datetime

import pytest
from django.utils import timezone

from courses.exams import services
from courses.exams.models import Attempt, AttemptEvent, AttemptItem
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _wait_saved(page) -> None:
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved",
        timeout=30_000,
    )


def _text_item(attempt) -> AttemptItem:
    return attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)


def test_answers_are_saved_as_typed_and_survive_reload_offline_and_a_closed_tab(login, site):
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER, QuestionType.SINGLE_CHOICE])
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    text = _text_item(attempt)
    choice = attempt.items.get(version__qtype=QuestionType.SINGLE_CHOICE)
    url = f"{site.url}/exams/attempts/{attempt.pk}/"

    context = login(setup.trainee)
    page = context.new_page()
    page.goto(url)
    # The countdown shows the server's remaining time (about an hour).
    page.wait_for_function("document.getElementById('exam-countdown').textContent.startsWith('59:')")

    page.fill(f"[name=q{text.position}]", "技术合同")
    # The first stored option, picked by its text: the page names options by opaque values.
    first_option = page.locator(f"fieldset[data-position='{choice.position}']").get_by_label(
        choice.version.data["options"][0]["text"]
    )
    first_option.check()
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved"
    )
    text.refresh_from_db()
    choice.refresh_from_db()
    assert (text.response, choice.response) == ("技术合同", 0)

    # Reload: everything is back on the page.
    page.reload()
    assert page.input_value(f"[name=q{text.position}]") == "技术合同"
    assert first_option.is_checked()

    # Offline: the answer waits in the browser and is sent when the connection returns.
    context.set_offline(True)
    page.fill(f"[name=q{text.position}]", "技术转让合同")
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.offline",
        timeout=10_000,
    )
    text.refresh_from_db()
    assert text.response == "技术合同"
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved"
    )
    text.refresh_from_db()
    assert text.response == "技术转让合同"

    # A tab closed before the debounced save fired: the next visit sends what was typed.
    context.set_offline(True)
    page.fill(f"[name=q{text.position}]", "专利实施许可合同")
    page.wait_for_timeout(300)
    page.close()
    context.set_offline(False)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved"
    )
    text.refresh_from_db()
    assert text.response == "专利实施许可合同"
    assert AttemptEvent.objects.filter(attempt=attempt, kind="resume").exists()
    context.close()


def test_at_the_deadline_the_page_goes_to_the_result_and_no_answer_changes_after(login, site):
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER])
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    text = _text_item(attempt)
    context = login(setup.trainee)
    page = context.new_page()
    page.goto(f"{site.url}/exams/attempts/{attempt.pk}/")
    page.fill(f"[name=q{text.position}]", "技术")
    _wait_saved(page)
    # Staff shorten the time (as if it ran out); the next save's answer brings the page the new deadline.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + datetime.timedelta(seconds=5))
    page.fill(f"[name=q{text.position}]", "技术合同")
    _wait_saved(page)
    page.wait_for_url("**/result/", timeout=30_000)
    attempt.refresh_from_db()
    assert attempt.status != "in_progress"
    text.refresh_from_db()
    assert text.response == "技术合同"
    context.close()
