"""Review 5: the exam page whose controls are built in Python (presentation.question_body,
exam_navigator, exam_fieldsets) driven as a trainee would, every question type, in Chinese at desktop
size and in English on a phone: hostile texts stay text, answers given are shown again after a reload
(checked, selected, typed), flags and the navigator's marks come back from the server, and the
summary before submitting counts right."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from courses.exams import services
from courses.exams.models import AttemptItem, PaperSection, SectionKind
from courses.questions.models import QuestionType
from tests.browser import PHONE
from tests.factories import exams as factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PWN = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE = f"\"'>&amp;</textarea></select>{PWN}"
# (A section title with an unbreakable 55-character word overflows a phone's width: CSS, as before.)
SECTION = "第二部分 \"'&amp; <b>x</b> <script>window.__pwned=4</script>"
ALL = [
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.TRUE_FALSE,
    QuestionType.MATCHING,
    QuestionType.SHORT_ANSWER,
    QuestionType.NUMERICAL,
    QuestionType.ESSAY,
    QuestionType.CASE_ANALYSIS,
]
TEXT = {
    "zh-CN": {
        "prefix": "",
        "flag": "标记待复查",
        "true": "对",
        "words": "字数：",
        "review": "检查并交卷",
        "summary": "共 8 题，您已作答 7 题。",
    },
    "en-US": {
        "prefix": "/en",
        "flag": "Flag for review",
        "true": "True",
        "words": "Words:",
        "review": "Review and submit",
        "summary": "You have answered 7 of 8 questions.",
    },
}


def _hostile_paper():
    bank = question_factories.question_bank()
    data = dict(question_factories.SAMPLE_DATA)
    data[QuestionType.SINGLE_CHOICE] = {
        "options": [{"text": HOSTILE, "fraction": "1"}, {"text": "《专利法》", "fraction": "0"}]
    }
    data[QuestionType.MATCHING] = {
        "pairs": [{"prompt": HOSTILE, "answer": "lic'\"&"}, {"prompt": "转让", "answer": "assignment"}]
    }
    data[QuestionType.ESSAY] = {"response_template": f"背景：{HOSTILE}", "grader_info": "要点"}
    questions = [
        question_factories.question(
            bank,
            qtype=qtype,
            text=f'<p>题目<img src="https://evil.example/t.png" onerror="window.__pwned=3">{PWN}</p>',
            text_format="html",
            data=data[qtype],
        )
        for qtype in ALL
    ]
    course = factories.course()
    paper = factories.paper(course=course, questions=questions[:4], points=Decimal("2.5"))
    second = PaperSection.objects.create(
        paper=paper,
        title=SECTION,
        kind=SectionKind.FIXED,
        points_per_question=Decimal("5"),
        sort_order=1,
    )
    second.questions.set(questions[4:])
    second.save()
    paper = factories.republish(paper)
    return paper, factories.trainee_for(course)


@pytest.mark.parametrize(
    ("locale", "viewport"), [("zh-CN", DESKTOP), ("en-US", PHONE)], ids=["zh-desktop", "en-phone"]
)
def test_every_type_answered_flagged_reloaded_and_summarised(login, site, locale, viewport):
    text = TEXT[locale]
    paper, trainee = _hostile_paper()
    attempt = services.attempt_start(paper=paper, user=trainee)
    items = {item.version.qtype: item for item in attempt.items.select_related("version")}
    options = {"viewport": viewport, "locale": locale}
    if viewport == PHONE:
        options |= {"is_mobile": True, "has_touch": True}
    context = login(trainee, **options)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    remote = []
    page.on("request", lambda request: remote.append(request.url) if "evil.example" in request.url else None)
    page.goto(f"{site.url}{text['prefix']}/exams/attempts/{attempt.pk}/")

    def q(qtype):
        return page.locator(f"#q{items[qtype].position}")

    def choice(qtype, label):
        return q(qtype).locator("label").filter(has_text=label).locator("input")

    expect(page.locator("fieldset.exam-question")).to_have_count(8)
    expect(page.locator("h2.exam-section")).to_have_count(2)
    expect(page.locator("h2.exam-section").nth(1)).to_have_text(SECTION)
    expect(q(QuestionType.SINGLE_CHOICE).locator("label").filter(has_text="onerror")).to_have_text(HOSTILE)
    expect(q(QuestionType.ESSAY).locator("textarea")).to_have_value(f"背景：{HOSTILE}")
    expect(q(QuestionType.ESSAY)).to_have_attribute("data-template", f"背景：{HOSTILE}")
    expect(q(QuestionType.TRUE_FALSE).locator("label").first).to_have_text(text["true"])
    expect(q(QuestionType.ESSAY).locator(".exam-wordcount")).to_contain_text(text["words"])
    expect(q(QuestionType.CASE_ANALYSIS).locator(".exam-flag")).to_have_text(f"⚑ {text['flag']}")

    # Answer all but the case analysis; the essay's template untouched at first is not an answer.
    choice(QuestionType.SINGLE_CHOICE, "onerror").check()
    choice(QuestionType.MULTIPLE_CHOICE, "许可").check()
    choice(QuestionType.MULTIPLE_CHOICE, "赠与").check()
    q(QuestionType.TRUE_FALSE).locator("input[value=false]").check()
    q(QuestionType.MATCHING).locator("label").filter(has_text="onerror").locator("select").select_option(
        label="lic'\"&"
    )
    q(QuestionType.SHORT_ANSWER).locator("input").fill(HOSTILE)
    q(QuestionType.NUMERICAL).locator("input").fill("3.25")
    q(QuestionType.ESSAY).locator("textarea").fill(f"我的答案 {HOSTILE}")
    q(QuestionType.CASE_ANALYSIS).locator(".exam-flag").click()
    q(QuestionType.TRUE_FALSE).locator(".exam-flag").click()
    page.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved",
        timeout=30_000,
    )
    assert AttemptItem.objects.filter(attempt=attempt, response__isnull=False).count() == 7

    # The server's page shows all of it again: checked, selected, typed, flagged, marked.
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(choice(QuestionType.SINGLE_CHOICE, "onerror")).to_be_checked()
    expect(choice(QuestionType.SINGLE_CHOICE, "专利法")).not_to_be_checked()
    expect(choice(QuestionType.MULTIPLE_CHOICE, "许可")).to_be_checked()
    expect(choice(QuestionType.MULTIPLE_CHOICE, "转让")).not_to_be_checked()
    expect(choice(QuestionType.MULTIPLE_CHOICE, "赠与")).to_be_checked()
    expect(q(QuestionType.TRUE_FALSE).locator("input[value=false]")).to_be_checked()
    expect(q(QuestionType.TRUE_FALSE).locator("input[value=true]")).not_to_be_checked()
    hostile_prompt = q(QuestionType.MATCHING).locator("label").filter(has_text="onerror")
    expect(hostile_prompt.locator("option:checked")).to_have_text("lic'\"&")
    expect(q(QuestionType.MATCHING).locator("label").filter(has_text="转让").locator("select")).to_have_value(
        ""
    )
    expect(q(QuestionType.SHORT_ANSWER).locator("input")).to_have_value(HOSTILE)
    expect(q(QuestionType.NUMERICAL).locator("input")).to_have_value("3.25")
    expect(q(QuestionType.ESSAY).locator("textarea")).to_have_value(f"我的答案 {HOSTILE}")
    expect(q(QuestionType.CASE_ANALYSIS).locator("textarea")).to_have_value("")
    for qtype in ALL:
        flagged = qtype in (QuestionType.CASE_ANALYSIS, QuestionType.TRUE_FALSE)
        expect(q(qtype).locator(".exam-flag")).to_have_attribute(
            "aria-pressed", "true" if flagged else "false"
        )
        link = page.locator(f".exam-nav-item[data-position='{items[qtype].position}']")
        expect(link).to_have_class(
            "exam-nav-item"
            + ("" if qtype == QuestionType.CASE_ANALYSIS else " is-answered")
            + (" is-flagged" if flagged else "")
        )

    page.get_by_role("button", name=text["review"], exact=True).focus()
    page.keyboard.press("Enter")
    summary = page.locator("#exam-summary")
    expect(summary.locator("#exam-summary-count")).to_have_text(text["summary"])
    expect(summary.locator("#exam-summary-unanswered li")).to_have_count(1)
    expect(summary.locator("#exam-summary-flagged li")).to_have_count(2)
    assert page.evaluate("window.__pwned") is None and not dialogs and not remote
    context.close()
