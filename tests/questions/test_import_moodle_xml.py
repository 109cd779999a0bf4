"""Moodle XML import on Moodle's nested-categories test file, on unsupported types and on broken files."""

from pathlib import Path

import pytest

from courses.questions.importers import parse_moodle_xml
from courses.questions.models import QuestionType

FIXTURE = Path(__file__).parent / "fixtures" / "moodle-nested_categories_with_questions.xml"


def test_nested_categories_file():
    result = parse_moodle_xml(FIXTURE.read_bytes())
    assert result.errors == [] and result.unsupported == []
    assert [(q.name, q.qtype, q.category) for q in result.questions] == [
        ("Iota Question", QuestionType.TRUE_FALSE, ("Iota",)),
        ("Kappa Essay Question", QuestionType.ESSAY, ("Iota", "Kappa")),
        ("Kappa Question", QuestionType.TRUE_FALSE, ("Iota", "Kappa")),
        ("Lambda Question", QuestionType.TRUE_FALSE, ("Iota", "Kappa", "Lambda")),
        ("Mu Question", QuestionType.TRUE_FALSE, ("Iota", "Mu")),
    ]
    iota = result.questions[0]
    assert iota.text == "<p>Testing Iota Question</p>"
    assert iota.data == {"correct": True, "feedback_true": "", "feedback_false": ""}
    assert iota.default_points == 1
    assert result.questions[1].text == "Testing Kappa Essay Question"
    assert result.categories == {
        ("Iota",): "This is Iota category for test",
        ("Iota", "Kappa"): "This is Kappa category for test",
        ("Iota", "Kappa", "Lambda"): "This is Lambda category for test",
        ("Iota", "Mu"): "This is Mu category for test",
    }


def quiz(*questions: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n"


def question(qtype: str, name: str, body: str = "", text: str = "题干") -> str:
    return (
        f'<question type="{qtype}"><name><text>{name}</text></name>'
        f'<questiontext format="html"><text>{text}</text></questiontext>{body}</question>'
    )


def answer(fraction, text, feedback="", extra=""):
    return f'<answer fraction="{fraction}"><text>{text}</text><feedback><text>{feedback}</text></feedback>{extra}</answer>'


def test_all_supported_types():
    result = parse_moodle_xml(
        quiz(
            question(
                "multichoice",
                "单选",
                "<defaultgrade>2</defaultgrade><single>true</single>"
                + answer(100, "甲", "对")
                + answer(0, "乙", "错")
                + "<tags><tag><text>法规</text></tag></tags>",
            ),
            question(
                "multichoice",
                "多选",
                "<single>false</single><shuffleanswers>0</shuffleanswers>"
                + answer("33.33333", "a")
                + answer("33.33333", "b")
                + answer("33.33334", "c")
                + answer("-100", "d"),
            ),
            question("shortanswer", "填空", "<usecase>1</usecase>" + answer(100, "PCT") + answer(50, "pct")),
            question(
                "numerical",
                "数值",
                answer(100, "50", extra="<tolerance>1</tolerance>") + answer(0, "*", "完全错误"),
            ),
            question(
                "matching",
                "匹配",
                "<subquestion><text>许可</text><answer><text>license</text></answer></subquestion>"
                "<subquestion><text>转让</text><answer><text>assignment</text></answer></subquestion>"
                "<subquestion><text></text><answer><text>gift</text></answer></subquestion>",
            ),
        )
    )
    assert result.errors == []
    single, multiple, short, numerical, matching = result.questions
    assert (single.qtype, single.default_points, single.tags) == (QuestionType.SINGLE_CHOICE, 2, ["法规"])
    assert single.data["options"][0] == {"text": "甲", "fraction": "1", "feedback": "对"}
    assert multiple.qtype == QuestionType.MULTIPLE_CHOICE and multiple.data["shuffle"] is False
    assert [o["fraction"] for o in multiple.data["options"]] == ["0.3333333", "0.3333333", "0.3333334", "-1"]
    assert short.data == {
        "answers": [
            {"text": "PCT", "fraction": "1", "feedback": ""},
            {"text": "pct", "fraction": "0.5", "feedback": ""},
        ],
        "case_sensitive": True,
    }
    assert numerical.data["answers"][0] == {"value": "50", "tolerance": "1", "fraction": "1", "feedback": ""}
    assert numerical.data["answers"][1]["value"] == "*"
    assert matching.data["pairs"][2] == {"prompt": "", "answer": "gift"}


def test_unsupported_types_are_listed_by_name_and_type():
    result = parse_moodle_xml(
        quiz(
            question("calculated", "Area of a circle"),
            question("ddwtos", "Drag words"),
            question("random", "Random from category"),
            question("multianswer", "Cloze"),
            question("description", "Read this first"),
            question("truefalse", "Supported", answer(100, "true") + answer(0, "false")),
        )
    )
    assert result.errors == []
    assert [q.name for q in result.questions] == ["Supported"]
    assert [(u.name, u.source_type) for u in result.unsupported] == [
        ("Area of a circle", "calculated"),
        ("Drag words", "ddwtos"),
        ("Random from category", "random"),
        ("Cloze", "multianswer"),
        ("Read this first", "description"),
    ]
    assert result.unsupported[0].location.startswith('<question type="calculated"> #1 at line')


@pytest.mark.parametrize(
    ("xml", "where", "name", "message"),
    [
        (
            quiz(question("multichoice", "Bad", answer("abc", "a") + answer(0, "b"))),
            "#1",
            "Bad",
            'fraction="abc"',
        ),
        (
            quiz(question("multichoice", "Too much", answer(150, "a") + answer(0, "b"))),
            "#1",
            "Too much",
            "not a valid grade",
        ),
        (
            quiz(question("multichoice", "None right", answer(0, "a") + answer(0, "b"))),
            "#1",
            "None right",
            "No option",
        ),
        (quiz(question("shortanswer", "Empty")), "#1", "Empty", "no answer"),
        (quiz(question("truefalse", "TF", answer(100, "maybe"))), "#1", "TF", "“maybe”"),
        (quiz(question("essay", "Blank", text="")), "#1", "Blank", "text is empty"),
        (
            "<quiz><question type='truefalse'><name><text>x</text></name></quiz>",
            "line 1",
            "",
            "not well formed",
        ),
        ("<exam/>", "<exam>", "", "<quiz>"),
    ],
)
def test_broken_files_name_the_element_and_question(xml, where, name, message):
    result = parse_moodle_xml(xml)
    assert result.errors
    problem = result.errors[0]
    assert where in problem.location
    assert problem.question == name
    assert message in problem.message


def test_entities_are_not_expanded():
    xml = (
        '<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY boom "BOOM">]>'
        "<quiz>" + question("essay", "E", text="&boom;") + "</quiz>"
    )
    result = parse_moodle_xml(xml)
    assert not any("BOOM" in q.text for q in result.questions)
    assert [problem.message for problem in result.errors] == ["The question text is empty."]
