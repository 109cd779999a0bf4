"""Item statistics on a small dataset computed by hand."""

from decimal import Decimal

import pytest

from core.guards import SYSTEM
from courses.exams import selectors, services
from courses.exams.statistics import item_statistics
from courses.questions.models import QuestionType
from tests.factories import exams as factories

# Four candidates, three one-point questions (1 = right):
#        q1 q2 q3  total
#   A1    1  1  1    3
#   A2    1  1  0    2
#   A3    1  0  0    1
#   A4    0  0  0    0
# Facility: q1 3/4, q2 2/4, q3 1/4.
# Discrimination, item vs. rest-of-test fraction (Pearson):
#   q1: item (1,1,1,0), rest (1, .5, 0, 0): cov .375, var .75 and .6875 → .375/√.515625 = 0.522
#   q2: item (1,1,0,0), rest (1, .5, .5, 0): cov .5, var 1 and .5 → .5/√.5 = 0.707
#   q3: item (1,0,0,0), rest (1, 1, .5, 0): cov .375, var .75 and .6875 → 0.522
# Upper-lower 27 %: round(4 × .27) = 1 candidate per group: A1 against A4 → 1 for every item.
GRID = {"A1": (1, 1, 1), "A2": (1, 1, 0), "A3": (1, 0, 0), "A4": (0, 0, 0)}
EXPECTED = {
    1: {"facility": 0.75, "discrimination": 0.522, "upper_lower": 1.0},
    2: {"facility": 0.5, "discrimination": 0.707, "upper_lower": 1.0},
    3: {"facility": 0.25, "discrimination": 0.522, "upper_lower": 1.0},
}


def test_item_statistics_on_a_hand_computed_dataset():
    scores = {
        attempt: {q: (Decimal(v), Decimal(1)) for q, v in zip((1, 2, 3), row, strict=True)}
        for attempt, row in enumerate(GRID.values())
    }
    result = {row["question_id"]: row for row in item_statistics(scores)}
    for question, expected in EXPECTED.items():
        assert {k: result[question][k] for k in expected} == expected
        assert result[question]["count"] == 4


def test_no_variance_gives_no_discrimination():
    scores = {a: {1: (Decimal(1), Decimal(1)), 2: (Decimal(a % 2), Decimal(1))} for a in range(4)}
    row = next(r for r in item_statistics(scores) if r["question_id"] == 1)
    assert row["facility"] == 1.0 and row["discrimination"] is None


@pytest.mark.django_db
def test_the_selector_computes_the_same_from_real_attempts():
    course = factories.course()
    questions = factories.questions([QuestionType.TRUE_FALSE] * 3)
    paper = factories.paper(course=course, questions=questions, shuffle_questions=False, max_attempts=1)
    for row in GRID.values():
        trainee = factories.trainee_for(course)
        attempt = services.attempt_start(paper=paper, user=trainee)
        by_question = {item.version.question_id: item for item in attempt.items.select_related("version")}
        saves = [
            services.AnswerSave(position=by_question[q.pk].position, response=bool(right), seq=1)
            for q, right in zip(questions, row, strict=True)
        ]
        services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
        services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    result = {row["question_id"]: row for row in selectors.item_statistics(paper=paper)}
    for number, question in enumerate(questions, start=1):
        expected = EXPECTED[number]
        assert {k: result[question.pk][k] for k in expected} == expected
