"""Review r3: the exam page in Chromium when a save is refused for a reason other than a busy server."""

import pytest
from django.conf import settings

from courses.exams import services
from courses.exams.models import AttemptItem
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _server_response(item_id):
    return AttemptItem.objects.get(pk=item_id).response


def test_an_essay_over_the_limit_does_not_silently_block_every_later_save(login, site):
    # A trainee pastes a long essay (over services.MAX_RESPONSE_CHARS). The server refuses the whole
    # save with 400; the page keeps the essay pending and sends it with every later save, so every
    # later answer is refused too, the status stays 'saving…', and 'submit' never goes (it waits
    # for pending answers). The page must say what is wrong, and other answers must still be saved.
    setup = factories.exam_setup(types=[QuestionType.ESSAY, QuestionType.SHORT_ANSWER])
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    essay = attempt.items.get(version__qtype=QuestionType.ESSAY)
    short = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    page = login(setup.trainee).new_page()
    page.goto(f"{site.url}/exams/attempts/{attempt.pk}/")
    page.fill(f"[name=q{essay.position}]", "长" * (services.MAX_RESPONSE_CHARS + 10))
    page.wait_for_timeout(2500)
    page.fill(f"[name=q{short.position}]", "技术合同")
    status = page.locator("#exam-save-status")
    # Either the textarea stops at the limit (maxlength) or the page reports the refusal; and the
    # short answer reaches the server.
    page.wait_for_timeout(4000)
    assert _server_response(short.pk) == "技术合同"
    assert status.text_content() != status.get_attribute("data-saving")


def test_a_lapsed_sign_in_does_not_drop_a_flag_or_leave_the_page_saving_forever(login, site):
    # The session ends mid-exam (expired, signed out in another tab). The save is redirected to the
    # sign-in page, which fetch follows: a 200 HTML page. The page takes that for success: it drops
    # the pending flags as 'acknowledged' and shows 'saved' (or 'saving…' forever with an answer
    # pending), with no word about signing in.
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER, QuestionType.TRUE_FALSE])
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    truth = attempt.items.get(version__qtype=QuestionType.TRUE_FALSE)
    context = login(setup.trainee)
    page = context.new_page()
    page.goto(f"{site.url}/exams/attempts/{attempt.pk}/")
    session = next(c for c in context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    context.clear_cookies(name=settings.SESSION_COOKIE_NAME)  # the CSRF cookie stays
    page.locator(f"#q{truth.position} .exam-flag").click()
    page.wait_for_timeout(3000)
    status = page.locator("#exam-save-status")
    # Neither 'saving…' forever nor, worse, 'saved' when nothing was: a word about signing in.
    shown = status.text_content()
    assert shown not in (status.get_attribute("data-saving"), status.get_attribute("data-saved")), shown
    # Signed in again (the same session back), any later save carries the flag the trainee set.
    context.add_cookies([session])
    short = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    page.fill(f"[name=q{short.position}]", "再次登录")
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved",
        timeout=30_000,
    )
    assert AttemptItem.objects.get(pk=truth.pk).flagged is True


def test_the_summary_lists_questions_without_bullets_running_into_them(login, site):
    # The summary's lists are flex rows of <li> that keep their outside markers: each bullet is drawn
    # inside the gap, over the end of the previous link ('第 3 题•第 6 题•'), at desktop and phone size.
    setup = factories.exam_setup(types=[QuestionType.TRUE_FALSE] * 3)
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    page = login(setup.trainee).new_page()
    page.goto(f"{site.url}/exams/attempts/{attempt.pk}/")
    page.get_by_role("button", name="检查并交卷", exact=True).click()
    item = page.locator("#exam-summary-unanswered li").first
    item.wait_for()
    style = item.evaluate(
        "li => { const s = getComputedStyle(li), row = getComputedStyle(li.parentElement);"
        " return {marker: s.listStyleType, display: row.display}; }"
    )
    assert style["display"] != "flex" or style["marker"] == "none", style
