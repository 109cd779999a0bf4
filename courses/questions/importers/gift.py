"""Moodle GIFT (https://docs.moodle.org/en/GIFT_format) into ParsedQuestions, following Moodle's own reader.

Questions are separated by blank lines; ``//`` starts a comment line; ``$CATEGORY: path`` switches
the category for the questions after it. Inside a question: ``::name::``, an optional ``[html]``-style
format marker, the text, and an answer block in braces. ``[html]`` question text is kept as HTML
(cleaned on import); answers and feedback, which default to the question's format as in Moodle,
are read as plain text (HTML tags dropped). ``[moodle]``, ``[plain]`` and ``[markdown]`` are plain text. The type comes from the answer block, in
Moodle's order: empty → essay, ``#…`` → numerical, any ``~`` → choice, ``=a -> b`` → matching,
``T``/``F`` → true/false, otherwise short answer. Text after the block makes a fill-in-the-blank
text (the block becomes ``_____``). A question without a block is a Moodle "description": not a
question, so it is reported as unsupported.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from ..models import QuestionType, TextFormat
from ..richtext import html_to_text
from ..schema import decimal_text, parse_decimal
from .base import (
    ParsedQuestion,
    ParseResult,
    UnsupportedQuestion,
    category_path,
    decode_text,
    name_from_text,
    percent_to_fraction,
)

BLANK = "_____"
_ESCAPES = {
    "\\\\": "\ue000",
    "\\:": "\ue001",
    "\\~": "\ue002",
    "\\=": "\ue003",
    "\\#": "\ue004",
    "\\{": "\ue005",
    "\\}": "\ue006",
}
_UNESCAPE = {code: raw[1] for raw, code in _ESCAPES.items()}
_FORMAT_MARKER = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^\s*%([^%]*)%")
_TRUE_FALSE = re.compile(r"^(T|TRUE|F|FALSE)\s*(#|$)", re.IGNORECASE)


def _escape(text: str) -> str:
    for raw, code in _ESCAPES.items():
        text = text.replace(raw, code)
    return text


def _formatted(text: str, default: str = TextFormat.PLAIN) -> tuple[str, str]:
    """(text, format): the format marker read and dropped, escaped characters restored, GIFT's \\n
    made a newline, trimmed. Without a marker the text has the ``default`` format."""
    marker = _FORMAT_MARKER.match(text)
    text_format = default
    if marker:
        text_format = TextFormat.HTML if marker.group(1).lower() == "html" else TextFormat.PLAIN
        text = text[marker.end() :]
    text = text.replace("\\n", "\n")
    for code, char in _UNESCAPE.items():
        text = text.replace(code, char)
    return text.strip(), text_format


def _clean(text: str, default: str = TextFormat.PLAIN) -> str:
    """Plain text of an answer, a name or feedback: as ``_formatted``, HTML turned into plain text."""
    text, text_format = _formatted(text, default)
    return html_to_text(text) if text_format == TextFormat.HTML else text


def _split_feedback(answer: str, default: str) -> tuple[str, str]:
    text, _sep, feedback = answer.partition("#")
    return text, _clean(feedback, default)


def _blocks(text: str):
    """(first line number, lines) of each question, with comment lines removed."""
    block, start = [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if block:
                yield start, block
            block = []
            continue
        if not block:
            start = number
        block.append(line)
    if block:
        yield start, block


class _Skip(Exception):
    """Stop reading one question after its problem was recorded."""


def parse_gift(content: bytes | str) -> ParseResult:
    content = decode_text(content)
    result = ParseResult()
    category: tuple[str, ...] = ()
    for line_number, lines in _blocks(_escape(content)):
        head = lines[0].strip()
        if head.upper().startswith("$CATEGORY:"):
            category = category_path(_clean(head.split(":", 1)[1]))
            result.categories.setdefault(category, "")
            lines = lines[1:]
            if not lines:
                continue
        try:
            _parse_question("\n".join(lines), line_number, category, result)
        except _Skip:
            continue
    return result


def _parse_question(raw: str, line_number: int, category: tuple[str, ...], result: ParseResult) -> None:
    location = _("line %(line)s") % {"line": line_number}
    name = ""
    body = raw.strip()
    if body.startswith("::"):
        end = body.find("::", 2)
        if end == -1:
            result.error(location, "", _("The question name is not closed with “::”."))
            raise _Skip
        name, body = _clean(body[2:end]), body[end + 2 :]

    opening = body.find("{")
    if opening == -1:
        if "}" in body:
            result.error(location, name, _("A “}” has no matching “{”."))
            raise _Skip
        text = _clean(body)
        result.unsupported.append(
            UnsupportedQuestion(location, name or name_from_text(text), _("description (no answers)"))
        )
        return
    closing = body.find("}", opening)
    if closing == -1:
        result.error(location, name, _("The answer block is not closed with “}”."))
        raise _Skip
    before, answers, after = body[:opening], body[opening + 1 : closing], body[closing + 1 :]
    if "{" in answers or "{" in after or "}" in after:
        result.error(location, name, _("A question may have only one answer block in braces."))
        raise _Skip
    text, text_format = _formatted(before)
    after, _after_format = _formatted(after, text_format)
    if after:
        text = f"{text} {BLANK} {after}".strip()
    name = name or name_from_text(html_to_text(text) if text_format == TextFormat.HTML else text)

    answers, _sep, general_feedback = answers.partition("####")
    answers = answers.strip()
    question = ParsedQuestion(
        qtype="",
        name=name,
        text=text,
        text_format=text_format,
        data={},
        location=location,
        general_feedback=_clean(general_feedback, text_format),
        category=category,
    )
    if not answers:
        question.qtype, question.data = QuestionType.ESSAY, {}
    elif answers.startswith("#"):
        question.qtype, question.data = QuestionType.NUMERICAL, _numerical(answers[1:], question, result)
    elif "~" in answers:
        multiple = "=" not in answers
        question.qtype = QuestionType.MULTIPLE_CHOICE if multiple else QuestionType.SINGLE_CHOICE
        question.data = {"options": _choices(answers, question, result)}
    elif "=" in answers and "->" in answers:
        question.qtype, question.data = QuestionType.MATCHING, {"pairs": _pairs(answers, text_format)}
    elif _TRUE_FALSE.match(answers):
        question.qtype, question.data = QuestionType.TRUE_FALSE, _true_false(answers, text_format)
    else:
        question.qtype = QuestionType.SHORT_ANSWER
        question.data = {"answers": _short_answers(answers, question, result)}
    result.add(question)


def _weighted(
    answer: str, default: Decimal, question: ParsedQuestion, result: ParseResult
) -> tuple[str, Decimal]:
    """Strip a ``%50%`` weight off an answer; a bad weight is an error of the question."""
    match = _WEIGHT.match(answer)
    if not match:
        return answer, default
    fraction = percent_to_fraction(match.group(1))
    if fraction is None:
        result.error(
            question.location,
            question.name,
            _("“%(grade)s” is not a valid grade.") % {"grade": f"%{match.group(1)}%"},
        )
        raise _Skip
    return answer[match.end() :], fraction


def _items(answers: str) -> list[tuple[str, str]]:
    """The answers of a block as (marker, text): marker is "=", "~" or "" for a first unmarked answer."""
    parts = re.split(r"([=~])", answers)
    items = []
    if parts[0].strip():
        items.append(("", parts[0]))
    for marker, text in zip(parts[1::2], parts[2::2], strict=True):
        items.append((marker, text))
    return items


def _choices(answers: str, question: ParsedQuestion, result: ParseResult) -> list[dict]:
    options = []
    for marker, raw in _items(answers):
        text, fraction = _weighted(raw, Decimal(1) if marker == "=" else Decimal(0), question, result)
        text, feedback = _split_feedback(text, question.text_format)
        options.append(
            {
                "text": _clean(text, question.text_format),
                "fraction": decimal_text(fraction),
                "feedback": feedback,
            }
        )
    return options


def _pairs(answers: str, default: str) -> list[dict]:
    pairs = []
    for _marker, raw in _items(answers):
        prompt, _arrow, answer = raw.partition("->")
        pairs.append({"prompt": _clean(prompt, default), "answer": _clean(answer, default)})
    return pairs


def _true_false(answers: str, default: str) -> dict:
    verdict, _sep, feedback = answers.partition("#")
    wrong_feedback, _sep, right_feedback = feedback.partition("#")
    correct = verdict.strip().upper() in {"T", "TRUE"}
    wrong_feedback, right_feedback = _clean(wrong_feedback, default), _clean(right_feedback, default)
    return {
        "correct": correct,
        "feedback_true": right_feedback if correct else wrong_feedback,
        "feedback_false": wrong_feedback if correct else right_feedback,
    }


def _short_answers(answers: str, question: ParsedQuestion, result: ParseResult) -> list[dict]:
    accepted = []
    for _marker, raw in _items(answers):
        text, fraction = _weighted(raw, Decimal(1), question, result)
        text, feedback = _split_feedback(text, question.text_format)
        accepted.append(
            {
                "text": _clean(text, question.text_format),
                "fraction": decimal_text(fraction),
                "feedback": feedback,
            }
        )
    return accepted


def _numerical(answers: str, question: ParsedQuestion, result: ParseResult) -> dict:
    entries = []
    for marker, raw in _items(answers):
        if marker == "~":
            # Moodle: "~#feedback" is the answer for anything else, worth nothing.
            _text, feedback = _split_feedback(raw, question.text_format)
            entries.append({"value": "*", "tolerance": "0", "fraction": "0", "feedback": feedback})
            continue
        text, fraction = _weighted(raw, Decimal(1), question, result)
        text, feedback = _split_feedback(text, question.text_format)
        value, tolerance = _number_and_tolerance(_clean(text, question.text_format), question, result)
        entries.append(
            {"value": value, "tolerance": tolerance, "fraction": decimal_text(fraction), "feedback": feedback}
        )
    return {"answers": entries}


def _number_and_tolerance(text: str, question: ParsedQuestion, result: ParseResult) -> tuple[str, str]:
    if ".." in text:
        low, high = (parse_decimal(part) for part in text.split("..", 1))
        if low is None or high is None or low > high:
            result.error(
                question.location, question.name, _("“%(range)s” is not a valid range.") % {"range": text}
            )
            raise _Skip
        return decimal_text((low + high) / 2), decimal_text((high - low) / 2)
    value_text, _sep, tolerance_text = text.partition(":")
    value = parse_decimal(value_text)
    tolerance = parse_decimal(tolerance_text or "0")
    if value is None or tolerance is None:
        result.error(question.location, question.name, _("“%(value)s” is not a number.") % {"value": text})
        raise _Skip
    return decimal_text(value), decimal_text(abs(tolerance))
