"""The exam player in a real browser (issue 12, point 5 and the page's side of point 3): the navigator,
flags, the word count, the summary before submitting and the provisional score, in Chinese at desktop
size and in English on a phone; and a busy server (503 + Retry-After) that loses no answer.

With ``TTA_SCREENSHOTS=<folder>`` the journeys save what they show there (desktop and phone, zh and en).
"""

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from courses.exams import services
from courses.exams.models import Attempt, AttemptItem
from courses.questions.models import QuestionType
from tests.browser import PHONE
from tests.factories import exams as factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TYPES = [QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.ESSAY]
DESKTOP = {"width": 1280, "height": 900}

TEXT = {
    "zh-CN": {
        "attempt": "第 1 次作答（共 2 次）",
        "review": "检查并交卷",
        "submit": "交卷",
        "summary": "共 3 题，您已作答 2 题。",
        "words": "字数：",
        "provisional": "临时得分：5 分（满分 15 分）",
        "nav": "题目",
    },
    "en-US": {
        "attempt": "Attempt 1 of 2",
        "review": "Review and submit",
        "submit": "Submit answers",
        "summary": "You have answered 2 of 3 questions.",
        "words": "Words:",
        "provisional": "Provisional score: 5 of 15 points",
        "nav": "Questions",
    },
}


def _shot(page, name: str) -> None:
    """With TTA_SCREENSHOTS set: the page as it is, at desktop size and at phone size."""
    folder = os.environ.get("TTA_SCREENSHOTS")
    if not folder:
        return
    path = Path(settings.BASE_DIR) / folder
    path.mkdir(parents=True, exist_ok=True)
    shown = page.viewport_size
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=path / f"{name}-{size}.png")
    page.set_viewport_size(shown)


def _wait_saved(page) -> None:
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved",
        timeout=30_000,
    )


@pytest.mark.parametrize(
    ("locale", "viewport"), [("zh-CN", DESKTOP), ("en-US", PHONE)], ids=["zh-desktop", "en-phone"]
)
def test_navigator_flag_word_count_summary_and_provisional_score(login, site, locale, viewport):
    text = TEXT[locale]
    phone = viewport == PHONE
    setup = factories.exam_setup(types=TYPES, points=Decimal("5"))
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    items = {item.version.qtype: item for item in attempt.items.select_related("version")}
    choice, truth, essay = (items[t] for t in TYPES)
    options = {"viewport": viewport, "locale": locale}
    if phone:
        options |= {"is_mobile": True, "has_touch": True}
    context = login(setup.trainee, **options)
    page = context.new_page()
    prefix = "" if locale == "zh-CN" else "/en"  # English pages live under /en/
    page.goto(f"{site.url}{prefix}/exams/attempts/{attempt.pk}/")
    expect(page.locator(".exam-bar")).to_contain_text(text["attempt"])
    nav = page.locator("#exam-nav")
    if phone:  # folded away on a phone, one tap opens it
        expect(nav).not_to_have_attribute("open", "")
        nav.locator("summary").click()
    expect(nav.locator(".exam-nav-item[data-position]")).to_have_count(3)

    def nav_item(item):
        return nav.locator(f".exam-nav-item[data-position='{item.position}']")

    # Jump to a question from the navigator (on a phone it folds away again).
    nav_item(essay).click()
    expect(page.locator(f"#q{essay.position}")).to_be_focused()
    if phone:
        expect(nav).not_to_have_attribute("open", "")

    # Answer the choice by its text; flag the true/false question and leave it unanswered; write the essay.
    page.locator(f"#q{choice.position}").get_by_label(choice.version.data["options"][0]["text"]).check()
    page.locator(f"#q{truth.position} .exam-flag").click()
    expect(page.locator(f"#q{truth.position} .exam-flag")).to_have_attribute("aria-pressed", "true")
    page.fill(f"[name=q{essay.position}]", "技术许可 license agreement")
    expect(page.locator(f"#q{essay.position}-words")).to_have_text(f"{text['words']} 6")
    expect(nav_item(choice)).to_have_class("exam-nav-item is-answered")
    expect(nav_item(truth)).to_have_class("exam-nav-item is-flagged")
    expect(nav_item(essay)).to_have_class("exam-nav-item is-answered")
    _wait_saved(page)
    assert set(
        AttemptItem.objects.filter(attempt=attempt, flagged=True).values_list("position", flat=True)
    ) == {truth.position}
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, f"exam-{locale}")

    # The flag is the server's: a reload (or another device) shows it.
    page.reload()
    expect(page.locator(f"#q{truth.position} .exam-flag")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    # The summary lists the unanswered and the flagged question, with links back to it.
    page.get_by_role("button", name=text["review"], exact=True).click()
    summary = page.locator("#exam-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("#exam-summary-count")).to_have_text(text["summary"])
    expect(summary.locator("#exam-summary-unanswered li")).to_have_count(1)
    expect(summary.locator("#exam-summary-flagged li")).to_have_count(1)
    _shot(page, f"exam-summary-{locale}")
    summary.locator("#exam-summary-unanswered a").click()
    expect(summary).to_be_hidden()
    expect(page.locator(f"#q{truth.position}")).to_be_focused()
    expect(page.locator(f"#q{truth.position}")).to_be_in_viewport()

    # Submit, still leaving it unanswered: the objective part's score, marked provisional.
    page.get_by_role("button", name=text["review"], exact=True).click()
    summary.get_by_role("button", name=text["submit"], exact=True).click()
    page.wait_for_url("**/result/")
    expect(page.locator("#exam-provisional")).to_contain_text(text["provisional"])
    _shot(page, f"exam-result-{locale}")
    context.close()


def test_a_busy_server_is_retried_after_retry_after_and_no_answer_is_lost(login, site):
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER, QuestionType.TRUE_FALSE])
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    text_item = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    context = login(setup.trainee)
    page = context.new_page()
    busy = {"answers": 1, "submit": 1}
    seen = []

    def shed(route, request):
        # The first save and the first submission meet a saturated server, as the back-pressure
        # middleware answers it; the rest go through.
        kind = "answers" if request.url.endswith("/answers/") else "submit"
        seen.append((kind, request.post_data_json))
        if request.method == "POST" and busy[kind]:
            busy[kind] -= 1
            route.fulfill(
                status=503,
                headers={"Retry-After": "1", "Content-Type": "application/json"},
                body=json.dumps({"error": "busy"}),
            )
        else:
            route.continue_()

    page.route("**/answers/", shed)
    page.route("**/submit/", shed)
    page.goto(f"{site.url}/exams/attempts/{attempt.pk}/")
    page.fill(f"[name=q{text_item.position}]", "技术合同")
    status = page.locator("#exam-save-status")
    expect(status).to_have_text(status.get_attribute("data-busy"))
    _wait_saved(page)
    text_item.refresh_from_db()
    assert text_item.response == "技术合同"
    saves = [body for kind, body in seen if kind == "answers"]
    # The retry sent the same answer with the same sequence number: applied once.
    assert len(saves) == 2 and saves[0] == saves[1]

    page.get_by_role("button", name="检查并交卷", exact=True).click()
    page.locator("#exam-summary").get_by_role("button", name="交卷", exact=True).click()
    expect(status).to_have_text(status.get_attribute("data-busy"))
    page.wait_for_url("**/result/")
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert attempt.status != "in_progress" and attempt.items.get(pk=text_item.pk).response == "技术合同"
    context.close()
