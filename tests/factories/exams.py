"""Builders for exam papers: a course with an enrolled trainee and a live paper of fixed questions."""

import itertools
from dataclasses import dataclass
from decimal import Decimal

from cms.models import CoursePage
from courses.exams.models import ExamPaper, PaperSection, SectionKind
from courses.questions.models import Question, QuestionType
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import questions as question_factories

_numbers = itertools.count(1)

# One of each objective type plus an essay: what a typical paper mixes.
MIXED_TYPES = [
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.TRUE_FALSE,
    QuestionType.SHORT_ANSWER,
    QuestionType.NUMERICAL,
    QuestionType.MATCHING,
]

# Right answers to the sample questions of tests.factories.questions, as stored and graded (stored
# indexes); the exam page sends them by the item's opaque values: see ``right_response``.
RIGHT_RESPONSES = {
    QuestionType.SINGLE_CHOICE: 0,
    QuestionType.MULTIPLE_CHOICE: [0, 1],
    QuestionType.TRUE_FALSE: True,
    QuestionType.SHORT_ANSWER: "技术合同",
    QuestionType.NUMERICAL: "3.2",
    QuestionType.MATCHING: {"0": "license", "1": "assignment"},
}


ensure_page_tree = cms_factories.ensure_page_tree


def as_shown(item, response):
    """A stored-form response as the exam page sends it for ``item`` (options by opaque values)."""
    from courses.exams.presentation import response_for_page

    return response_for_page(version=item.version, option_values=item.option_values, response=response)


def right_response(item):
    """The right answer to ``item`` (a sample question) as the exam page sends it."""
    return as_shown(item, RIGHT_RESPONSES[item.version.qtype])


def republish(paper: ExamPaper) -> ExamPaper:
    """Publish the paper as it now stands, as a registrar's approval would (pins its questions' versions)."""
    paper.save_revision().publish()
    paper.refresh_from_db()
    return paper


def course() -> CoursePage:
    ensure_page_tree()
    home = cms_factories.home_page()
    return cms_factories.course_page(cms_factories.catalogue_page(home))


def questions(types=MIXED_TYPES, bank=None) -> list[Question]:
    bank = bank or question_factories.question_bank()
    return [question_factories.question(bank, qtype=qtype) for qtype in types]


def paper(
    *,
    course: CoursePage,
    questions: list[Question],
    live: bool = True,
    points: Decimal = Decimal("1"),
    **fields,
) -> ExamPaper:
    fields.setdefault("title", f"结业考试 {next(_numbers)}")
    fields.setdefault("time_limit_minutes", 60)
    fields.setdefault("max_attempts", 2)
    """A paper with one section of ``questions``; by default published (live), as a registrar's
    approval leaves it; ``live=False`` gives a draft that was never approved."""
    paper = ExamPaper.objects.create(course=course, live=False, **fields)
    section = PaperSection.objects.create(
        paper=paper, title="第一部分", kind=SectionKind.FIXED, points_per_question=points, sort_order=0
    )
    section.questions.set(questions)
    section.save()  # a ParentalManyToManyField is written on save
    revision = paper.save_revision()
    if live:
        revision.publish()
        paper.refresh_from_db()
    return paper


def trainee_for(course: CoursePage, **fields):
    """A user enrolled in a cohort of ``course``."""
    trainee = course_factories.user(**fields)
    course_factories.enrolment(cohort=course_factories.cohort(course=course), user=trainee)
    return trainee


@dataclass
class ExamSetup:
    course: CoursePage
    paper: ExamPaper
    trainee: object
    questions: list[Question]


def exam_setup(*, types=MIXED_TYPES, **paper_fields) -> ExamSetup:
    the_course = course()
    the_questions = questions(types)
    return ExamSetup(
        course=the_course,
        paper=paper(course=the_course, questions=the_questions, **paper_fields),
        trainee=trainee_for(the_course),
        questions=the_questions,
    )
