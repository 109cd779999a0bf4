"""The demo's final exam, and drawing at random from a bank with sub-banks."""

import pytest
from django.urls import reverse

from courses.exams import services
from courses.exams.demo import DEMO_PAPER, demo_exam_load
from courses.exams.models import ExamPaper, PaperSection, SectionKind
from courses.questions.demo import demo_question_bank_load
from courses.questions.models import MANUALLY_GRADED_TYPES
from tests.factories import cms as cms_factories
from tests.factories import exams as factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_demo_exam_is_live_draws_from_the_demo_bank_and_loads_once():
    factories.ensure_page_tree()
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    course = cms_factories.course_page(catalogue, code="P-01", title="技术转移概论")
    assert demo_exam_load() is None  # no bank yet: nothing half-made
    demo_question_bank_load()
    paper = demo_exam_load()
    assert paper.title == DEMO_PAPER and paper.course == course
    assert paper.live and paper.live_revision is not None and not paper.has_unpublished_changes
    assert demo_exam_load() == paper and ExamPaper.objects.count() == 1
    # A demo database whose paper was left unpublished gets it published by loading again.
    ExamPaper.objects.filter(pk=paper.pk).update(live=False)
    assert demo_exam_load().live

    trainee = factories.trainee_for(course)
    attempt = services.attempt_start(paper=paper, user=trainee)
    types = [item.version.qtype for item in attempt.items.select_related("version")]
    expected = []
    for section in paper.sections.order_by("sort_order"):
        expected += [section.question_type] * section.draw_count
    assert types == expected  # sections in order, each of its own type
    assert {t for t in types if t in MANUALLY_GRADED_TYPES} == set(MANUALLY_GRADED_TYPES)
    assert attempt.max_score == 100


def test_a_random_section_draws_from_sub_banks_and_tags():
    course = factories.course()
    parent = question_factories.question_bank(name="总库")
    child = question_factories.question_bank(name="子库", parent=parent)
    tagged = [question_factories.question(child, tags=["专利"]) for _ in range(3)]
    question_factories.question(child, tags=["合同"])
    paper = factories.paper(course=course, questions=[])
    section = paper.sections.get()
    section.kind, section.draw_count, section.tags = SectionKind.RANDOM, 3, "专利"
    section.banks.set([parent])
    section.save()
    factories.republish(paper)  # what trainees draw changes only through the paper's approval
    attempt = services.attempt_start(paper=paper, user=factories.trainee_for(course))
    assert {item.version.question_id for item in attempt.items.select_related("version")} == {
        q.pk for q in tagged
    }

    section.draw_count = 4
    section.save()
    factories.republish(paper)
    with pytest.raises(services.ExamError, match="4"):
        services.attempt_start(paper=paper, user=factories.trainee_for(course))
    assert PaperSection.objects.count() == 1


def test_the_demo_bank_does_not_store_right_answers_first():
    # "Always pick the first option" must not pass a paper built on the demo bank, shuffled or not.
    from courses.questions.grading import grade
    from courses.questions.models import QuestionType, QuestionVersion

    demo_question_bank_load()
    choices = list(
        QuestionVersion.objects.filter(qtype__in=[QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE])
    )
    assert len(choices) >= 6
    first_right = [v for v in choices if v.qtype == QuestionType.SINGLE_CHOICE and grade(v, 0) == 1]
    assert len(first_right) <= 1
    earned = sum(grade(v, 0 if v.qtype == QuestionType.SINGLE_CHOICE else [0]) for v in choices)
    assert earned < len(choices) / 2


def test_the_demo_instructor_grades_the_demo_courses_and_finds_a_blind_double_marked_assignment_waiting(
    client,
):
    """Review of issue 13, F7: the demo instructor graded no course, and no demo paper was marked
    blind or twice, so a first run showed an empty grading queue."""
    from courses.exams import grading, selectors
    from courses.exams.demo import (
        ASSIGNMENT_ANSWERS,
        DEMO_ASSIGNMENT,
        DEMO_INSTRUCTOR,
        demo_grading_load,
    )
    from courses.exams.models import AttemptStatus, CourseGrader
    from courses.questions.models import QuestionType
    from tests.factories import courses as course_factories

    factories.ensure_page_tree()
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    first = cms_factories.course_page(catalogue, code="P-01", title="技术转移概论")
    cases = cms_factories.course_page(catalogue, code="P-12", title="典型案例研讨")
    instructor = course_factories.instructor(username=DEMO_INSTRUCTOR)
    registrar = course_factories.registrar(username="registrar")
    assert demo_grading_load() is None  # no bank yet: nothing half-made
    demo_question_bank_load()
    cohort = course_factories.cohort(course=cases)
    trainees = [course_factories.user(username=username) for username in ASSIGNMENT_ANSWERS]
    for trainee in trainees:
        course_factories.enrolment(cohort=cohort, user=trainee)

    paper = demo_grading_load()

    assert paper.title == DEMO_ASSIGNMENT and paper.course == cases and paper.live
    assert paper.blind_grading and paper.double_marking
    assert set(CourseGrader.objects.filter(user=instructor).values_list("course", flat=True)) == {
        first.pk,
        cases.pk,
    }
    assert selectors.can_grade(user=instructor, course=first)
    attempts = list(paper.attempts.all())
    assert {a.user for a in attempts} == set(trainees)
    assert {a.status for a in attempts} == {AttemptStatus.GRADING}
    queue = list(selectors.grading_queue(user=instructor))
    assert len(queue) == 6
    assert {item.version.qtype for item in queue} == {QuestionType.ESSAY, QuestionType.CASE_ANALYSIS}

    # Blind: the instructor's grading page names the examinee by code, never by name.
    client.force_login(instructor)
    page = client.get(reverse("exams:staff_grade_item", args=[queue[0].pk])).content.decode()
    assert grading.examinee_code(queue[0].attempt_id) in page and trainees[0].username not in page

    # Double marked: the instructor's mark is the first of two; the registrar's second settles it.
    case = next(item for item in queue if item.version.qtype == QuestionType.CASE_ANALYSIS)
    criteria = grading.criteria_for(case)
    assert len(criteria) == 4 and sum(c.points for c in criteria) == case.points
    scores = [str(c.points) for c in criteria]
    grading.item_mark(item_id=case.pk, scores=scores, comments=[""] * 4, grader=instructor)
    case.refresh_from_db()
    assert case.score is None
    grading.item_mark(item_id=case.pk, scores=scores, comments=[""] * 4, grader=registrar)
    case.refresh_from_db()
    assert case.score == case.points

    # Loading again adds nothing.
    assert demo_grading_load() == paper and paper.attempts.count() == 3
    assert CourseGrader.objects.filter(user=instructor).count() == 2
