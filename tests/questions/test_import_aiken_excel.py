"""Aiken and Excel-template import, including broken files."""

from io import BytesIO

import pytest
from openpyxl import Workbook

from courses.questions.importers import parse_aiken, parse_excel
from courses.questions.importers.excel import COLUMNS, template_workbook
from courses.questions.models import QuestionType

AIKEN = """技术合同认定登记由哪个机构负责？
A. 科技行政部门设立的技术合同登记机构
B. 市场监督管理部门
C) 法院
ANSWER: A

Which one is a licence?
A. Exclusive licence
B. Assignment
ANSWER: A
"""


def test_aiken_questions():
    result = parse_aiken(AIKEN.encode())
    assert result.errors == []
    first, second = result.questions
    assert first.qtype == QuestionType.SINGLE_CHOICE
    assert first.text == "技术合同认定登记由哪个机构负责？"
    assert [(o["text"], o["fraction"]) for o in first.data["options"]] == [
        ("科技行政部门设立的技术合同登记机构", "1"),
        ("市场监督管理部门", "0"),
        ("法院", "0"),
    ]
    assert second.location == "line 7"


@pytest.mark.parametrize(
    ("text", "location", "message"),
    [
        ("Q?\nA. a\nB. b\n", "line 1", "ANSWER line is missing"),
        ("Q?\nA. a\nB. b\nANSWER: C\n", "line 4", "“C” is not one of the options"),
        ("Q?\nA. a\nANSWER: A\n", "line 1", "at least two options"),
        ("Q?\nA. a\nstray line\nB. b\nANSWER: A\n", "line 3", "neither an option"),
        ("Q?\nA. a\nB. b\nANSWER: A\nNext?\n", "line 5", "blank line between questions"),
    ],
)
def test_broken_aiken(text, location, message):
    result = parse_aiken(("Fine?\nA. y\nB. n\nANSWER: A\n\n" + text).encode())
    assert len(result.errors) == 1
    problem = result.errors[0]
    assert problem.location == f"line {int(location.split()[1]) + 5}"
    assert problem.question == "Q?"
    assert message in problem.message


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_template_imports_one_question_of_each_type():
    buffer = BytesIO()
    template_workbook().save(buffer)
    result = parse_excel(buffer.getvalue())
    assert result.errors == []
    assert [q.qtype for q in result.questions] == list(QuestionType.values)
    single = result.questions[0]
    assert single.category == ("政策法规", "促进科技成果转化法")
    assert (single.module, single.difficulty, single.default_points, single.tags) == (
        "policy",
        "easy",
        2,
        ["转化法", "法规"],
    )
    assert single.data["options"][1]["feedback"] == "2015年8月修正，同年10月1日起施行"
    assert single.location == "row 2"


def test_columns_are_found_by_chinese_header_in_any_order():
    result = parse_excel(
        xlsx([["答案", "题干", "题型", "选项A", "选项B"], ["A", "一加一等于二？", "单选", "是", "否"]])
    )
    assert result.errors == []
    assert result.questions[0].data["options"][0]["fraction"] == "1"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["单选", "题", "a", "b", "E"], "“E” is not one of the options"),
        (["单选", "题", "a", "b", ""], "answer is missing"),
        (["单选", "题", "a", "b", "AB"], "exactly one correct letter"),
        (["多选", "题", "a", "b", "A=150%,B=-50%"], "not a valid grade"),
        (["判断", "题", "", "", "也许"], "对 or 错"),
        (["计算", "题", "", "", "1"], "not a question type"),
        (["单选", "", "a", "b", "A"], "text is empty"),
        (["匹配", "题", "a b", "c -> d", ""], "prompt -> answer"),
    ],
)
def test_broken_rows_name_the_row(row, message):
    header = ["题型 type", "题干 text", "选项A option_a", "选项B option_b", "答案 answer"]
    result = parse_excel(xlsx([header, ["判断", "好的行", "", "", "对"], row]))
    assert len(result.errors) == 1, [str(e) for e in result.errors]
    assert result.errors[0].location == "row 3"
    assert message in result.errors[0].message


def test_the_format_column_marks_html_text_and_refuses_others():
    header = ["题型 type", "题干 text", "格式 format", "选项A option_a", "选项B option_b", "答案 answer"]
    result = parse_excel(
        xlsx(
            [
                header,
                ["单选", "<p>依据<strong>哪部法律</strong>？</p>", "HTML", "促进法", "专利法", "A"],
                ["判断", "a < b 成立", "纯文本", "", "", "对"],
                ["判断", "没有格式", "", "", "", "错"],
            ]
        )
    )
    assert result.errors == [], [str(e) for e in result.errors]
    assert [q.text_format for q in result.questions] == ["html", "plain", "plain"]
    assert result.questions[0].text == "<p>依据<strong>哪部法律</strong>？</p>"

    broken = parse_excel(xlsx([header, ["判断", "题", "Markdown", "", "", "对"]]))
    assert [(e.location, e.message) for e in broken.errors] == [
        ("row 2", "“Markdown” is not a text format (纯文本 / HTML).")
    ]
    assert broken.questions == []


def test_not_a_workbook_and_missing_columns():
    assert "not an Excel workbook" in parse_excel(b"hello").errors[0].message
    problem = parse_excel(xlsx([["名称"], ["x"]])).errors[0]
    assert problem.location == "row 1" and "题型 type" in problem.message


def test_every_column_is_documented():
    assert {key for key, _label, _help in COLUMNS} >= {"category", "type", "name", "text", "answer", "points"}


def test_text_files_saved_as_gb18030_are_read():
    result = parse_aiken("技术合同由谁登记？\nA. 登记机构\nB. 法院\nANSWER: A\n".encode("gb18030"))
    assert result.errors == []
    assert result.questions[0].text == "技术合同由谁登记？"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_text_files_saved_as_utf16_with_a_bom_are_read(encoding):
    """Windows Notepad's "Unicode" is UTF-16 with a byte-order mark; it was read as GB18030 (garbage,
    then a misleading "ANSWER line missing")."""
    text = "技术合同由谁登记？\nA. 登记机构\nB. 法院\nANSWER: A\n"
    content = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    result = parse_aiken(content)
    assert result.errors == []
    assert result.questions[0].text == "技术合同由谁登记？"
