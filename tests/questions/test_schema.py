"""validate_data rejects data a question cannot be graded with, naming the problem."""

import pytest

from courses.questions.models import QuestionType
from courses.questions.schema import DataError, validate_data


@pytest.mark.parametrize(
    ("qtype", "data", "message"),
    [
        (QuestionType.SINGLE_CHOICE, {"options": [{"text": "a", "fraction": 0}, {"text": "b"}]}, "No option"),
        (QuestionType.SINGLE_CHOICE, {"options": [{"text": "a", "fraction": 1}]}, "at least two"),
        (QuestionType.SINGLE_CHOICE, {"options": [{"text": "a", "fraction": 2}, {"text": "b"}]}, "grade 2"),
        (
            QuestionType.MULTIPLE_CHOICE,
            {"options": [{"text": "a", "fraction": "0.5"}, {"text": "b", "fraction": "0.2"}]},
            "add up to 70",
        ),
        (QuestionType.TRUE_FALSE, {}, "true or false"),
        (QuestionType.SHORT_ANSWER, {"answers": []}, "no answer"),
        (QuestionType.SHORT_ANSWER, {"answers": [{"text": "x", "fraction": "0.5"}]}, "100%"),
        (QuestionType.NUMERICAL, {"answers": [{"value": "abc"}]}, "not a number"),
        (QuestionType.NUMERICAL, {"answers": [{"value": "1", "tolerance": "-1"}]}, "tolerance"),
        (QuestionType.MATCHING, {"pairs": [{"prompt": "a", "answer": "b"}]}, "two pairs"),
        (QuestionType.CASE_ANALYSIS, {"rubric": []}, "rubric"),
        (QuestionType.CASE_ANALYSIS, {"rubric": [{"criterion": "x", "points": 0}]}, "above zero"),
        ("calculated", {}, "Unknown question type"),
    ],
)
def test_invalid_data_is_rejected_with_a_clear_message(qtype, data, message):
    with pytest.raises(DataError) as caught:
        validate_data(qtype, data)
    assert message in str(caught.value)


def test_thirds_written_as_moodle_percentages_add_up():
    data = {
        "options": [{"text": t, "fraction": "0.3333333"} for t in "abc"] + [{"text": "d", "fraction": -1}]
    }
    assert validate_data(QuestionType.MULTIPLE_CHOICE, data)["options"][0]["fraction"] == "0.3333333"


@pytest.mark.parametrize(
    ("qtype", "data", "location", "message"),
    [
        (
            QuestionType.SINGLE_CHOICE,
            {
                "options": [
                    {"text": "技术 许可", "fraction": 1},
                    {"text": "转让"},
                    {"text": " 技术\u3000许可 "},
                ]
            },
            ("options", 2, "text"),
            "option 3: the same as option 1.",
        ),
        (
            QuestionType.MULTIPLE_CHOICE,
            {"options": [{"text": "Licence", "fraction": "0.5"}, {"text": "licence", "fraction": "0.5"}]},
            ("options", 1, "text"),
            "option 2: the same as option 1.",
        ),
        (
            QuestionType.SHORT_ANSWER,
            {"answers": [{"text": "转化"}, {"text": "转移", "fraction": "0.5"}, {"text": "转化  "}]},
            ("answers", 2, "text"),
            "answer 3: the same as answer 1.",
        ),
        (
            QuestionType.SHORT_ANSWER,
            {"answers": [{"text": "TTO"}, {"text": "tto"}]},
            ("answers", 1, "text"),
            "answer 2: the same as answer 1.",
        ),
        (
            QuestionType.NUMERICAL,
            {"answers": [{"value": "50", "tolerance": "0.5"}, {"value": "50.0", "tolerance": ".50"}]},
            ("answers", 1, "value"),
            "answer 2: the same as answer 1.",
        ),
        (
            QuestionType.MATCHING,
            {
                "pairs": [
                    {"prompt": "许可", "answer": "使用权"},
                    {"prompt": "转让", "answer": "所有权"},
                    {"prompt": "许可 ", "answer": "股权"},
                ]
            },
            ("pairs", 2, "prompt"),
            "pair 3: the same as pair 1.",
        ),
        (
            QuestionType.MATCHING,
            {
                "pairs": [
                    {"prompt": "", "answer": "所有权"},
                    {"prompt": "许可", "answer": "使用权"},
                    {"prompt": "转让", "answer": "所有权"},
                ]
            },
            ("pairs", 0, "answer"),
            "pair 1: the same as pair 3.",
        ),
    ],
)
def test_duplicate_rows_are_refused_at_the_row_that_repeats(qtype, data, location, message):
    """Review of issue 13, F5: two options, answers or prompts alike once spaces and case are set aside."""
    with pytest.raises(DataError) as caught:
        validate_data(qtype, data)
    assert caught.value.problems == [(location, message)]


def test_what_differs_is_no_duplicate():
    # The same number with another tolerance, answers differing in case where case counts, prompts
    # sharing an answer: each is a question an author may mean.
    validate_data(
        QuestionType.NUMERICAL,
        {
            "answers": [
                {"value": "50", "tolerance": "0"},
                {"value": "50", "tolerance": "5", "fraction": "0.5"},
            ]
        },
    )
    validate_data(
        QuestionType.SHORT_ANSWER, {"answers": [{"text": "TTO"}, {"text": "tto"}], "case_sensitive": True}
    )
    validate_data(
        QuestionType.MATCHING,
        {"pairs": [{"prompt": "许可", "answer": "使用权"}, {"prompt": "普通许可", "answer": "使用权"}]},
    )


@pytest.mark.parametrize("points", ["0.004", "2.125", "1e-3"])
def test_rubric_points_have_at_most_two_decimal_places(points):
    """Review of issue 13, F6: 0.004 points was kept here and read as 0.00 when grading, which
    dropped the whole rubric for one overall score."""
    with pytest.raises(DataError) as caught:
        validate_data(QuestionType.CASE_ANALYSIS, {"rubric": [{"criterion": "识别问题", "points": points}]})
    assert caught.value.problems == [
        (("rubric", 0, "points"), "criterion 1: points have at most two decimal places.")
    ]
    clean = validate_data(
        QuestionType.CASE_ANALYSIS, {"rubric": [{"criterion": "识别问题", "points": "2.50"}]}
    )
    assert clean["rubric"][0]["points"] == "2.5"
