"""grade() against hostile responses: it never raises, whatever a trainee's browser sends.

And short-answer wildcards match in linear time: the parts between stars are each searched once.
"""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.questions import grading
from courses.questions.grading import grade, wildcard_match
from courses.questions.models import QuestionType
from courses.questions.schema import validate_data

QUESTIONS = {
    QuestionType.SINGLE_CHOICE: {"options": [{"text": "a", "fraction": 1}, {"text": "b", "fraction": 0}]},
    QuestionType.MULTIPLE_CHOICE: {
        "options": [
            {"text": "a", "fraction": "0.5"},
            {"text": "b", "fraction": "0.5"},
            {"text": "c", "fraction": -1},
        ]
    },
    QuestionType.TRUE_FALSE: {"correct": True},
    QuestionType.SHORT_ANSWER: {"answers": [{"text": "tech*transfer*office", "fraction": 1}]},
    QuestionType.NUMERICAL: {"answers": [{"value": "3", "tolerance": "2", "fraction": 1}]},
    QuestionType.MATCHING: {"pairs": [{"prompt": "p", "answer": "Forum"}, {"prompt": "q", "answer": "Wiki"}]},
}
HOSTILE = [
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "9" * 20_000,
    "1" * 10_000 + "e999999999",
    float("inf"),
    float("-inf"),
    float("nan"),
    10**4000,
    2**64,
    -1,
    None,
    True,
    "",
    "\x00" * 1000,
    "*" * 20_000,
    [None, [], {}],
    [float("inf"), "1e999999999", 10**4000],
    {"0": None, "1": ["Wiki"], "x": {"y": 1}},
    {"0": float("nan")},
    [[0, 1]],
    {"a": 1},
    "NaN",
    "Infinity",
    "sNaN",
    Decimal("1e999999999"),
]


def version(qtype):
    return SimpleNamespace(qtype=qtype, data=validate_data(qtype, QUESTIONS[qtype]))


def assert_fraction(value):
    assert value is not None
    assert Decimal(0) <= value <= Decimal(1)


@pytest.mark.parametrize("qtype", list(QUESTIONS))
@pytest.mark.parametrize("response", HOSTILE, ids=lambda r: repr(r)[:24])
def test_a_hostile_response_scores_without_raising(qtype, response, caplog):
    assert_fraction(grade(version(qtype), response))
    assert "could not grade" not in caplog.text  # each grader copes by itself, not through the safety net


def test_a_number_beyond_any_exponent_scores_zero_and_a_near_one_still_scores():
    numerical = version(QuestionType.NUMERICAL)
    assert grade(numerical, "1e999999999") == 0
    assert grade(numerical, "5E0") == 1
    assert grade(numerical, "0.3e1") == 1


def test_unknown_option_ids_score_nothing():
    single, multiple = version(QuestionType.SINGLE_CHOICE), version(QuestionType.MULTIPLE_CHOICE)
    assert grade(single, 99) == 0
    assert grade(single, -1) == 0
    assert grade(multiple, [0, 99, -5, "x", None, float("inf")]) == Decimal("0.5")


def test_a_grader_that_fails_anyway_leaves_the_answer_to_a_person(caplog):
    broken = SimpleNamespace(qtype=QuestionType.SINGLE_CHOICE, data={"options": "not a list of options"})
    assert grade(broken, 0) is None
    assert "could not grade" in caplog.text


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(["1e999999999", "-0", "1,5", "３", "*", "Forum", "tech transfer office"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(qtype=st.sampled_from(list(QUESTIONS)), response=json_values)
def test_any_json_response_scores_between_zero_and_one(qtype, response):
    assert_fraction(grade(version(qtype), response))


# --- Wildcards -------------------------------------------------------------------------------


def reference_match(pattern: str, text: str) -> bool:
    """The rule the regular expression used to implement (fine on short texts)."""
    return (
        re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), text, re.DOTALL) is not None
    )


@settings(max_examples=300, deadline=None)
@given(pattern=st.text(alphabet="ab*", max_size=8), text=st.text(alphabet="ab", max_size=10))
def test_wildcards_match_as_the_regular_expression_did(pattern, text):
    assert wildcard_match(pattern, text) == reference_match(pattern, text)


def test_an_adversarial_wildcard_searches_each_part_once(monkeypatch):
    searches = []

    def counting_find(text, part, start, end):
        searches.append(part)
        return str.find(text, part, start, end)

    monkeypatch.setattr(grading, "_find", counting_find)
    pattern = "a*" * 40 + "b"
    response = "a" * 4000  # no "b": a backtracking matcher tries every split of the a's
    short_answer = SimpleNamespace(
        qtype=QuestionType.SHORT_ANSWER,
        data=validate_data(QuestionType.SHORT_ANSWER, {"answers": [{"text": pattern, "fraction": 1}]}),
    )
    assert grade(short_answer, response) == 0
    assert grade(short_answer, response + "b") == 1
    # Two gradings, each searching the 39 middle parts at most once: no backtracking.
    assert len(searches) <= 2 * 39
