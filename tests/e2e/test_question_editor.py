"""An instructor writes questions in the editor of their type, in a real browser: rows typed, a right
answer chosen per row, a row added, one moved and one removed, never a line of JSON; the preview
beside the form shows the question as the trainee's exam page will, and updates as they type."""

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.questions.models import Question
from tests.browser import PHONE
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


def test_an_instructor_writes_every_other_type_in_its_editor(site, login, curriculum):
    """Multiple choice, true/false, short answer (fill in the blank), numerical and essay: with the
    three types above, every type is written through its editor, previewed, and saved without JSON."""
    bank = question_factories.question_bank(name="五种题型")
    instructor = course_factories.instructor(username="bianji-types")
    page = login(instructor, viewport=DESKTOP).new_page()
    add_url = f"{site.url}/admin/snippets/questions/question/add/"
    preview = page.frame_locator("iframe[name=question-preview]")

    def start(qtype, name, text):
        page.goto(f"{add_url}?qtype={qtype}&bank={bank.pk}")
        page.select_option("#id_bank", str(bank.pk))
        page.fill("#id_version_name", name)
        page.fill("#id_text", text)
        assert page.locator("textarea[name=data], input[name=data]").count() == 0  # no JSON anywhere

    def saved(name):
        _save(page)
        expect(page.locator(".messages")).to_be_visible()
        return Question.objects.get(current_version__name=name).current_version

    # Multiple choice: two right options share the points, a wrong pick takes half off.
    start("multiple_choice", "转化方式多选", "下列哪些属于技术转移方式？")
    for index, (text, grade) in enumerate([("技术许可", "0.5"), ("技术转让", "0.5"), ("商标注册", "-0.5")]):
        page.fill(f"#id_rows-{index}-text", text)
        page.select_option(f"#id_rows-{index}-fraction", grade)
    expect(preview.locator(".exam-question input[type=checkbox]")).to_have_count(3)
    expect(preview.locator(".exam-question")).to_contain_text("商标注册")
    version = saved("转化方式多选")
    assert [(o["text"], o["fraction"]) for o in version.data["options"]] == [
        ("技术许可", "0.5"),
        ("技术转让", "0.5"),
        ("商标注册", "-0.5"),
    ]

    # True/false: the right answer is a radio button, with feedback to each answer.
    start("true_false", "登记时限判断", "技术合同应在签订后三十日内申请认定登记。")
    page.check("#id_answers-correct_1")  # false
    page.fill("#id_answers-feedback_true", "没有法定的三十日时限。")
    expect(preview.locator(".exam-question input[type=radio]")).to_have_count(2)
    version = saved("登记时限判断")
    assert version.data["correct"] is False
    assert version.data["feedback_true"] == "没有法定的三十日时限。"

    # Short answer (fill in the blank): two accepted answers, the second for part of the points.
    start("short_answer", "促进法填空", "《促进科技成果____法》")
    page.fill("#id_rows-0-text", "转化")
    page.fill("#id_rows-1-text", "转移")
    page.select_option("#id_rows-1-fraction", "0.5")
    expect(preview.locator(".exam-question input[type=text]")).to_have_count(1)
    version = saved("促进法填空")
    assert [(a["text"], a["fraction"]) for a in version.data["answers"]] == [("转化", "1"), ("转移", "0.5")]

    # Numerical: a value with a tolerance.
    start("numerical", "奖励比例", "职务科技成果转让净收入中，奖励研发人员的比例不低于百分之几？")
    page.fill("#id_rows-0-value", "50")
    page.fill("#id_rows-0-tolerance", "0.5")
    expect(preview.locator(".exam-question input[inputmode=decimal]")).to_have_count(1)
    version = saved("奖励比例")
    assert [(a["value"], a["tolerance"]) for a in version.data["answers"]] == [("50", "0.5")]

    # Essay: the answer box starts with the template the preview shows; graders get their notes.
    start("essay", "谈谈技术经理人", "结合工作经历，谈谈技术经理人的作用。")
    page.fill("#id_default_points", "10")
    page.fill("#id_answers-response_template", "一、作用：")
    page.fill("#id_answers-grader_info", "观点清楚、有实例者得高分。")
    expect(preview.locator(".exam-question textarea")).to_have_value("一、作用：")
    page.screenshot(path=f"{SHOTS}/question-editor-essay.png", full_page=True)
    version = saved("谈谈技术经理人")
    assert version.qtype == "essay"
    assert version.data["response_template"] == "一、作用："
    assert version.data["grader_info"] == "观点清楚、有实例者得高分。"


PHONE_TARGET = 44  # CSS pixels: a fingertip (WCAG 2.5.5), above the 40 the review asked for


def test_the_row_controls_fit_a_phone_and_a_finger(site, login, curriculum):
    """Review of issue 13, F10: at 390 px the move, remove and add buttons were 24 px high (Wagtail's
    small buttons) in a table wider than the screen. Each row is now a card; each control is at
    least 44 × 44 px, on screen, and works by tapping."""
    bank = question_factories.question_bank(name="手机编辑")
    instructor = course_factories.instructor(username="bianji-phone")
    page = login(instructor, viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{site.url}/admin/snippets/questions/question/add/?qtype=single_choice&bank={bank.pk}")
    for index, text in enumerate(["科技部门", "技术合同登记机构", "法院", "税务机关"]):
        page.fill(f"#id_rows-{index}-text", text)

    controls = {
        "move up": "[data-row] [data-move=up]",
        "move down": "[data-row] [data-move=down]",
        "remove": ".question-editor__remove label",
        "add another row": "[data-add-row]",
        "show the preview": "[data-preview-button]",
    }
    for name, selector in controls.items():
        targets = page.locator(selector)
        assert targets.count(), f"{name}: not on the page"
        for index in range(targets.count()):
            target = targets.nth(index)
            target.scroll_into_view_if_needed()
            box = target.bounding_box()
            assert box and box["width"] >= PHONE_TARGET and box["height"] >= PHONE_TARGET, (name, index, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (name, index, box)
    page.screenshot(path=f"{SHOTS}/question-editor-phone.png", full_page=True)

    # Tapped, they do what they say: the right option moved first, a row removed, one added.
    page.locator("[data-row]").nth(1).locator("[data-move=up]").tap()
    page.locator(".question-editor__remove label").nth(2).tap()
    expect(page.locator("#id_rows-2-DELETE")).to_be_checked()
    page.locator("[data-add-row]").tap()
    expect(page.locator("[data-row]:not(.is-removed)")).to_have_count(4)
    assert (
        page.locator("[data-row]").first.locator("input[type=text]").first.input_value() == "技术合同登记机构"
    )
