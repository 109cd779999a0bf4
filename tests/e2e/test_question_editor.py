"""An instructor writes questions in the editor of their type, in a real browser: rows typed, a right
answer chosen per row, a row added, one moved and one removed, never a line of JSON; the preview
beside the form shows the question as the trainee's exam page will, and updates as they type."""

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.questions.models import Question
from tests.factories import courses as course_factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 1400}
SHOTS = "var/test-screenshots"


def _save(page):
    page.locator("footer button[type=submit]").first.click()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_an_instructor_writes_and_previews_questions_without_json(site, login, curriculum, language):
    bank = question_factories.question_bank(name="编辑器题库")
    instructor = course_factories.instructor(username=f"bianji-{language}")
    profile = UserProfile.get_for_user(instructor)
    profile.preferred_language = language
    profile.save()
    page = login(instructor, viewport=DESKTOP).new_page()
    add_url = f"{site.url}/admin/snippets/questions/question/add/"

    # A single-choice question: four option rows, the right one graded 100%, rows reordered and removed.
    page.goto(add_url + f"?bank={bank.pk}")
    page.locator("#question-types a[href*='qtype=single_choice']").click()
    page.fill("#id_version_name", "认定登记机构")
    page.fill("#id_text", "技术合同认定登记由哪个机构负责？")
    for index, text in enumerate(["科技部门", "技术合同登记机构", "法院", "税务机关"]):
        page.fill(f"#id_rows-{index}-text", text)
    page.select_option("#id_rows-1-fraction", "1")
    page.locator("[data-row]").nth(1).locator("[data-move=up]").click()  # the right option first
    page.check("#id_rows-2-DELETE")  # 法院 goes
    assert page.locator("textarea[name=data], input[name=data]").count() == 0  # no JSON anywhere
    preview = page.frame_locator("iframe[name=question-preview]")
    expect(preview.locator(".exam-question")).to_contain_text("技术合同认定登记由哪个机构负责？")
    expect(preview.locator(".exam-question label").first).to_contain_text("技术合同登记机构")
    expect(preview.locator(".exam-question label")).to_have_count(3)
    page.screenshot(path=f"{SHOTS}/question-editor-choice-{language}.png", full_page=True)
    _save(page)
    expect(page.locator(".messages")).to_be_visible()
    question = Question.objects.get(current_version__name="认定登记机构")
    assert [o["text"] for o in question.current_version.data["options"]] == [
        "技术合同登记机构",
        "科技部门",
        "税务机关",
    ]
    assert [o["fraction"] for o in question.current_version.data["options"]] == ["1", "0", "0"]

    # A matching question: a fourth pair added in place; the preview shows the trainee's lists.
    page.goto(add_url + "?qtype=matching")
    page.select_option("#id_bank", str(bank.pk))
    page.fill("#id_version_name", "转化方式")
    page.fill("#id_text", "将方式与说明配对。")
    pairs = [("许可", "让与使用权"), ("转让", "让与所有权"), ("作价投资", "折算股权")]
    for index, (prompt, answer) in enumerate(pairs):
        page.fill(f"#id_rows-{index}-prompt", prompt)
        page.fill(f"#id_rows-{index}-answer", answer)
    page.locator("[data-add-row]").click()
    page.fill("#id_rows-3-answer", "无偿赠与")  # no prompt: an extra wrong answer
    expect(preview.locator(".exam-match")).to_have_count(3)
    expect(preview.locator(".exam-match select").first.locator("option")).to_have_count(5)
    page.screenshot(path=f"{SHOTS}/question-editor-matching-{language}.png", full_page=True)
    _save(page)
    expect(page.locator(".messages")).to_be_visible()
    assert Question.objects.get(current_version__name="转化方式").current_version.data["pairs"][3] == {
        "prompt": "",
        "answer": "无偿赠与",
    }

    # A case analysis whose rubric does not share out the points: the error is at the rubric.
    page.goto(add_url + "?qtype=case_analysis")
    page.select_option("#id_bank", str(bank.pk))
    page.fill("#id_version_name", "许可纠纷案例")
    page.fill("#id_text", "阅读案例，分析许可合同中的风险。")
    page.fill("#id_default_points", "10")
    page.fill("#id_rows-0-criterion", "识别风险")
    page.fill("#id_rows-0-points", "6")
    page.fill("#id_rows-1-criterion", "提出对策")
    page.fill("#id_rows-1-points", "3")
    _save(page)
    expect(page.locator("#rows-errors")).to_contain_text("10")
    page.screenshot(path=f"{SHOTS}/question-editor-rubric-error-{language}.png", full_page=True)
    page.fill("#id_rows-1-points", "4")
    _save(page)
    expect(page.locator(".messages")).to_be_visible()
    assert Question.objects.filter(current_version__name="许可纠纷案例").exists()
