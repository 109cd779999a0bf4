"""Question files out: Moodle GIFT, Moodle XML, Aiken and our Excel template. Pure: questions in, bytes out.

Each exporter takes ParsedQuestions (the neutral form the importers produce, so export → import
gives the same questions) and returns ``(content, skipped)``: ``skipped`` lists ``(name, reason)``
for questions the format cannot carry, so nothing is left out silently. What a format drops by
design: GIFT has no points, per-question grader notes or case sensitivity; Aiken carries only
single-choice questions with one correct option and no feedback.
"""

from dataclasses import replace
from decimal import Decimal
from html import escape
from io import BytesIO

from django.utils.translation import gettext as _
from lxml import etree

from .importers.base import ParsedQuestion
from .importers.excel import (
    DIFFICULTY_LABELS,
    FORMAT_LABELS,
    MODULE_LABELS,
    OPTION_LETTERS,
    TYPE_LABELS,
    template_workbook,
)
from .models import ImportFormat, QuestionType, TextFormat
from .richtext import html_to_text
from .schema import decimal_text

Skipped = list[tuple[str, str]]


def _percent(fraction: str) -> str:
    return decimal_text(Decimal(fraction) * 100)


def _ordered(questions: list[ParsedQuestion]) -> list[ParsedQuestion]:
    return sorted(questions, key=lambda question: question.category)


# --- GIFT ----------------------------------------------------------------------------------
_GIFT_SPECIAL = ["\\", "~", "=", "#", "{", "}", ":"]


def _gift_escape(text: str) -> str:
    for char in _GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _plain_text(question: ParsedQuestion) -> str:
    """The question text for formats without HTML (Aiken): HTML read as plain text."""
    return html_to_text(question.text) if question.text_format == TextFormat.HTML else question.text


def _gift_text(question: ParsedQuestion) -> str:
    return ("[html]" if question.text_format == TextFormat.HTML else "") + _gift_escape(question.text)


_ANSWER_TEXT_KEYS = {"text", "feedback", "prompt", "answer"}


def _answers_as_html(question: ParsedQuestion) -> ParsedQuestion:
    """In GIFT an ``[html]`` question's answers and feedback are HTML too (so Moodle reads them):
    write our plain answers HTML-escaped, so they read back exactly."""

    def entry(value):
        if not isinstance(value, dict):
            return value
        return {
            k: escape(v, quote=False) if k in _ANSWER_TEXT_KEYS and isinstance(v, str) else v
            for k, v in value.items()
        }

    data = {
        key: [entry(item) for item in value]
        if isinstance(value, list)
        else escape(value, quote=False)
        if key.startswith("feedback_") and isinstance(value, str)
        else value
        for key, value in question.data.items()
    }
    return replace(question, data=data, general_feedback=escape(question.general_feedback, quote=False))


def _gift_feedback(feedback: str) -> str:
    return f"#{_gift_escape(feedback)}" if feedback else ""


def _gift_weight(fraction: str, default: str) -> str:
    return "" if Decimal(fraction) == Decimal(default) else f"%{_percent(fraction)}%"


def _gift_answers(question: ParsedQuestion) -> list[str] | None:
    data = question.data
    if question.qtype == QuestionType.ESSAY:
        return []
    if question.qtype == QuestionType.SINGLE_CHOICE:
        lines = []
        for option in data["options"]:
            if Decimal(option["fraction"]) == 1:
                lines.append(f"={_gift_escape(option['text'])}{_gift_feedback(option['feedback'])}")
            else:
                weight = _gift_weight(option["fraction"], "0")
                lines.append(f"~{weight}{_gift_escape(option['text'])}{_gift_feedback(option['feedback'])}")
        return lines
    if question.qtype == QuestionType.MULTIPLE_CHOICE:
        return [
            f"~%{_percent(option['fraction'])}%{_gift_escape(option['text'])}{_gift_feedback(option['feedback'])}"
            for option in data["options"]
        ]
    if question.qtype == QuestionType.TRUE_FALSE:
        right, wrong = (
            (data["feedback_true"], data["feedback_false"])
            if data["correct"]
            else (data["feedback_false"], data["feedback_true"])
        )
        feedback = f"#{_gift_escape(wrong)}#{_gift_escape(right)}" if wrong or right else ""
        return [("TRUE" if data["correct"] else "FALSE") + feedback]
    if question.qtype == QuestionType.SHORT_ANSWER:
        return [
            f"={_gift_weight(answer['fraction'], '1')}{_gift_escape(answer['text'])}{_gift_feedback(answer['feedback'])}"
            for answer in data["answers"]
        ]
    if question.qtype == QuestionType.NUMERICAL:
        lines = []
        for answer in data["answers"]:
            if answer["value"] == "*":
                lines.append(f"~{_gift_feedback(answer['feedback']) or '#'}")
            else:
                lines.append(
                    f"={_gift_weight(answer['fraction'], '1')}{answer['value']}:{answer['tolerance']}"
                    f"{_gift_feedback(answer['feedback'])}"
                )
        return lines
    if question.qtype == QuestionType.MATCHING:
        return [
            f"={_gift_escape(pair['prompt'])} -> {_gift_escape(pair['answer'])}" for pair in data["pairs"]
        ]
    return None


def export_gift(questions: list[ParsedQuestion]) -> tuple[bytes, Skipped]:
    chunks, skipped, category = [], [], None
    for question in _ordered(questions):
        if question.text_format == TextFormat.HTML:
            question = _answers_as_html(question)
        answers = _gift_answers(question)
        if answers is None:
            skipped.append((question.name, _("GIFT cannot hold a case analysis.")))
            continue
        if question.category != category:
            category = question.category
            chunks.append(
                "$CATEGORY: " + "/".join(["$course$", "top", *(c.replace("/", "//") for c in category)])
            )
        opening = "{#" if question.qtype == QuestionType.NUMERICAL else "{"
        feedback = f"\n####{_gift_escape(question.general_feedback)}" if question.general_feedback else ""
        body = "".join(f"\n    {line}" for line in answers)
        chunks.append(
            f"::{_gift_escape(question.name)}::{_gift_text(question)} {opening}{body}{feedback}\n}}"
        )
    return ("\n\n".join(chunks) + "\n").encode(), skipped


# --- Moodle XML ----------------------------------------------------------------------------
def _text_element(parent, tag: str, text: str, *, text_format: str | None = None):
    element = etree.SubElement(parent, tag, **({"format": text_format} if text_format else {}))
    inner = etree.SubElement(element, "text")
    inner.text = etree.CDATA(text) if text and ("<" in text or "&" in text) else text
    return element


def _xml_answer(parent, text: str, fraction: str, feedback: str = ""):
    answer = etree.SubElement(parent, "answer", fraction=_percent(fraction), format="moodle_auto_format")
    etree.SubElement(answer, "text").text = text
    _text_element(answer, "feedback", feedback)
    return answer


_XML_TYPES = {
    QuestionType.SINGLE_CHOICE: "multichoice",
    QuestionType.MULTIPLE_CHOICE: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.SHORT_ANSWER: "shortanswer",
    QuestionType.NUMERICAL: "numerical",
    QuestionType.MATCHING: "matching",
    QuestionType.ESSAY: "essay",
    QuestionType.CASE_ANALYSIS: "essay",
}


def _rubric_as_text(data: dict) -> str:
    lines = [
        f"{item['criterion']}: {item['points']}"
        + (f" — {item['description']}" if item["description"] else "")
        for item in data["rubric"]
    ]
    return "\n".join([data["grader_info"], *lines]).strip()


def _xml_question(quiz, question: ParsedQuestion) -> None:
    data = question.data
    element = etree.SubElement(quiz, "question", type=_XML_TYPES[question.qtype])
    _text_element(element, "name", question.name)
    _text_element(
        element,
        "questiontext",
        question.text,
        text_format="html" if question.text_format == TextFormat.HTML else "moodle_auto_format",
    )
    _text_element(element, "generalfeedback", question.general_feedback)
    etree.SubElement(element, "defaultgrade").text = decimal_text(Decimal(question.default_points))
    if question.qtype in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
        etree.SubElement(element, "single").text = (
            "true" if question.qtype == QuestionType.SINGLE_CHOICE else "false"
        )
        etree.SubElement(element, "shuffleanswers").text = "1" if data["shuffle"] else "0"
        for option in data["options"]:
            _xml_answer(element, option["text"], option["fraction"], option["feedback"])
    elif question.qtype == QuestionType.TRUE_FALSE:
        _xml_answer(element, "true", "1" if data["correct"] else "0", data["feedback_true"])
        _xml_answer(element, "false", "0" if data["correct"] else "1", data["feedback_false"])
    elif question.qtype == QuestionType.SHORT_ANSWER:
        etree.SubElement(element, "usecase").text = "1" if data["case_sensitive"] else "0"
        for answer in data["answers"]:
            _xml_answer(element, answer["text"], answer["fraction"], answer["feedback"])
    elif question.qtype == QuestionType.NUMERICAL:
        for answer in data["answers"]:
            node = _xml_answer(element, answer["value"], answer["fraction"], answer["feedback"])
            etree.SubElement(node, "tolerance").text = answer["tolerance"]
    elif question.qtype == QuestionType.MATCHING:
        etree.SubElement(element, "shuffleanswers").text = "true" if data["shuffle"] else "false"
        for pair in data["pairs"]:
            sub = _text_element(element, "subquestion", pair["prompt"])
            answer = etree.SubElement(sub, "answer")
            etree.SubElement(answer, "text").text = pair["answer"]
    elif question.qtype == QuestionType.ESSAY:
        etree.SubElement(element, "responseformat").text = "editor"
        _text_element(element, "graderinfo", data["grader_info"])
        _text_element(element, "responsetemplate", data["response_template"])
    else:  # case analysis: an essay to Moodle, with the rubric kept in our own element
        etree.SubElement(element, "responseformat").text = "editor"
        _text_element(element, "graderinfo", _rubric_as_text(data))
        rubric = etree.SubElement(element, "ttarubric")
        _text_element(rubric, "graderinfo", data["grader_info"])
        for item in data["rubric"]:
            criterion = etree.SubElement(rubric, "criterion", points=item["points"])
            _text_element(criterion, "name", item["criterion"])
            _text_element(criterion, "description", item["description"])
    if question.tags:
        tags = etree.SubElement(element, "tags")
        for tag in question.tags:
            etree.SubElement(etree.SubElement(tags, "tag"), "text").text = tag


def export_moodle_xml(
    questions: list[ParsedQuestion], descriptions: dict | None = None
) -> tuple[bytes, Skipped]:
    quiz = etree.Element("quiz")
    category = None
    for question in _ordered(questions):
        if question.category != category:
            category = question.category
            element = etree.SubElement(quiz, "question", type="category")
            path = "/".join(["$course$", "top", *(c.replace("/", "//") for c in category)])
            _text_element(element, "category", path)
            _text_element(element, "info", (descriptions or {}).get(category, ""))
        _xml_question(quiz, question)
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True), []


# --- Aiken ---------------------------------------------------------------------------------
def export_aiken(questions: list[ParsedQuestion]) -> tuple[bytes, Skipped]:
    chunks, skipped = [], []
    for question in questions:
        options = question.data.get("options", [])
        fractions = [Decimal(option["fraction"]) for option in options]
        if (
            question.qtype != QuestionType.SINGLE_CHOICE
            or sorted(fractions)[-1:] != [1]
            or any(f not in (0, 1) for f in fractions)
            or fractions.count(1) != 1
            or len(options) > 26
        ):
            skipped.append(
                (question.name, _("Aiken holds only single-choice questions with one correct option."))
            )
            continue
        lines = [" ".join(_plain_text(question).split())]
        for letter, option in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", options, strict=False):
            lines.append(f"{letter}. {' '.join(option['text'].split())}")
        lines.append(f"ANSWER: {'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[fractions.index(1)]}")
        chunks.append("\n".join(lines))
    return ("\n\n".join(chunks) + "\n").encode(), skipped


# --- Excel ---------------------------------------------------------------------------------
def _excel_choice_answer(options: list[dict], *, multiple: bool) -> str:
    fractions = [Decimal(option["fraction"]) for option in options]
    correct = [OPTION_LETTERS[i] for i, f in enumerate(fractions) if f > 0]
    share = (Decimal(1) / len(correct)).quantize(Decimal("0.0000001")) if correct else None
    simple = (multiple or len(correct) == 1) and all(
        f == 0 or f == (share if multiple else 1) for f in fractions
    )
    if simple:
        return "".join(correct)
    return ",".join(
        f"{OPTION_LETTERS[i]}={_percent(option['fraction'])}%"
        for i, option in enumerate(options)
        if Decimal(option["fraction"])
    )


def _excel_weighted(text: str, fraction: str, feedback: str) -> str:
    text = text.replace("#", "\\#")
    if Decimal(fraction) != 1:
        text = f"{text}={_percent(fraction)}%"
    return f"{text} # {feedback}" if feedback else text


def _excel_row(question: ParsedQuestion) -> dict | None:
    data = question.data
    row = {
        "category": "/".join(question.category),
        "type": TYPE_LABELS[question.qtype],
        "name": question.name,
        "text": question.text,
        "format": FORMAT_LABELS[question.text_format],
        "points": decimal_text(Decimal(question.default_points)),
        "difficulty": DIFFICULTY_LABELS.get(question.difficulty, ""),
        "module": MODULE_LABELS.get(question.module, ""),
        "tags": ", ".join(question.tags),
        "feedback": question.general_feedback,
    }
    cells: list[str] = []
    if question.qtype in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
        if len(data["options"]) > len(OPTION_LETTERS):
            return None
        cells = [
            option["text"].replace("#", "\\#") + (f" # {option['feedback']}" if option["feedback"] else "")
            for option in data["options"]
        ]
        row["answer"] = _excel_choice_answer(
            data["options"], multiple=question.qtype == QuestionType.MULTIPLE_CHOICE
        )
    elif question.qtype == QuestionType.TRUE_FALSE:
        right, wrong = (
            (data["feedback_true"], data["feedback_false"])
            if data["correct"]
            else (data["feedback_false"], data["feedback_true"])
        )
        wrong, right = wrong.replace("#", "\\#"), right.replace("#", "\\#")
        feedback = f" # {wrong} # {right}" if wrong or right else ""
        row["answer"] = ("对" if data["correct"] else "错") + feedback
    elif question.qtype == QuestionType.SHORT_ANSWER:
        row["answer"] = "|".join(
            _excel_weighted(a["text"], a["fraction"], a["feedback"]) for a in data["answers"]
        )
        row["case_sensitive"] = "是" if data["case_sensitive"] else ""
    elif question.qtype == QuestionType.NUMERICAL:
        row["answer"] = "|".join(
            _excel_weighted(
                "*" if a["value"] == "*" else f"{a['value']}:{a['tolerance']}", a["fraction"], a["feedback"]
            )
            for a in data["answers"]
        )
    elif question.qtype == QuestionType.MATCHING:
        if len(data["pairs"]) > len(OPTION_LETTERS):
            return None
        cells = [f"{pair['prompt']} -> {pair['answer']}".strip() for pair in data["pairs"]]
    elif question.qtype == QuestionType.ESSAY:
        row["answer"] = data["grader_info"]
    else:
        if len(data["rubric"]) > len(OPTION_LETTERS):
            return None
        cells = [f"{item['criterion']}: {item['points']}" for item in data["rubric"]]
        row["answer"] = data["grader_info"]
    for letter, cell in zip(OPTION_LETTERS, cells, strict=False):
        row[f"option_{letter.lower()}"] = cell
    return row


def export_excel(questions: list[ParsedQuestion]) -> tuple[bytes, Skipped]:
    rows, skipped = [], []
    for question in _ordered(questions):
        row = _excel_row(question)
        if row is None:
            skipped.append((question.name, _("The Excel template has room for eight options.")))
            continue
        rows.append(row)
    buffer = BytesIO()
    template_workbook(rows).save(buffer)
    return buffer.getvalue(), skipped


EXPORTERS = {
    ImportFormat.GIFT: export_gift,
    ImportFormat.MOODLE_XML: export_moodle_xml,
    ImportFormat.AIKEN: export_aiken,
    ImportFormat.EXCEL: export_excel,
}
FILE_TYPES = {
    ImportFormat.GIFT: ("gift.txt", "text/plain; charset=utf-8"),
    ImportFormat.MOODLE_XML: ("xml", "application/xml"),
    ImportFormat.AIKEN: ("aiken.txt", "text/plain; charset=utf-8"),
    ImportFormat.EXCEL: ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
