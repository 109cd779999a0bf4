"""Parsers of question files. Each is pure: content in, a ParseResult (questions, errors, unsupported) out."""

from ..models import ImportFormat
from .aiken import parse_aiken
from .base import ImportProblem, ParsedQuestion, ParseResult, UnsupportedQuestion
from .excel import parse_excel
from .gift import parse_gift
from .moodle_xml import parse_moodle_xml

PARSERS = {
    ImportFormat.GIFT: parse_gift,
    ImportFormat.MOODLE_XML: parse_moodle_xml,
    ImportFormat.AIKEN: parse_aiken,
    ImportFormat.EXCEL: parse_excel,
}


def guess_format(filename: str, content: bytes) -> str:
    """The format of an upload from its name, and for .txt from its content (GIFT has braces)."""
    name = filename.lower()
    if name.endswith(".xml"):
        return ImportFormat.MOODLE_XML
    if name.endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
        return ImportFormat.EXCEL
    if name.endswith(".gift") or b"{" in content:
        return ImportFormat.GIFT
    return ImportFormat.AIKEN


def parse(file_format: str, content: bytes) -> ParseResult:
    return PARSERS[file_format](content)


__all__ = [
    "ImportProblem",
    "ParseResult",
    "ParsedQuestion",
    "UnsupportedQuestion",
    "guess_format",
    "parse",
    "parse_aiken",
    "parse_excel",
    "parse_gift",
    "parse_moodle_xml",
]
