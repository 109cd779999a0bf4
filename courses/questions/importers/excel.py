"""Our Excel template (.xlsx): one question per row of the first sheet, a header row on top.

Columns are found by their header (Chinese label, English key, or both as in the template), in
any order; ``COLUMNS`` documents them and ``template_workbook()`` builds the blank template with
an example row per type and a help sheet. The "answer" column, by type:

- single_choice: the letter of the correct option, ``B``; or weights ``A=100%,B=50%``
- multiple_choice: the correct letters, ``AC`` or ``A,C`` (they share 100% equally); or weights
  ``A=50%,C=50%,B=-100%``
- true_false: 对 / 错 (also 正确 / 错误, T / F, TRUE / FALSE), optionally followed by
  ``# feedback for a wrong answer # feedback for a right answer`` as in GIFT
- short_answer: accepted answers separated by ``|``; ``=50%`` after one gives partial credit; ``*`` is a wildcard;
  ``# feedback`` after one adds its feedback: ``PCT | 专利合作条约=50% # 写缩写更好``
- numerical: ``3±2`` or ``3:2`` (value and tolerance) or ``1..5``, several separated by ``|``, each may end
  ``=50%`` and ``# feedback``; ``*`` stands for any other number
- matching: leave empty; put one pair per option cell as ``prompt -> answer`` (``-> answer`` adds a distractor)
- essay: notes for the grader (optional)
- case_analysis: notes for the grader (optional); one rubric criterion per option cell as ``criterion: points``

An option cell of a choice question may end with ``# feedback`` (write ``\\#`` for a literal ``#``).
The "format" column says how the question text is written: empty or 纯文本 for plain text, HTML for
HTML (cleaned to the allowed tags on import, as from Moodle).
"""

import re
import zipfile
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, PatternFill

from cms.choices import Module
from core.spreadsheets import append_row

from ..models import Difficulty, QuestionType, TextFormat
from ..schema import decimal_text, parse_decimal
from .base import ParsedQuestion, ParseResult, category_path, name_from_text, percent_to_fraction

OPTION_LETTERS = "ABCDEFGH"

# (key, Chinese label, what goes in it)
COLUMNS = [
    ("category", "分类", gettext_lazy("Sub-bank path, levels separated by “/”; empty for the bank itself")),
    ("type", "题型", gettext_lazy("单选 多选 判断 填空 数值 匹配 问答 案例分析, or the type code")),
    ("name", "名称", gettext_lazy("Short name of the question; empty: taken from the text")),
    ("text", "题干", gettext_lazy("The question text (required)")),
    ("format", "格式", gettext_lazy("Format of the question text: 纯文本 (plain, the default) or HTML")),
    *[
        (
            f"option_{letter.lower()}",
            f"选项{letter}",
            gettext_lazy("An option, a matching pair or a rubric criterion"),
        )
        for letter in OPTION_LETTERS
    ],
    ("answer", "答案", gettext_lazy("The correct answer; its form depends on the type (see the help sheet)")),
    ("points", "分值", gettext_lazy("Default points; empty: 1")),
    ("difficulty", "难度", gettext_lazy("易 / 中 / 难 (easy / medium / hard); empty: medium")),
    ("module", "模块", gettext_lazy("公共知识 / 政策法规 / 实务技能 / 能力提升, or the module code")),
    ("tags", "标签", gettext_lazy("Free tags separated by commas")),
    ("feedback", "解析", gettext_lazy("General feedback shown after the answer")),
    ("case_sensitive", "区分大小写", gettext_lazy("For short answers: 是 / 否; empty: 否")),
]

TYPE_NAMES = {
    "单选": QuestionType.SINGLE_CHOICE,
    "单选题": QuestionType.SINGLE_CHOICE,
    "多选": QuestionType.MULTIPLE_CHOICE,
    "多选题": QuestionType.MULTIPLE_CHOICE,
    "判断": QuestionType.TRUE_FALSE,
    "判断题": QuestionType.TRUE_FALSE,
    "填空": QuestionType.SHORT_ANSWER,
    "填空题": QuestionType.SHORT_ANSWER,
    "简答": QuestionType.SHORT_ANSWER,
    "数值": QuestionType.NUMERICAL,
    "数值题": QuestionType.NUMERICAL,
    "匹配": QuestionType.MATCHING,
    "匹配题": QuestionType.MATCHING,
    "问答": QuestionType.ESSAY,
    "论述": QuestionType.ESSAY,
    "问答题": QuestionType.ESSAY,
    "案例分析": QuestionType.CASE_ANALYSIS,
    "案例分析题": QuestionType.CASE_ANALYSIS,
}
TYPE_LABELS = {
    QuestionType.SINGLE_CHOICE: "单选",
    QuestionType.MULTIPLE_CHOICE: "多选",
    QuestionType.TRUE_FALSE: "判断",
    QuestionType.SHORT_ANSWER: "填空",
    QuestionType.NUMERICAL: "数值",
    QuestionType.MATCHING: "匹配",
    QuestionType.ESSAY: "问答",
    QuestionType.CASE_ANALYSIS: "案例分析",
}
DIFFICULTY_NAMES = {
    "易": "easy",
    "简单": "easy",
    "中": "medium",
    "中等": "medium",
    "难": "hard",
    "困难": "hard",
}
DIFFICULTY_LABELS = {"easy": "易", "medium": "中", "hard": "难"}
FORMAT_NAMES = {
    "": TextFormat.PLAIN,
    "纯文本": TextFormat.PLAIN,
    "文本": TextFormat.PLAIN,
    "plain": TextFormat.PLAIN,
    "html": TextFormat.HTML,
}
FORMAT_LABELS = {TextFormat.PLAIN: "", TextFormat.HTML: "HTML"}
MODULE_NAMES = {"公共知识": "general", "政策法规": "policy", "实务技能": "practice", "能力提升": "capability"}
MODULE_LABELS = {code: label for label, code in MODULE_NAMES.items()}
TRUE_WORDS = {"对", "正确", "是", "√", "T", "TRUE", "Y", "YES"}
FALSE_WORDS = {"错", "错误", "否", "×", "F", "FALSE", "N", "NO"}
_WEIGHT_SUFFIX = re.compile(r"^(.*?)\s*=\s*(-?[\d.]+)\s*%$", re.DOTALL)
_HASH = "\ue004"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header_map(header: list[str]) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        tokens = set(_cell(cell).lower().split())
        for key, label, _help in COLUMNS:
            if key in tokens or label.lower() in tokens:
                found.setdefault(key, index)
    return found


def parse_excel(content: bytes) -> ParseResult:
    result = ParseResult()
    try:
        workbook = load_workbook(BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        result.error(_("file"), "", _("This is not an Excel workbook (.xlsx)."))
        return result
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = next(rows, None)
    columns = _header_map(list(header or []))
    missing = [
        f"{label} {key}" for key, label, _help in COLUMNS if key in {"type", "text"} and key not in columns
    ]
    if missing:
        result.error(
            _("row %(row)s") % {"row": 1},
            "",
            _("The header row lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)},
        )
        return result
    for number, row in enumerate(rows, start=2):
        values = {key: _cell(row[index]) if index < len(row) else "" for key, index in columns.items()}
        if not any(values.values()):
            continue
        _parse_row(values, number, result)
    workbook.close()
    return result


def _parse_row(values: dict[str, str], number: int, result: ParseResult) -> None:
    location = _("row %(row)s") % {"row": number}
    text = values.get("text", "")
    name = values.get("name") or name_from_text(text)
    raw_type = values.get("type", "")
    qtype = TYPE_NAMES.get(raw_type) or (
        raw_type.lower() if raw_type.lower() in QuestionType.values else None
    )
    if qtype is None:
        result.error(location, name, _("“%(type)s” is not a question type we know.") % {"type": raw_type})
        return
    points = parse_decimal(values.get("points") or "1")
    if points is None or points < 0:
        result.error(location, name, _("The points must be a number of zero or more."))
        return
    difficulty = values.get("difficulty", "").lower()
    difficulty = DIFFICULTY_NAMES.get(difficulty, difficulty or "medium")
    if difficulty not in Difficulty.values:
        result.error(
            location,
            name,
            _("“%(value)s” is not a difficulty (易 / 中 / 难).") % {"value": values["difficulty"]},
        )
        return
    module = values.get("module", "")
    module = MODULE_NAMES.get(module, module.lower())
    if module and module not in Module.values:
        result.error(location, name, _("“%(value)s” is not a module.") % {"value": values["module"]})
        return
    text_format = FORMAT_NAMES.get(values.get("format", "").lower())
    if text_format is None:
        result.error(
            location,
            name,
            _("“%(value)s” is not a text format (纯文本 / HTML).") % {"value": values["format"]},
        )
        return
    options = [values.get(f"option_{letter.lower()}", "") for letter in OPTION_LETTERS]
    answer = values.get("answer", "")
    try:
        data = _data(qtype, options, answer, values)
    except ValueError as error:
        result.error(location, name, str(error))
        return
    result.add(
        ParsedQuestion(
            qtype=qtype,
            name=name,
            text=text,
            data=data,
            location=location,
            text_format=text_format,
            default_points=points,
            general_feedback=values.get("feedback", ""),
            category=category_path(values.get("category", "")),
            module=module,
            difficulty=difficulty,
            tags=[tag.strip() for tag in re.split(r"[,，]", values.get("tags", "")) if tag.strip()],
        )
    )


def _weighted(item: str, default: Decimal) -> tuple[str, Decimal]:
    match = _WEIGHT_SUFFIX.match(item)
    if not match:
        return item.strip(), default
    fraction = percent_to_fraction(match.group(2))
    if fraction is None:
        raise ValueError(_("“%(grade)s%%” is not a valid grade.") % {"grade": match.group(2)})
    return match.group(1).strip(), fraction


def _choice_fractions(answer: str, count: int, *, multiple: bool) -> list[Decimal]:
    fractions = [Decimal(0)] * count
    letters = OPTION_LETTERS[:count]
    answer = answer.upper().replace("，", ",").replace(" ", "")
    if not answer:
        raise ValueError(_("The answer is missing."))
    if "=" in answer:
        for item in filter(None, answer.split(",")):
            letter, fraction = _weighted(item, Decimal(1))
            if letter not in letters:
                raise ValueError(_("“%(letter)s” is not one of the options.") % {"letter": letter})
            fractions[letters.index(letter)] = fraction
        return fractions
    chosen = [letter for letter in answer if letter != ","]
    for letter in chosen:
        if letter not in letters:
            raise ValueError(_("“%(letter)s” is not one of the options.") % {"letter": letter})
    if not multiple and len(chosen) != 1:
        raise ValueError(_("A single-choice question has exactly one correct letter."))
    share = (Decimal(1) / len(set(chosen))).quantize(Decimal("0.0000001"))
    for letter in chosen:
        fractions[letters.index(letter)] = share
    return fractions


def _split_option(cell: str) -> tuple[str, str]:
    text, _sep, feedback = cell.replace("\\#", _HASH).partition("#")
    return text.replace(_HASH, "#").strip(), feedback.replace(_HASH, "#").strip()


def _data(qtype: str, options: list[str], answer: str, values: dict) -> dict:
    filled = options[: max((i + 1 for i, cell in enumerate(options) if cell), default=0)]
    if qtype in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
        fractions = _choice_fractions(answer, len(filled), multiple=qtype == QuestionType.MULTIPLE_CHOICE)
        entries = []
        for cell, fraction in zip(filled, fractions, strict=True):
            text, feedback = _split_option(cell)
            entries.append({"text": text, "fraction": decimal_text(fraction), "feedback": feedback})
        return {"options": entries}
    if qtype == QuestionType.TRUE_FALSE:
        word, feedback = _split_option(answer)
        wrong, _sep, right = feedback.partition("#")
        word = word.upper()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError(
                _("The answer of a true/false question is 对 or 错, not “%(value)s”.") % {"value": answer}
            )
        correct = word in TRUE_WORDS
        wrong, right = wrong.strip(), right.strip()
        return {
            "correct": correct,
            "feedback_true": right if correct else wrong,
            "feedback_false": wrong if correct else right,
        }
    if qtype == QuestionType.SHORT_ANSWER:
        accepted = []
        for item in filter(None, (part.strip() for part in answer.split("|"))):
            item, feedback = _split_option(item)
            text, fraction = _weighted(item, Decimal(1))
            accepted.append({"text": text, "fraction": decimal_text(fraction), "feedback": feedback})
        sensitive = values.get("case_sensitive", "").upper() in TRUE_WORDS
        return {"answers": accepted, "case_sensitive": sensitive}
    if qtype == QuestionType.NUMERICAL:
        return {
            "answers": [
                _numerical_item(item) for item in filter(None, (p.strip() for p in answer.split("|")))
            ]
        }
    if qtype == QuestionType.MATCHING:
        pairs = []
        for cell in filled:
            if "->" not in cell:
                raise ValueError(
                    _("A matching pair is written “prompt -> answer”, not “%(cell)s”.") % {"cell": cell}
                )
            prompt, _arrow, matched = cell.partition("->")
            pairs.append({"prompt": prompt.strip(), "answer": matched.strip()})
        return {"pairs": pairs}
    if qtype == QuestionType.CASE_ANALYSIS:
        rubric = []
        for cell in filter(None, filled):
            criterion, sep, points = cell.replace("：", ":").rpartition(":")
            if not sep:
                raise ValueError(
                    _("A rubric criterion is written “criterion: points”, not “%(cell)s”.") % {"cell": cell}
                )
            rubric.append({"criterion": criterion.strip(), "points": points.strip()})
        return {"grader_info": answer, "rubric": rubric}
    return {"grader_info": answer}


def _numerical_item(item: str) -> dict:
    item, feedback = _split_option(item)
    return {**_numerical_value(item), "feedback": feedback}


def _numerical_value(item: str) -> dict:
    text, fraction = _weighted(item, Decimal(1))
    text = text.replace("±", ":").replace("：", ":")
    if text == "*":
        return {"value": "*", "tolerance": "0", "fraction": decimal_text(fraction)}
    if ".." in text:
        low, high = (parse_decimal(part) for part in text.split("..", 1))
        if low is None or high is None or low > high:
            raise ValueError(_("“%(range)s” is not a valid range.") % {"range": text})
        return {
            "value": decimal_text((low + high) / 2),
            "tolerance": decimal_text((high - low) / 2),
            "fraction": decimal_text(fraction),
        }
    value, _sep, tolerance = text.partition(":")
    return {"value": value.strip(), "tolerance": tolerance.strip() or "0", "fraction": decimal_text(fraction)}


EXAMPLES = [
    {
        "category": "政策法规/促进科技成果转化法",
        "type": "单选",
        "name": "转化法施行年份",
        "text": "现行《促进科技成果转化法》修正案自哪一年起施行？",
        "option_a": "2008",
        "option_b": "2015 # 2015年8月修正，同年10月1日起施行",
        "option_c": "2020",
        "answer": "B",
        "points": "2",
        "difficulty": "易",
        "module": "政策法规",
        "tags": "转化法, 法规",
        "feedback": "2015年修正案明确了收益分配比例。",
    },
    {
        "type": "多选",
        "text": "科技成果转化的方式包括哪些？",
        "option_a": "自行投资实施转化",
        "option_b": "向他人转让该科技成果",
        "option_c": "许可他人使用该科技成果",
        "option_d": "以该科技成果作价投资",
        "answer": "ABCD",
        "module": "实务技能",
    },
    {
        "type": "判断",
        "text": "技术合同认定登记是技术合同生效的前提条件。",
        "answer": "错",
        "feedback": "认定登记不影响合同效力。",
    },
    {"type": "填空", "text": "专利合作条约的英文缩写是 _____。", "answer": "PCT|专利合作条约=50%"},
    {"type": "数值", "text": "奖励比例不低于净收入的百分之几？", "answer": "50:0|70=50%"},
    {
        "type": "匹配",
        "text": "将转化方式与其特点配对。",
        "option_a": "许可 -> 不转移所有权",
        "option_b": "转让 -> 转移所有权",
        "option_c": "-> 赠与",
    },
    {"type": "问答", "text": "简述技术经理人的主要职责。", "answer": "要点：对接、评估、谈判、合规"},
    {
        "type": "案例分析",
        "text": "阅读案例，分析许可条款中的风险。",
        "option_a": "识别风险点: 6",
        "option_b": "提出修改建议: 4",
        "answer": "重点看排他性条款",
    },
]


def template_workbook(rows: list[dict] | None = None) -> Workbook:
    """The import template: header row, the given rows (default: one example per type), a help sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "questions"
    append_row(sheet, [f"{label} {key}" for key, label, _help in COLUMNS], bold=True)
    for cell in sheet[1]:
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in EXAMPLES if rows is None else rows:
        # Through the one writer: a question text starting with "=" stays text, and is read back as typed.
        append_row(sheet, [row.get(key, "") for key, _label, _help in COLUMNS])
    for column, width in zip("ABCD", (24, 10, 20, 50), strict=True):
        sheet.column_dimensions[column].width = width
    if rows is None:  # styling every cell of a large export costs seconds; the examples only
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"

    help_sheet = workbook.create_sheet("help")
    append_row(help_sheet, [_("Column"), _("Content")])
    for key, label, description in COLUMNS:
        append_row(help_sheet, [f"{label} {key}", str(description)])
    help_sheet.append([])
    for line in (__doc__ or "").strip().splitlines():
        append_row(help_sheet, [line])
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["B"].width = 90
    return workbook
