"""Issue 13's journey in one real browser run: an instructor writes questions in their editors (no JSON),
previews them, builds a paper from them with the chooser and submits it for review; a registrar approves
it; a trainee sits it; the instructor grades the case analysis by its rubric criteria with "save and next".

Each type's editor is exercised in tests/e2e/test_question_editor.py; here three types (two scored by the
machine, one by rubric) carry the paper from the editor to the grade.
"""

from decimal import Decimal

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from courses.exams import services as exam_services
from courses.exams.models import Attempt, AttemptStatus, CourseGrader, ExamPaper
from courses.questions.models import Question
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 1400}
SHOTS = "var/test-screenshots"
CHOICE = "技术合同认定登记由哪个机构负责？"
TRUTH = "技术许可不转移专利权的归属。"
CASE = "阅读案例，分析独占许可合同中的风险并提出对策。"


def _save(page):
    page.locator("footer button[type=submit]").first.click()
    expect(page.locator(".messages")).to_be_visible()


def test_an_instructor_writes_builds_and_grades_a_paper_a_registrar_approves_and_a_trainee_sits(
    site, login, curriculum
):
    exam_services.exam_permissions_setup()  # the paper review workflow and the groups' permissions
    bank = question_factories.question_bank(name="结业考试题库")
    instructor = course_factories.instructor(username="quancheng")
    CourseGrader.objects.create(course=curriculum.course, user=instructor)
    paper = exam_factories.paper(
        course=curriculum.course, questions=[], live=False, title="实务结业考试", points=Decimal("10")
    )
    teacher = login(instructor, viewport=DESKTOP).new_page()

    # 1. Three questions written in their editors, each previewed as the trainee will see it.
    add_url = f"{site.url}/admin/snippets/questions/question/add/"
    preview = teacher.frame_locator("iframe[name=question-preview]")

    teacher.goto(f"{add_url}?qtype=single_choice&bank={bank.pk}")
    teacher.select_option("#id_bank", str(bank.pk))
    teacher.fill("#id_version_name", "认定登记机构")
    teacher.fill("#id_text", CHOICE)
    for index, text in enumerate(["科技部门", "技术合同登记机构", "法院"]):
        teacher.fill(f"#id_rows-{index}-text", text)
    teacher.select_option("#id_rows-1-fraction", "1")
    expect(preview.locator(".exam-question label")).to_have_count(3)
    _save(teacher)

    teacher.goto(f"{add_url}?qtype=true_false&bank={bank.pk}")
    teacher.select_option("#id_bank", str(bank.pk))
    teacher.fill("#id_version_name", "许可与权属")
    teacher.fill("#id_text", TRUTH)
    teacher.check("#id_answers-correct_0")  # true
    expect(preview.locator(".exam-question")).to_contain_text(TRUTH)
    _save(teacher)

    teacher.goto(f"{add_url}?qtype=case_analysis&bank={bank.pk}")
    teacher.select_option("#id_bank", str(bank.pk))
    teacher.fill("#id_version_name", "独占许可案例")
    teacher.fill("#id_text", CASE)
    teacher.fill("#id_default_points", "10")
    teacher.fill("#id_rows-0-criterion", "识别风险")
    teacher.fill("#id_rows-0-points", "6")
    teacher.fill("#id_rows-1-criterion", "提出对策")
    teacher.fill("#id_rows-1-points", "4")
    expect(preview.locator(".exam-question textarea")).to_have_count(1)
    _save(teacher)
    written = set(Question.objects.filter(bank=bank).values_list("pk", flat=True))
    assert len(written) == 3

    # 2. The paper built from them with the chooser (filtered by their bank), then submitted for review.
    edit_url = f"{site.url}/admin/snippets/exams/exampaper/edit/{paper.pk}/"
    teacher.goto(edit_url)
    teacher.locator("#inline_child_sections-0 [data-pick-questions]").click()
    modal = teacher.locator(".modal-dialog")
    modal.locator("select[name=bank]").select_option(str(bank.pk))
    expect(modal.locator("[data-multiple-choice-select]")).to_have_count(3)
    for box in modal.locator("[data-multiple-choice-select]").all():
        box.check()
    modal.locator("[data-multiple-choice-submit]").click()
    expect(teacher.locator("#inline_child_sections-0 [data-picked] li")).to_have_count(3)
    expect(teacher.locator("[data-paper-totals] [data-total-marks]")).to_have_text("30")
    teacher.locator("footer .w-dropdown__toggle").click()
    teacher.locator("button[name=action-submit]").click()
    expect(teacher.locator(".messages")).to_contain_text("实务结业考试")
    paper = ExamPaper.objects.get(pk=paper.pk)
    assert not paper.live
    assert WorkflowState.objects.filter(
        object_id=str(paper.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()

    # 3. The registrar approves it, which publishes it.
    registrar = login(course_factories.registrar(username="shenhe"), viewport=DESKTOP).new_page()
    registrar.goto(edit_url)
    registrar.locator("footer .w-dropdown__toggle").click()
    registrar.get_by_role("button", name="通过并发布").click()
    expect(registrar.locator(".messages")).to_contain_text("实务结业考试")
    paper.refresh_from_db()
    assert paper.live
    assert {q.pk for q in paper.sections.get().questions.all()} == written

    # 4. A trainee of the course sits it.
    trainee = course_factories.user(username="kaosheng")
    course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
    sitter = login(trainee, viewport=DESKTOP).new_page()
    sitter.goto(f"{site.url}/exams/papers/{paper.pk}/")
    sitter.get_by_role("button", name="开始考试").click()
    sitter.wait_for_url("**/exams/attempts/*/")
    sitter.locator(".exam-question", has_text=CHOICE).get_by_label("技术合同登记机构").check()
    sitter.locator(".exam-question", has_text=TRUTH).get_by_label("对", exact=True).check()
    sitter.locator(".exam-question", has_text=CASE).locator("textarea").fill(
        "风险：独占范围过宽。对策：限定领域与期限。"
    )
    sitter.wait_for_function(
        "document.getElementById('exam-save-status').textContent === "
        "document.getElementById('exam-save-status').dataset.saved",
        timeout=30_000,
    )
    sitter.get_by_role("button", name="检查并交卷", exact=True).click()
    sitter.locator("#exam-summary").get_by_role("button", name="交卷", exact=True).click()
    sitter.wait_for_url("**/result/")
    attempt = Attempt.objects.get(paper=paper, user=trainee)
    assert attempt.status != AttemptStatus.IN_PROGRESS

    # 5. The instructor grades the case analysis by its criteria; "save and next" ends the queue.
    teacher.goto(f"{site.url}/exams/staff/grading/")
    teacher.get_by_role("link", name="评分").first.click()
    expect(teacher.locator(".exam-response")).to_contain_text("独占范围过宽")
    teacher.fill("#id_c0_score", "5")
    teacher.fill("#id_c0_comment", "风险识别到位")
    teacher.fill("#id_c1_score", "3")
    teacher.screenshot(path=f"{SHOTS}/journey-grading.png", full_page=True)
    teacher.get_by_role("button", name="保存并评下一份").click()
    expect(teacher.locator(".queue-empty")).to_contain_text("没有待评分的答案")

    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED
    assert attempt.score == Decimal("28")  # 10 + 10 by the machine, 5 + 3 by the rubric
