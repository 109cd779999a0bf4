"""An instructor grades written answers by their rubric in a real browser: a score and a comment per
criterion, "save and next" through the queue, the paper graded blind (codes, no names)."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from core.guards import SYSTEM
from courses.accounts.models import TraineeProfile
from courses.exams import grading, services
from courses.exams.models import AttemptStatus, CourseGrader
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = "var/test-screenshots"
RUBRIC = [
    {"criterion": "识别风险", "points": "6", "description": "找出独占许可条款中的风险"},
    {"criterion": "提出对策", "points": "4", "description": ""},
]


def test_an_instructor_grades_by_rubric_criteria_with_save_and_next(site, login):
    question = question_factories.question(
        qtype=QuestionType.CASE_ANALYSIS,
        name="许可纠纷案例",
        text="阅读案例，分析许可合同中的风险。",
        data={"rubric": RUBRIC},
    )
    course = factories.course()
    paper = factories.paper(course=course, questions=[question], points=Decimal("10"), blind_grading=True)
    attempts = []
    for name, answer in (("王小明", "第一份分析"), ("李小红", "第二份分析")):
        trainee = factories.trainee_for(course)
        TraineeProfile.objects.create(user=trainee, real_name=name, organisation="星火科技有限公司")
        attempt = services.attempt_start(paper=paper, user=trainee)
        services.attempt_save_answers(
            actor=SYSTEM,
            attempt=attempt,
            saves=[services.AnswerSave(position=1, response=f"{answer}：独占范围过宽……", seq=1)],
        )
        attempts.append(services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk))
    instructor = course_factories.instructor(username="pingfen")
    CourseGrader.objects.create(course=course, user=instructor)

    page = login(instructor, viewport={"width": 1280, "height": 1100}).new_page()
    page.goto(f"{site.url}/exams/staff/grading/")
    expect(page.locator("table")).to_contain_text(grading.examinee_code(attempts[0].pk))
    page.get_by_role("link", name="评分").first.click()
    expect(page.locator("h1")).to_have_text("评阅答案")
    expect(page.locator(".examinee")).to_contain_text(grading.examinee_code(attempts[0].pk))
    page.fill("#id_c0_score", "7")  # over the criterion's 6 points: refused at the criterion
    page.fill("#id_c1_score", "3")
    page.fill("#id_c0_comment", "风险找得准")
    page.get_by_role("button", name="保存并评下一份").click()
    expect(page.locator("fieldset").first.locator("#id_c0_score_error")).to_contain_text("此项最多 6 分")
    page.fill("#id_c0_score", "5.5")
    page.screenshot(path=f"{SHOTS}/rubric-grading-criteria.png", full_page=True)
    page.get_by_role("button", name="保存并评下一份").click()

    # The next answer of the same paper opens at once, its examinee a code; it is marked on a phone,
    # every score box, comment and button at least 44 px (a finger), nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator(".examinee")).to_contain_text(grading.examinee_code(attempts[1].pk))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for control in (
        "#id_c0_score",
        "#id_c1_score",
        "#id_c0_comment",
        "button[name=save]",
        "button[name=next]",
    ):
        box = page.locator(control).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (control, box)
    expect(page.locator(".exam-response")).to_contain_text("第二份分析")
    assert "王小明" not in page.content() and "李小红" not in page.content()
    page.fill("#id_c0_score", "4")
    page.fill("#id_c1_score", "4")
    page.fill("#id_c1_comment", "对策可行")
    page.get_by_role("button", name="保存并评下一份").click()
    expect(page.locator(".message.info")).to_contain_text("这是最后一份等待您评分的答案")
    expect(page.locator(".queue-empty")).to_contain_text("没有待评分的答案")
    page.screenshot(path=f"{SHOTS}/rubric-grading-queue-done.png", full_page=True)

    for attempt, score in zip(attempts, (Decimal("8.5"), Decimal("8")), strict=True):
        attempt.refresh_from_db()
        assert attempt.status == AttemptStatus.COMPLETED and attempt.score == score
    first = attempts[0].items.get()
    assert [c["comment"] for c in first.marks.get().criteria] == ["风险找得准", ""]
