"""Aiken (https://docs.moodle.org/en/Aiken_format): single-choice questions only.

Each question is its text on one or more lines, then options "A." or "A)" one per line, then
"ANSWER: X". Questions are separated by blank lines. Aiken has no names: the text is the name.
"""

import re

from django.utils.translation import gettext as _

from ..models import QuestionType
from .base import ParsedQuestion, ParseResult, decode_text, name_from_text

_OPTION = re.compile(r"^([A-Z])\s*[.)．、]\s*(.*)$")
_ANSWER = re.compile(r"^ANSWER\s*[:：]\s*(.*)$", re.IGNORECASE)


def parse_aiken(content: bytes | str) -> ParseResult:
    content = decode_text(content)
    result = ParseResult()
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*content.splitlines(), ""], start=1):
        if line.strip():
            block.append((number, line.strip()))
            continue
        if block:
            _parse_block(block, result)
            block = []
    return result


def _parse_block(block: list[tuple[int, str]], result: ParseResult) -> None:
    first_line = block[0][0]
    text_lines, options, answer = [], [], None
    for number, line in block:
        if answer is not None:
            result.error(
                _("line %(line)s") % {"line": number},
                name_from_text(" ".join(text_lines)),
                _("Text after the ANSWER line; leave a blank line between questions."),
            )
            return
        if match := _ANSWER.match(line):
            answer = (number, match.group(1).strip().upper())
        elif (match := _OPTION.match(line)) and (options or text_lines):
            options.append((number, match.group(1), match.group(2)))
        elif options:
            result.error(
                _("line %(line)s") % {"line": number},
                name_from_text(" ".join(text_lines)),
                _("“%(text)s” is neither an option (“A. …”) nor the ANSWER line.") % {"text": line},
            )
            return
        else:
            text_lines.append(line)

    text = "\n".join(text_lines)
    name = name_from_text(text)
    location = _("line %(line)s") % {"line": first_line}
    if answer is None:
        result.error(location, name, _("The ANSWER line is missing."))
        return
    letters = [letter for _number, letter, _text in options]
    if answer[1] not in letters:
        result.error(
            _("line %(line)s") % {"line": answer[0]},
            name,
            _("The answer “%(answer)s” is not one of the options (%(letters)s).")
            % {"answer": answer[1], "letters": ", ".join(letters) or "—"},
        )
        return
    result.add(
        ParsedQuestion(
            qtype=QuestionType.SINGLE_CHOICE,
            name=name,
            text=text,
            data={
                "options": [
                    {"text": option_text, "fraction": "1" if letter == answer[1] else "0", "feedback": ""}
                    for _number, letter, option_text in options
                ]
            },
            location=location,
        )
    )
