"""The demo's final exam, and drawing at random from a bank with sub-banks."""

import pytest

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
