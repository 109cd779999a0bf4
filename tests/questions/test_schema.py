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
