"""Rubric grading: a score and comment per criterion, save and next, blind grading, the empty
queue's reason, double marking with reconciliation, and a provisional attempt until it settles."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core.guards import SYSTEM
from courses.accounts.models import TraineeProfile
from courses.exams import grading, grading_selectors, selectors, services
from courses.exams.models import AttemptStatus, CourseGrader, GradingMark, MarkKind, ScoreChange
from courses.questions.models import QuestionType, QuestionVersion
from courses.selectors.standing import exam_result
from tests.factories import courses as course_factories
from tests.factories import exams as factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

RUBRIC = [
    {"criterion": "识别问题", "points": "6", "description": "找出许可合同的风险"},
    {"criterion": "提出方案", "points": "4", "description": ""},
]


def _sat(*, papers_fields=None, trainees=1):
    """A paper of one single choice and two case analyses (10 points each, rubric 6 + 4), sat and
    submitted by ``trainees`` trainees; the course's grader."""
    bank = question_factories.question_bank()
    questions = [question_factories.question(bank, qtype=QuestionType.SINGLE_CHOICE)] + [
        question_factories.question(bank, qtype=QuestionType.CASE_ANALYSIS, data={"rubric": RUBRIC})
        for _ in range(2)
    ]
    course = factories.course()
    paper = factories.paper(
        course=course,
        questions=questions,
        points=Decimal("10"),
        pass_mark=Decimal("50"),
        shuffle_questions=False,
        **(papers_fields or {}),
    )
    attempts = []
    for number in range(trainees):
        trainee = factories.trainee_for(course)
        TraineeProfile.objects.create(
            user=trainee, real_name=f"张三丰{number}", organisation="星火科技有限公司"
        )
        attempt = services.attempt_start(paper=paper, user=trainee)
        saves = [
            services.AnswerSave(
                position=item.position,
                response=factories.right_response(item)
                if item.version.qtype == QuestionType.SINGLE_CHOICE
                else "风险在于独占许可的范围……",
                seq=1,
            )
            for item in attempt.items.select_related("version")
        ]
        services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
        attempts.append(services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk))
    grader = course_factories.instructor()
    CourseGrader.objects.create(course=course, user=grader)
    return paper, attempts, grader


def _cases(attempt):
    return list(attempt.items.filter(needs_manual_grading=True).order_by("position"))


def _post(client, item, scores, comments=("", ""), *, next_=False, language="en"):
    data = {f"c{i}_score": s for i, s in enumerate(scores)} | {
        f"c{i}_comment": c for i, c in enumerate(comments)
    }
    data["feedback"] = "整体思路清楚"
    if next_:
        data["next"] = "1"
    with translation.override(language):  # the URL's language prefix picks the page's language
        return client.post(reverse("exams:staff_grade_item", args=[item.pk]), data)


@pytest.mark.parametrize(
    ("language", "message"), [("zh-hans", "此项最多 6 分"), ("en", "At most 6 points for this criterion")]
)
def test_a_criterion_over_its_points_is_refused_at_that_criterion(client, language, message):
    paper, [attempt], grader = _sat()
    case = _cases(attempt)[0]
    client.force_login(grader)
    response = _post(client, case, ["7", "3"], language=language)
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    # The error sits in the first criterion's fieldset, not the second's.
    assert page.index("识别问题") < page.index(message) < page.index("提出方案")
    negative = _post(client, case, ["5", "-1"], language=language).content.decode()
    assert negative.index("提出方案") < negative.index("errorlist", negative.index("提出方案"))
    case.refresh_from_db()
    assert case.score is None and not GradingMark.objects.exists() and not ScoreChange.objects.exists()


def test_criteria_scores_are_summed_with_comments_and_save_and_next_opens_the_next_item(client):
    paper, attempts, grader = _sat(trainees=2)
    first, second = _cases(attempts[0])
    client.force_login(grader)
    page = client.get(reverse("exams:staff_grade_item", args=[first.pk])).content.decode()
    assert "识别问题" in page and "找出许可合同的风险" in page and "风险在于独占许可" in page

    response = _post(client, first, ["5.5", "3"], ["风险找得准", "方案略空"], next_=True)
    # The next item waiting for this grader: the same paper, the same attempt's next question.
    assert response.status_code == 302 and response["Location"] == reverse(
        "exams:staff_grade_item", args=[second.pk]
    )
    first.refresh_from_db()
    assert first.score == Decimal("8.5") and first.graded_by == grader and first.feedback == "整体思路清楚"
    mark = GradingMark.objects.get(item=first)
    assert mark.kind == MarkKind.SINGLE and mark.grader == grader and mark.total == Decimal("8.5")
    assert [(c["criterion"], c["score"], c["comment"]) for c in mark.criteria] == [
        ("识别问题", "5.50", "风险找得准"),
        ("提出方案", "3.00", "方案略空"),
    ]
    assert ScoreChange.objects.get(item=first).new_score == Decimal("8.5")

    # Save (not next) goes back to the queue; the attempt is released once both are graded.
    assert _post(client, second, ["6", "4"])["Location"] == reverse("exams:staff_grading_queue")
    attempts[0].refresh_from_db()
    assert attempts[0].status == AttemptStatus.COMPLETED and attempts[0].score == Decimal("28.5")
    # The last item of the queue: "save and next" finds the other trainee's answers, then the queue.
    other = _cases(attempts[1])
    assert _post(client, other[0], ["1", "1"], next_=True)["Location"].endswith(f"/{other[1].pk}/grade/")
    assert _post(client, other[1], ["1", "1"], next_=True)["Location"] == reverse("exams:staff_grading_queue")


def test_a_rubric_that_shares_out_other_points_than_the_item_s_is_scaled():
    paper, [attempt], grader = _sat()
    case = _cases(attempt)[0]
    case.points = Decimal("5")  # a paper giving the 10-point rubric 5 points
    case.save(update_fields=["points"])
    grading.item_mark(item_id=case.pk, scores=["6", "3"], comments=["", ""], grader=grader)
    case.refresh_from_db()
    assert case.score == Decimal("4.5")


def test_a_rubric_stored_with_a_third_decimal_keeps_every_criterion():
    """Review of issue 13, F6: points were rounded to 0.01 when read, so a criterion worth 0.004 became
    0 and the whole rubric collapsed into one overall score. The editor now refuses a third decimal;
    a rubric stored before keeps its criteria and their points as stored."""
    paper, [attempt], grader = _sat()
    case = _cases(attempt)[0]
    rubric = [
        {"criterion": "识别问题", "points": "9.996", "description": ""},
        {"criterion": "格式规范", "points": "0.004", "description": ""},
    ]
    QuestionVersion.objects.filter(pk=case.version_id).update(data={"rubric": rubric})
    case.refresh_from_db()
    assert [(c.name, c.points) for c in grading.criteria_for(case)] == [
        ("识别问题", Decimal("9.996")),
        ("格式规范", Decimal("0.004")),
    ]
    grading.item_mark(item_id=case.pk, scores=["8", "0"], comments=["", ""], grader=grader)
    case.refresh_from_db()
    assert case.score == Decimal("8")
    assert [c["points"] for c in case.marks.get().criteria] == ["9.996", "0.004"]


def test_blind_grading_hides_names_and_employers_from_the_grading_pages(client):
    paper, [attempt], grader = _sat(papers_fields={"blind_grading": True})
    case = _cases(attempt)[0]
    code = grading.examinee_code(attempt.pk)
    client.force_login(grader)
    for url in (reverse("exams:staff_grading_queue"), reverse("exams:staff_grade_item", args=[case.pk])):
        page = client.get(url).content.decode()
        assert code in page, url
        for secret in ("张三丰", "星火科技", attempt.user.username, f"/staff/attempts/{attempt.pk}/"):
            assert secret not in page, (url, secret)
    # Nor do the paper's results and the attempt's page name the trainee while it is being graded;
    # a registrar sees who it is.
    staff_pages = (
        reverse("exams:staff_paper", args=[paper.pk]),
        reverse("exams:staff_attempt", args=[attempt.pk]),
    )
    for url in staff_pages:
        page = client.get(url).content.decode()
        assert code in page and attempt.user.username not in page, url
    client.force_login(course_factories.registrar())
    assert attempt.user.username in client.get(staff_pages[1]).content.decode()
    client.force_login(grader)
    # Not blind: the grader sees who wrote it.
    paper.blind_grading = False
    paper.save(update_fields=["blind_grading"])
    page = client.get(reverse("exams:staff_grade_item", args=[case.pk])).content.decode()
    assert "张三丰0" in page and "星火科技有限公司" in page


def test_blind_grading_hides_names_from_both_excel_exports_of_the_results(client):
    """The paper's results workbook and the exam report's workbook wrote username and name while the
    pages showed only the examinee code (review of issue 13, F3)."""
    import io

    from openpyxl import load_workbook

    paper, [attempt], grader = _sat(papers_fields={"blind_grading": True})
    code = grading.examinee_code(attempt.pk)
    exports = [
        reverse("exams:staff_paper_export", args=[paper.pk]),
        reverse("exam_report_export", args=[paper.pk]),
    ]

    def result_rows(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))[1:]

    from django.contrib.auth.models import Permission

    for group in grader.groups.all():  # the admin, as the instructors' group has it in the site's setup
        group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(grader)
    # The grader may read the paper's results (the exam report is scoped to the course's graders).
    for url in exports:
        [row] = result_rows(url)
        assert row[0] == code and not row[1], (url, row)
        cells = " ".join(str(cell) for cell in row)
        assert attempt.user.username not in cells and "张三丰" not in cells, (url, row)
    client.force_login(course_factories.registrar())
    for url in exports:
        [row] = result_rows(url)
        assert row[0] == attempt.user.username, (url, row)


def test_the_empty_queue_says_why(client):
    loner = course_factories.instructor()
    client.force_login(loner)
    page = client.get(reverse("exams:staff_grading_queue")).content.decode()
    assert "ask a registrar to add you as a grader of a course" in page
    with translation.override("zh-hans"):
        page = client.get(reverse("exams:staff_grading_queue")).content.decode()
    assert "请培训基地管理员" in page
    CourseGrader.objects.create(course=factories.course(), user=loner)
    page = client.get(reverse("exams:staff_grading_queue")).content.decode()
    assert "Nothing is waiting for a grade." in page and "ask a registrar" not in page
    assert grading_selectors.empty_queue_reason(user=loner) == grading_selectors.NOTHING


def _double():
    paper, [attempt], grader = _sat(papers_fields={"double_marking": True, "marking_margin": Decimal("1.5")})
    second = course_factories.instructor()
    CourseGrader.objects.create(course=paper.course, user=second)
    return paper, attempt, grader, second


def test_double_marks_within_the_margin_stand_as_their_mean():
    paper, attempt, grader, second = _double()
    case, other = _cases(attempt)
    grading.item_mark(item_id=case.pk, scores=["5", "3"], comments=["", ""], grader=grader)
    case.refresh_from_db()
    assert case.score is None  # one mark is not a score yet
    assert case not in selectors.grading_queue(user=grader) and case in selectors.grading_queue(user=second)
    with pytest.raises(services.ExamError, match="marked this answer already"):
        grading.item_mark(item_id=case.pk, scores=["6", "4"], comments=["", ""], grader=grader)
    with pytest.raises(services.ExamError, match="double marked"):
        services.item_grade(item_id=case.pk, score=Decimal(8), grader=grader)
    grading.item_mark(item_id=case.pk, scores=["6", "3.5"], comments=["", ""], grader=second)
    case.refresh_from_db()
    assert case.score == Decimal("8.75") and not case.awaiting_reconciliation  # |8 - 9.5| <= 1.5
    assert [m.kind for m in case.marks.all()] == [MarkKind.FIRST, MarkKind.SECOND]
    for grader_ in (grader, second):
        grading.item_mark(item_id=other.pk, scores=["4", "4"], comments=["", ""], grader=grader_)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED and attempt.score == Decimal("26.75")


def test_an_override_cannot_settle_a_double_marked_answer_with_one_mark():
    """One mark of two is no score: an override would skip the second grader (review of issue 13, F4)."""
    paper, attempt, grader, second = _double()
    case, _other = _cases(attempt)
    grading.item_mark(item_id=case.pk, scores=["5", "3"], comments=["", ""], grader=grader)
    for actor in (grader, second, course_factories.registrar()):
        with pytest.raises(services.ExamError, match="Not graded yet"):
            services.item_override(item_id=case.pk, score=Decimal(10), reason="我说了算", actor=actor)
    case.refresh_from_db()
    assert case.score is None and case in selectors.grading_queue(user=second)
    assert not ScoreChange.objects.filter(item=case).exists()


def test_double_marks_over_the_margin_wait_for_reconciliation_and_keep_the_attempt_provisional(client):
    paper, attempt, grader, second = _double()
    case, other = _cases(attempt)
    for grader_ in (grader, second):
        grading.item_mark(item_id=other.pk, scores=["6", "4"], comments=["", ""], grader=grader_)
    grading.item_mark(item_id=case.pk, scores=["6", "4"], comments=["", ""], grader=grader)
    grading.item_mark(item_id=case.pk, scores=["2", "1"], comments=["", ""], grader=second)
    case.refresh_from_db()
    assert case.awaiting_reconciliation and case.score is None

    # Everything else is graded, yet the attempt is not final: not released, not passed anywhere.
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADING and attempt.released_at is None and attempt.passed is None
    assert not selectors.exam_passed(user=attempt.user, paper=paper)
    assert exam_result(user=attempt.user, paper=paper).attempt is None
    [result] = selectors.attempt_results(attempts=[attempt])
    assert not result.released and result.provisional.waiting == Decimal("10")

    # The two graders may not settle it; a third grader (or a registrar) reconciles.
    assert case not in selectors.grading_queue(user=grader)
    assert not grading_selectors.reconciliation_queue(user=grader).exists()
    with pytest.raises(services.ExamError, match="reconciliation"):
        services.item_override(item_id=case.pk, score=Decimal(10), reason="我说了算", actor=grader)
    with pytest.raises(services.ExamError, match="third grader"):
        grading.item_reconcile(item_id=case.pk, scores=["5", "3"], comments=["", ""], grader=second)
    with pytest.raises(services.ExamError, match="reconciliation"):
        grading.item_mark(
            item_id=case.pk, scores=["5", "3"], comments=["", ""], grader=course_factories.registrar()
        )
    third = course_factories.instructor()
    CourseGrader.objects.create(course=paper.course, user=third)
    assert list(grading_selectors.reconciliation_queue(user=third)) == [case]
    client.force_login(third)
    queue = client.get(reverse("exams:staff_grading_queue")).content.decode()
    assert "Awaiting reconciliation" in queue and "10.00 · 3.00" in queue
    page = client.get(reverse("exams:staff_grade_item", args=[case.pk]))
    assert "Reconcile two marks" in page.content.decode()
    response = _post(client, case, ["4", "3"], ["找到主要风险", ""])
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.score == Decimal("7") and not case.awaiting_reconciliation
    assert case.marks.get(kind=MarkKind.RECONCILED).grader == third
    assert ScoreChange.objects.filter(item=case, changed_by=third, new_score=Decimal("7")).exists()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED and attempt.released_at is not None
    assert attempt.score == Decimal("27") and attempt.passed is True
    assert selectors.exam_passed(user=attempt.user, paper=paper)
