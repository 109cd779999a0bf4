"""Moodle XML (https://docs.moodle.org/en/Moodle_XML_format) into ParsedQuestions.

``<question type="category">`` switches the category for the questions after it. Types we hold:
multichoice (single or multiple), truefalse, shortanswer, numerical, matching, essay; an essay
carrying our ``<ttarubric>`` element (written by our exporter) is a case analysis. Every other
type (calculated, ddwtos, gapselect, multianswer, random, description…) is reported as unsupported
with its name. The XML is read without DTDs, entities or network access.

Question text in ``format="html"`` stays HTML (cleaned to ``richtext``'s allow-list on import), with
the images Moodle attaches as ``<file>`` elements embedded as ``data:`` URIs; every other format
(``moodle_auto_format``, ``plain_text``, ``markdown``) is plain text. Answers, feedback and grader
notes in HTML are read as plain text.
"""

from decimal import Decimal
from urllib.parse import quote

from django.utils.translation import gettext as _
from lxml import etree

from ..models import QuestionType, TextFormat
from ..richtext import embed_image, html_to_text
from ..schema import decimal_text, parse_decimal
from .base import (
    ParsedQuestion,
    ParseResult,
    UnsupportedQuestion,
    category_path,
    name_from_text,
    percent_to_fraction,
)

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
}
_SUPPORTED = {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay"}


class _Skip(Exception):
    pass


# Moodle attaches images to question text as base64 <file> elements; bigger ones are not embedded.
MAX_EMBEDDED_IMAGE_CHARS = 2_000_000


def _text(element, path: str = "text") -> str:
    """The text at ``path``, as plain text: HTML (``format="html"`` on its parent) loses its tags."""
    found = element.find(path) if element is not None else None
    if found is None:
        return ""
    text = (found.text or "").strip()
    return html_to_text(text) if found.getparent().get("format") == "html" else text


def _question_text(element) -> tuple[str, str]:
    """(text, format) of ``<questiontext>``; HTML keeps its tags, with attached images embedded."""
    node = element.find("questiontext")
    found = node.find("text") if node is not None else None
    text = (found.text or "").strip() if found is not None else ""
    if node is None or node.get("format") != "html":
        return text, TextFormat.PLAIN
    for attached in node.findall("file"):
        name, data = attached.get("name", ""), attached.text or ""
        if attached.get("encoding") != "base64" or not name or len(data) > MAX_EMBEDDED_IMAGE_CHARS:
            continue
        uri = embed_image(data, name)
        if uri:
            for reference in {f"@@PLUGINFILE@@/{quote(name)}", f"@@PLUGINFILE@@/{name}"}:
                text = text.replace(reference, uri)
    return text, TextFormat.HTML


def _flag(element, tag: str, default: bool) -> bool:
    value = _text(element, tag)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes"}


def parse_moodle_xml(content: bytes | str) -> ParseResult:
    result = ParseResult()
    if isinstance(content, str):
        content = content.encode("utf-8")
    try:
        root = etree.fromstring(content, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as error:
        line = error.lineno or 0
        result.error(
            _("line %(line)s") % {"line": line},
            "",
            _("The XML is not well formed: %(error)s") % {"error": error.msg},
        )
        return result
    if root.tag != "quiz":
        result.error(
            _("element <%(tag)s>") % {"tag": root.tag},
            "",
            _("A Moodle XML file must have <quiz> as its root element."),
        )
        return result

    category: tuple[str, ...] = ()
    for number, element in enumerate(root.iterchildren(tag="question"), start=1):
        qtype = element.get("type", "")
        location = _('<question type="%(type)s"> #%(number)s at line %(line)s') % {
            "type": qtype,
            "number": number,
            "line": element.sourceline,
        }
        if qtype == "category":
            category = category_path(_text(element, "category/text"))
            result.categories[category] = _text(element, "info/text")
            continue
        name = _text(element, "name/text") or name_from_text(_text(element, "questiontext/text"))
        if qtype not in _SUPPORTED:
            result.unsupported.append(UnsupportedQuestion(location, name, qtype or _("(no type)")))
            continue
        try:
            _parse_question(element, qtype, name, location, category, result)
        except _Skip:
            continue
    return result


def _parse_question(element, qtype, name, location, category, result: ParseResult) -> None:
    points = parse_decimal(_text(element, "defaultgrade") or "1")
    if points is None or points < 0:
        result.error(location, name, _("<defaultgrade> must be a number of zero or more."))
        raise _Skip
    text, text_format = _question_text(element)
    question = ParsedQuestion(
        qtype="",
        name=name,
        text=text,
        text_format=text_format,
        data={},
        location=location,
        default_points=points,
        general_feedback=_text(element, "generalfeedback/text"),
        category=category,
        tags=[_text(tag) for tag in element.findall("tags/tag") if _text(tag)],
    )
    if qtype == "multichoice":
        single = _flag(element, "single", True)
        question.qtype = QuestionType.SINGLE_CHOICE if single else QuestionType.MULTIPLE_CHOICE
        question.data = {
            "options": [
                {
                    "text": _text(answer),
                    "fraction": _fraction(answer, question, result),
                    "feedback": _text(answer, "feedback/text"),
                }
                for answer in element.findall("answer")
            ],
            "shuffle": _flag(element, "shuffleanswers", True),
        }
    elif qtype == "truefalse":
        question.qtype, question.data = QuestionType.TRUE_FALSE, _true_false(element, question, result)
    elif qtype == "shortanswer":
        question.qtype = QuestionType.SHORT_ANSWER
        question.data = {
            "answers": [
                {
                    "text": _text(answer),
                    "fraction": _fraction(answer, question, result),
                    "feedback": _text(answer, "feedback/text"),
                }
                for answer in element.findall("answer")
            ],
            "case_sensitive": _flag(element, "usecase", False),
        }
    elif qtype == "numerical":
        question.qtype = QuestionType.NUMERICAL
        question.data = {
            "answers": [
                {
                    "value": _text(answer) or "*",
                    "tolerance": _text(answer, "tolerance") or "0",
                    "fraction": _fraction(answer, question, result),
                    "feedback": _text(answer, "feedback/text"),
                }
                for answer in element.findall("answer")
            ]
        }
    elif qtype == "matching":
        question.qtype = QuestionType.MATCHING
        question.data = {
            "pairs": [
                {"prompt": _text(sub), "answer": _text(sub, "answer/text")}
                for sub in element.findall("subquestion")
            ],
            "shuffle": _flag(element, "shuffleanswers", True),
        }
    else:  # essay, or our case analysis
        rubric = element.find("ttarubric")
        grader_info = _text(element, "graderinfo/text")
        if rubric is not None:
            question.qtype = QuestionType.CASE_ANALYSIS
            question.data = {
                "grader_info": _text(rubric, "graderinfo/text"),
                "rubric": [
                    {
                        "criterion": _text(item, "name/text"),
                        "points": item.get("points", ""),
                        "description": _text(item, "description/text"),
                    }
                    for item in rubric.findall("criterion")
                ],
            }
        else:
            question.qtype = QuestionType.ESSAY
            question.data = {
                "grader_info": grader_info,
                "response_template": _text(element, "responsetemplate/text"),
            }
    result.add(question)


def _fraction(answer, question: ParsedQuestion, result: ParseResult) -> str:
    raw = answer.get("fraction", "0")
    fraction = percent_to_fraction(raw)
    if fraction is None:
        result.error(
            question.location,
            question.name,
            _('<answer fraction="%(grade)s"> at line %(line)s is not a valid grade.')
            % {"grade": raw, "line": answer.sourceline},
        )
        raise _Skip
    return decimal_text(fraction)


def _true_false(element, question: ParsedQuestion, result: ParseResult) -> dict:
    data = {"feedback_true": "", "feedback_false": ""}
    for answer in element.findall("answer"):
        verdict = _text(answer).lower()
        if verdict not in {"true", "false"}:
            result.error(
                question.location,
                question.name,
                _("A true/false answer must be “true” or “false”, not “%(value)s”.") % {"value": verdict},
            )
            raise _Skip
        data[f"feedback_{verdict}"] = _text(answer, "feedback/text")
        if Decimal(_fraction(answer, question, result)) == 1:
            data["correct"] = verdict == "true"
    return data
