"""grade(version, response) for every question type: full, partial, negative, tolerance, manual."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from courses.questions.grading import grade
from courses.questions.models import QuestionType
from courses.questions.schema import validate_data


def version(qtype, data):
    return SimpleNamespace(qtype=qtype, data=validate_data(qtype, data))


def test_single_choice_scores_the_chosen_option():
    v = version(
        QuestionType.SINGLE_CHOICE,
        {
            "options": [
                {"text": "a", "fraction": 1},
                {"text": "b", "fraction": "0.5"},
                {"text": "c", "fraction": -0.5},
            ]
        },
    )
    assert grade(v, 0) == 1
    assert grade(v, "1") == Decimal("0.5")
    assert grade(v, 2) == 0  # negative fraction clamped at 0
    assert grade(v, None) == 0
    assert grade(v, 7) == 0
    assert grade(v, "x") == 0


def test_multiple_choice_partial_credit_with_penalties_clamped_at_zero():
    v = version(
        QuestionType.MULTIPLE_CHOICE,
        {
            "options": [
                {"text": "yellow", "fraction": "0.5"},
                {"text": "red", "fraction": "-1"},
                {"text": "off-beige", "fraction": "0.5"},
                {"text": "blue", "fraction": "-0.5"},
            ]
        },
    )
    assert grade(v, [0, 2]) == 1
    assert grade(v, [0]) == Decimal("0.5")
    assert grade(v, [0, 2, 3]) == Decimal("0.5")
    assert grade(v, [0, 1]) == 0
    assert grade(v, [0, 0, 0]) == Decimal("0.5")  # picking one option twice counts once
    assert grade(v, []) == 0
    assert grade(v, None) == 0


def test_true_false():
    v = version(QuestionType.TRUE_FALSE, {"correct": False})
    assert grade(v, False) == 1
    assert grade(v, "false") == 1
    assert grade(v, True) == 0
    assert grade(v, None) == 0


def test_short_answer_case_whitespace_wildcard_and_partial():
    v = version(
        QuestionType.SHORT_ANSWER,
        {
            "answers": [
                {"text": "Frog", "fraction": 1},
                {"text": "Cat", "fraction": "0.5"},
                {"text": "技术 合同", "fraction": 1},
                {"text": "tech*transfer", "fraction": 1},
                {"text": "*", "fraction": 0, "feedback": "Completely wrong"},
            ]
        },
    )
    assert grade(v, "frog") == 1
    assert grade(v, "  FROG ") == 1
    assert grade(v, "cat") == Decimal("0.5")
    assert grade(v, "技术   合同") == 1
    assert grade(v, "Tech and Transfer") == 1
    assert grade(v, "dog") == 0
    assert grade(v, "") == 0
    sensitive = version(QuestionType.SHORT_ANSWER, {"answers": [{"text": "PCT"}], "case_sensitive": True})
    assert grade(sensitive, "PCT") == 1
    assert grade(sensitive, "pct") == 0


def test_numerical_tolerance_and_several_answers():
    v = version(
        QuestionType.NUMERICAL,
        {
            "answers": [
                {"value": "3", "tolerance": "2", "fraction": 1},
                {"value": "10", "tolerance": "0.5", "fraction": "0.5"},
                {"value": "*", "fraction": 0, "feedback": "Completely wrong"},
            ]
        },
    )
    assert grade(v, "1") == 1
    assert grade(v, 5) == 1
    assert grade(v, "5.01") == 0
    assert grade(v, Decimal("10.5")) == Decimal("0.5")
    assert grade(v, "9,6") == Decimal("0.5")
    assert grade(v, "３") == 1  # full-width digits typed with a Chinese IME
    assert grade(v, "abc") == 0
    assert grade(v, None) == 0


def test_matching_scores_each_pair_and_ignores_distractors():
    v = version(
        QuestionType.MATCHING,
        {
            "pairs": [
                {"prompt": "asynchronous discussions", "answer": "Forum"},
                {"prompt": "pages anyone can edit", "answer": "Wiki"},
                {"prompt": "record entries", "answer": "Database"},
                {"prompt": "", "answer": "Chat"},
            ]
        },
    )
    assert grade(v, {0: "Forum", 1: "Wiki", 2: "Database"}) == 1
    assert grade(v, {"0": "Forum", "1": "Chat", "2": "Database"}) == Decimal(2) / Decimal(3)
    assert grade(v, ["Forum", "Wiki"]) == Decimal(2) / Decimal(3)
    assert grade(v, "Forum") == 0


@pytest.mark.parametrize(
    ("qtype", "data"),
    [
        (QuestionType.ESSAY, {}),
        (QuestionType.CASE_ANALYSIS, {"rubric": [{"criterion": "分析", "points": 10}]}),
    ],
)
def test_essay_and_case_analysis_need_a_person(qtype, data):
    assert grade(version(qtype, data), "任何回答") is None
