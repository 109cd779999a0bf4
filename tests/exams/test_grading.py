"""Essays and case analyses: a grading queue per course, release when graded, audited overrides."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from core.guards import SYSTEM
from courses.exams import selectors, services
from courses.exams.forms import FEEDBACK_MAX_LENGTH
from courses.exams.models import AttemptStatus, CourseGrader, ScoreChange
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TYPES = [QuestionType.SINGLE_CHOICE, QuestionType.ESSAY, QuestionType.CASE_ANALYSIS]


@pytest.fixture
def graded():
    setup = factories.exam_setup(types=TYPES, pass_mark=Decimal("50"))
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    saves = []
    for item in attempt.items.select_related("version"):
        response = (
            factories.right_response(item)
            if item.version.qtype == QuestionType.SINGLE_CHOICE
            else "我的分析：许可与转让的区别……"
        )
        saves.append(services.AnswerSave(position=item.position, response=response, seq=1))
    services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
    attempt = services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    grader = course_factories.instructor()
    CourseGrader.objects.create(course=setup.course, user=grader)
    return setup, attempt, grader


def test_objective_items_are_scored_and_essays_wait_in_the_course_graders_queue(graded, client):
    setup, attempt, grader = graded
    assert attempt.status == AttemptStatus.GRADING
    assert attempt.score is None and attempt.released_at is None
    assert attempt.items.get(version__qtype=QuestionType.SINGLE_CHOICE).score == Decimal(1)
    assert set(selectors.grading_queue(user=grader).values_list("version__qtype", flat=True)) == {
        QuestionType.ESSAY,
        QuestionType.CASE_ANALYSIS,
    }
    other_instructor = course_factories.instructor()
    assert not selectors.grading_queue(user=other_instructor).exists()
    assert selectors.grading_queue(user=course_factories.registrar()).count() == 2

    # The trainee sees no score yet.
    client.force_login(setup.trainee)
    page = client.get(reverse("exams:attempt_result", args=[attempt.pk])).content.decode()
    assert "graded by an instructor" in page or "讲师" in page

    # The grader sees the rubric; another instructor may not open the item.
    case = attempt.items.get(version__qtype=QuestionType.CASE_ANALYSIS)
    client.force_login(grader)
    page = client.get(reverse("exams:staff_grade_item", args=[case.pk])).content.decode()
    assert "识别问题" in page and "我的分析" in page
    client.force_login(other_instructor)
    assert client.get(reverse("exams:staff_grade_item", args=[case.pk])).status_code == 403
    with pytest.raises(PermissionDenied):  # the service's guard: graders of the course
        services.item_grade(item_id=case.pk, score=Decimal(1), grader=other_instructor)


def test_the_result_is_released_when_grading_is_complete(graded, client):
    setup, attempt, grader = graded
    essay = attempt.items.get(version__qtype=QuestionType.ESSAY)
    case = attempt.items.get(version__qtype=QuestionType.CASE_ANALYSIS)
    client.force_login(grader)
    response = client.post(
        reverse("exams:staff_grade_item", args=[essay.pk]), {"c0_score": "0.5", "feedback": "要点不全"}
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADING

    # Feedback longer than FEEDBACK_MAX_LENGTH is a form error at the field; nothing is saved.
    response = client.post(
        reverse("exams:staff_grade_item", args=[case.pk]),
        {"c0_score": "1", "feedback": "长" * (FEEDBACK_MAX_LENGTH + 1)},
    )
    assert response.status_code == 200 and "10000" in response.content.decode().replace(",", "")
    case.refresh_from_db()
    assert case.score is None and case.feedback == ""

    # Out of range (the rubric's one criterion is worth 5): a clear message, nothing changed.
    response = client.post(reverse("exams:staff_grade_item", args=[case.pk]), {"c0_score": "7"})
    assert response.status_code == 200
    assert "At most 5 points for this criterion." in response.content.decode()
    case.refresh_from_db()
    assert case.score is None

    services.item_grade(item_id=case.pk, score=Decimal("0.25"), grader=grader)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED and attempt.released_at is not None
    assert attempt.score == Decimal("1.75") and attempt.passed is True
    assert selectors.exam_passed(user=setup.trainee, course=setup.course)
    assert selectors.best_result(user=setup.trainee, paper=setup.paper) == attempt
    with pytest.raises(services.ExamError, match="override"):
        services.item_grade(item_id=case.pk, score=Decimal(1), grader=grader)


def test_an_override_needs_a_reason_and_is_audited(graded):
    setup, attempt, grader = graded
    for item in attempt.items.filter(needs_manual_grading=True):
        services.item_grade(item_id=item.pk, score=Decimal(0), grader=grader)
    attempt.refresh_from_db()
    assert attempt.passed is False
    choice = attempt.items.get(version__qtype=QuestionType.SINGLE_CHOICE)
    with pytest.raises(services.ExamError, match="reason"):
        services.item_override(item_id=choice.pk, score=Decimal(0), reason=" ", actor=grader)
    with pytest.raises(PermissionDenied):  # the service's guard
        services.item_override(item_id=choice.pk, score=Decimal(1), reason="复核", actor=setup.trainee)
    essay = attempt.items.get(version__qtype=QuestionType.ESSAY)
    services.item_override(item_id=essay.pk, score=Decimal(1), reason="复核后加分", actor=grader)
    attempt.refresh_from_db()
    assert attempt.score == Decimal(2) and attempt.passed is True
    change = ScoreChange.objects.get(item=essay, is_override=True)
    assert (change.old_score, change.new_score, change.reason, change.changed_by) == (
        Decimal(0),
        Decimal(1),
        "复核后加分",
        grader,
    )


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("en", "Not graded yet: grade this answer first."),
        ("zh-hans", "该答案尚未评分：请先评分。"),
    ],
)
def test_an_answer_never_graded_cannot_be_given_its_score_by_an_override(graded, client, language, refusal):
    """An override skipped the grading (rubric, double marking) of an essay nobody had marked
    (review of issue 13, F4): it changes a score the answer has, never gives the first one."""
    setup, attempt, grader = graded
    essay = attempt.items.get(version__qtype=QuestionType.ESSAY)
    with pytest.raises(services.ExamError, match="Not graded yet"):
        services.item_override(item_id=essay.pk, score=Decimal(1), reason="直接给分", actor=grader)
    registrar = course_factories.registrar()
    with pytest.raises(services.ExamError, match="Not graded yet"):
        services.item_override(item_id=essay.pk, score=Decimal(1), reason="直接给分", actor=registrar)

    client.force_login(grader)
    with translation.override(language):  # the URL's language prefix picks the page's language
        override_url = reverse("exams:staff_item_override", args=[essay.pk])
        attempt_url = reverse("exams:staff_attempt", args=[attempt.pk])
    response = client.post(override_url, {"score": "1", "reason": "直接给分"}, follow=True)
    assert response.redirect_chain[-1][0] == attempt_url
    assert refusal in response.content.decode()
    # The attempt's page offers no override for it, and nothing changed.
    assert override_url not in response.content.decode()
    essay.refresh_from_db()
    attempt.refresh_from_db()
    assert essay.score is None and essay in selectors.grading_queue(user=grader)
    assert attempt.status == AttemptStatus.GRADING and attempt.released_at is None
    assert not ScoreChange.objects.filter(item=essay).exists()

    # Graded, the same answer's score may be overridden, with its reason on record.
    services.item_grade(item_id=essay.pk, score=Decimal("0.5"), grader=grader)
    response = client.post(override_url, {"score": "1", "reason": "复核后加分"})
    essay.refresh_from_db()
    assert essay.score == Decimal(1)
    assert ScoreChange.objects.filter(item=essay, is_override=True, reason="复核后加分").count() == 1


def test_staff_pages_and_excel_export(graded, client):
    import io

    from openpyxl import load_workbook

    setup, attempt, grader = graded
    client.force_login(grader)
    page = client.get(reverse("exams:staff_attempt", args=[attempt.pk])).content.decode()
    assert "我的分析" in page
    response = client.get(reverse("exams:staff_paper_export", args=[setup.paper.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    results = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert results[1][0] == setup.trainee.username and len(results) == 2
    # Statistics count graded items only: the essays are still waiting.
    questions = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert [(row[1], row[2]) for row in questions[1:]] == [(1, 1.0)]
