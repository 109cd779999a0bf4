"""GIFT import on Moodle's own test questions, and on broken files."""

from pathlib import Path

import pytest
from django.utils import translation

from courses.questions.importers import parse_gift
from courses.questions.models import QuestionType

FIXTURE = Path(__file__).parent / "fixtures" / "moodle-questions.gift.txt"


@pytest.fixture(scope="module")
def parsed():
    with translation.override("en"):
        return parse_gift(FIXTURE.read_bytes())


def by_name(result, name):
    return [question for question in result.questions if question.name == name]


def test_every_question_of_the_moodle_file_is_mapped(parsed):
    assert parsed.errors == []
    assert parsed.unsupported == []
    assert [(q.name, q.qtype) for q in parsed.questions] == [
        ("Q8", QuestionType.ESSAY),
        ("Moodle activities", QuestionType.MATCHING),
        ("Q2", QuestionType.SINGLE_CHOICE),
        ("colours", QuestionType.MULTIPLE_CHOICE),
        ("Q5", QuestionType.NUMERICAL),
        ("Shortanswer", QuestionType.SHORT_ANSWER),
        ("Q1", QuestionType.TRUE_FALSE),
        ("2-08 TSL", QuestionType.TRUE_FALSE),
        ("2-08 TSL", QuestionType.TRUE_FALSE),
    ]
    assert [q.location for q in parsed.questions][:3] == ["line 2", "line 5", "line 14"]


def test_essay(parsed):
    (essay,) = by_name(parsed, "Q8")
    assert essay.text == "How are you?"


def test_matching_keeps_pairs_and_the_distractor_and_drops_format_markers(parsed):
    (match,) = by_name(parsed, "Moodle activities")
    assert match.text == "Match the <b>activity</b> to the description."
    assert match.data["pairs"] == [
        {"prompt": "An activity supporting asynchronous discussions.", "answer": "Forum"},
        {
            "prompt": "A teacher asks a question and specifies a choice of multiple responses.",
            "answer": "Choice",
        },
        {"prompt": "A bank of record entries which participants can add to.", "answer": "Database"},
        {"prompt": "A collection of web pages that anyone can add to or edit.", "answer": "Wiki"},
        {"prompt": "", "answer": "Chat"},
    ]


def test_single_choice_with_feedback(parsed):
    (q2,) = by_name(parsed, "Q2")
    assert q2.text == "What's between orange and green in the spectrum?"
    assert q2.data["options"] == [
        {"text": "yellow", "fraction": "1", "feedback": "right; good!"},
        {"text": "red", "fraction": "0", "feedback": "wrong, it's yellow"},
        {"text": "blue", "fraction": "0", "feedback": "wrong, it's yellow"},
    ]


def test_multiple_choice_with_weights_and_penalties(parsed):
    (colours,) = by_name(parsed, "colours")
    assert [(o["text"], o["fraction"], o["feedback"]) for o in colours.data["options"]] == [
        ("yellow", "0.5", "right; good!"),
        ("red", "-1", "wrong"),
        ("off-beige", "0.5", "right; good!"),
        ("blue", "-1", "wrong"),
    ]


def test_numerical_with_tolerance_and_a_catch_all_wrong_answer(parsed):
    (q5,) = by_name(parsed, "Q5")
    assert q5.data["answers"] == [
        {"value": "3", "tolerance": "2", "fraction": "1", "feedback": ""},
        {"value": "*", "tolerance": "0", "fraction": "0", "feedback": "Completely wrong"},
    ]
    # Text after the answer block (here the fixture's stray `";`) makes a blank, as in Moodle.
    assert q5.text == 'What is a number from 1 to 5? _____ ";'


def test_short_answer_with_partial_credit_and_wildcard(parsed):
    (short,) = by_name(parsed, "Shortanswer")
    assert short.text == "Which is the best animal?"
    assert short.data["answers"] == [
        {"text": "Frog", "fraction": "1", "feedback": "Good!"},
        {"text": "Cat", "fraction": "0.5", "feedback": "What is it with Moodlers and cats?"},
        {"text": "*", "fraction": "0", "feedback": "Completely wrong"},
    ]


def test_true_false_feedback_and_general_feedback(parsed):
    (q1,) = by_name(parsed, "Q1")
    assert q1.data == {
        "correct": False,
        "feedback_true": "42 is the Ultimate Answer.",
        "feedback_false": "You gave the right answer.",
    }
    assert q1.general_feedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert [q.data["correct"] for q in by_name(parsed, "2-08 TSL")] == [True, True]


def test_categories_escapes_and_descriptions():
    result = parse_gift(
        "$CATEGORY: $course$/top/政策法规/转化法\n\n"
        "::收益\\: 分配::奖励比例不低于 \\{50\\}%？{=是 ~否}\n\n"
        "这是一段说明，没有答案。\n"
    )
    assert result.errors == []
    (question,) = result.questions
    assert question.category == ("政策法规", "转化法")
    assert question.name == "收益: 分配"
    assert question.text == "奖励比例不低于 {50}%？"
    assert [(u.name, u.source_type, u.location) for u in result.unsupported] == [
        ("这是一段说明，没有答案。", "description (no answers)", "line 5")
    ]


@pytest.mark.parametrize(
    ("text", "line", "name", "message"),
    [
        ("::ok::Fine {T}\n\n::Broken:: No end {=a ~b\n", "line 3", "Broken", "not closed"),
        ("::Bad grade:: Pick {~%150%a ~%-50%b}\n", "line 1", "Bad grade", "“%150%” is not a valid grade"),
        ("::Bad grade:: Pick {~%abc%a =b}\n", "line 1", "Bad grade", "“%abc%” is not a valid grade"),
        ("\n\n::No right:: Pick {~a ~b}\n", "line 3", "No right", "No option is marked correct"),
        ("::Short:: Say it {=%50%cat}\n", "line 1", "Short", "No answer is worth 100%"),
        ("::Num:: How many {#abc}\n", "line 1", "Num", "is not a number"),
        ("::Name never closed {T}\n", "line 1", "", "name is not closed"),
        ("::Two:: a {T} b {F}\n", "line 1", "Two", "only one answer block"),
        ("::Lonely:: match {=a -> b}\n", "line 1", "Lonely", "at least two pairs"),
    ],
)
def test_broken_questions_are_errors_naming_question_and_line(text, line, name, message):
    result = parse_gift(text)
    assert result.errors, "a broken file must be reported"
    problem = result.errors[-1]
    assert (problem.location, problem.question) == (line, name)
    assert message in problem.message
    assert name in str(problem) and line in str(problem)
