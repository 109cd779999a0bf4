"""Export then import gives the same questions, in every format (for what each format carries)."""

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from courses.questions import exporters
from courses.questions.importers import parse_aiken, parse_excel, parse_gift, parse_moodle_xml
from courses.questions.importers.base import ParsedQuestion
from courses.questions.models import QuestionType, TextFormat
from courses.questions.richtext import html_to_text
from courses.questions.schema import validate_data

FIXTURES = Path(__file__).parent / "fixtures"


def q(qtype, name, data, **fields):
    return ParsedQuestion(
        qtype=qtype,
        name=name,
        text=fields.pop("text", f"{name} 的题干：a:b {{c}} #d ~e =f"),
        data=validate_data(qtype, data),
        location="",
        **fields,
    )


SAMPLE = [
    q(
        QuestionType.SINGLE_CHOICE,
        "单选",
        {"options": [{"text": "甲", "fraction": 1, "feedback": "好"}, {"text": "乙 # 丙", "fraction": 0}]},
        general_feedback="解析",
        default_points=Decimal(2),
        category=("政策法规",),
        module="policy",
        difficulty="easy",
        tags=["法规", "转化"],
    ),
    q(
        QuestionType.SINGLE_CHOICE,
        "部分分",
        {
            "options": [
                {"text": "a", "fraction": 1},
                {"text": "b", "fraction": "0.5"},
                {"text": "c", "fraction": "-0.5"},
            ]
        },
    ),
    q(
        QuestionType.MULTIPLE_CHOICE,
        "多选",
        {
            "options": [
                {"text": "a", "fraction": "0.3333333"},
                {"text": "b", "fraction": "0.3333333"},
                {"text": "c", "fraction": "0.3333334"},
                {"text": "d", "fraction": -1, "feedback": "错"},
            ]
        },
        category=("政策法规", "子库"),
    ),
    q(
        QuestionType.MULTIPLE_CHOICE,
        "等分",
        {
            "options": [
                {"text": "a", "fraction": "0.5"},
                {"text": "b", "fraction": "0.5"},
                {"text": "c", "fraction": 0},
            ]
        },
    ),
    q(QuestionType.TRUE_FALSE, "判断", {"correct": False, "feedback_true": "不对", "feedback_false": "对了"}),
    q(
        QuestionType.SHORT_ANSWER,
        "填空",
        {
            "answers": [
                {"text": "PCT", "fraction": 1, "feedback": "好"},
                {"text": "专利*条约", "fraction": "0.5"},
            ]
        },
    ),
    q(
        QuestionType.NUMERICAL,
        "数值",
        {
            "answers": [
                {"value": "3", "tolerance": "2", "fraction": 1},
                {"value": "-10.5", "tolerance": "0", "fraction": "0.5"},
                {"value": "*", "fraction": 0, "feedback": "完全错误"},
            ]
        },
    ),
    q(
        QuestionType.MATCHING,
        "匹配",
        {
            "pairs": [
                {"prompt": "许可", "answer": "license"},
                {"prompt": "转让", "answer": "assignment"},
                {"prompt": "", "answer": "gift"},
            ]
        },
    ),
    q(
        QuestionType.ESSAY,
        "问答",
        {},
        general_feedback="要点 <5 & >3",
        text="<p>简述<b>职责</b></p>",
        text_format=TextFormat.HTML,
    ),
    q(
        QuestionType.SINGLE_CHOICE,
        "HTML 单选",
        {
            "options": [
                {"text": "a<b & c", "fraction": 1, "feedback": "x > y"},
                {"text": "R&D", "fraction": 0},
            ]
        },
        text="<p>下列哪项<sub>正确</sub>？</p>",
        text_format=TextFormat.HTML,
    ),
]
CASE = q(
    QuestionType.CASE_ANALYSIS,
    "案例",
    {
        "grader_info": "看条款",
        "rubric": [
            {"criterion": "识别风险", "points": "6", "description": "至少三个"},
            {"criterion": "建议", "points": "4"},
        ],
    },
)


def key(question: ParsedQuestion, *, points=True, meta=True, feedback=True, grader=True):
    data = dict(question.data)
    if not grader:
        data.pop("grader_info", None)
    return (
        question.qtype,
        question.name,
        question.text,
        question.text_format,
        data,
        question.general_feedback if feedback else None,
        question.category,
        question.default_points if points else None,
        (question.module, question.difficulty) if meta else None,
        sorted(question.tags) if meta else None,
    )


def as_plain(question: ParsedQuestion) -> ParsedQuestion:
    """What a format without HTML (Aiken) keeps of an HTML question: its plain text."""
    if question.text_format != TextFormat.HTML:
        return question
    return replace(question, text=html_to_text(question.text), text_format=TextFormat.PLAIN)


def ordered(questions):
    return sorted(questions, key=lambda question: question.category)


def test_moodle_xml_round_trip_keeps_everything():
    content, skipped = exporters.export_moodle_xml([*SAMPLE, CASE])
    result = parse_moodle_xml(content)
    assert skipped == [] and result.errors == [] and result.unsupported == []
    assert [key(x, meta=False) for x in result.questions] == [
        key(x, meta=False) for x in ordered([*SAMPLE, CASE])
    ]
    assert next(x.tags for x in result.questions if x.name == "单选") == ["法规", "转化"]


def test_gift_round_trip_keeps_what_gift_holds_and_reports_the_case_analysis():
    content, skipped = exporters.export_gift([*SAMPLE, CASE])
    assert skipped == [("案例", "GIFT cannot hold a case analysis.")]
    result = parse_gift(content)
    assert result.errors == [] and result.unsupported == []
    assert [key(x, points=False, meta=False, grader=False) for x in result.questions] == [
        key(x, points=False, meta=False, grader=False) for x in ordered(SAMPLE)
    ]


def test_excel_round_trip_keeps_everything():
    content, skipped = exporters.export_excel([*SAMPLE, CASE])
    result = parse_excel(content)
    assert skipped == [] and result.errors == [], [str(e) for e in result.errors]
    expected = [key(x, feedback=True) for x in ordered([*SAMPLE, CASE])]  # HTML too, in the format column
    # Excel holds no per-option feedback on matching, nor true/false feedback: those types carry none.
    got = [key(x) for x in result.questions]
    for mine, theirs in zip(got, expected, strict=True):
        if mine[0] == QuestionType.CASE_ANALYSIS:
            theirs[4]["rubric"][0]["description"] = ""
        assert mine == theirs


def test_aiken_round_trip_of_single_choice_and_skipped_list():
    plain = q(
        QuestionType.SINGLE_CHOICE,
        "Which licence is exclusive?",
        {"options": [{"text": "Exclusive", "fraction": 1}, {"text": "Open", "fraction": 0}]},
        text="Which licence is exclusive?",
    )
    html = next(x for x in SAMPLE if x.name == "HTML 单选")
    content, skipped = exporters.export_aiken([plain, *SAMPLE])
    assert [name for name, _reason in skipped] == [x.name for x in SAMPLE[1:] if x is not html]
    result = parse_aiken(content)
    assert result.errors == []

    def without_feedback(question):  # Aiken carries no feedback
        return {"options": [{**o, "feedback": ""} for o in question.data["options"]], "shuffle": True}

    assert [(x.text, x.data) for x in result.questions] == [
        (plain.text, plain.data),
        (SAMPLE[0].text, without_feedback(SAMPLE[0])),
        ("下列哪项正确？", without_feedback(html)),  # Aiken has no HTML: its plain text
    ]


@pytest.mark.parametrize(
    "fixture", ["moodle-questions.gift.txt", "moodle-nested_categories_with_questions.xml"]
)
def test_moodle_fixtures_survive_export_and_import(fixture):
    parse = parse_gift if fixture.endswith(".txt") else parse_moodle_xml
    original = parse((FIXTURES / fixture).read_bytes()).questions
    for export, reparse in [
        (exporters.export_moodle_xml, parse_moodle_xml),
        (exporters.export_excel, parse_excel),
    ]:
        again = reparse(export(original)[0])
        assert again.errors == []
        assert [key(x, meta=False) for x in again.questions] == [
            key(x, meta=False) for x in ordered(original)
        ]
