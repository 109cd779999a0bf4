"""Scoring one response against one question version. Pure: no database, no side effects.

``grade(version, response)`` returns the fraction of the question's points earned, a Decimal
between 0 and 1, or ``None`` when a person must grade it (essay, case analysis). Responses, by type:

- single_choice: the index of the chosen option (int), or None
- multiple_choice: the indexes of the chosen options (iterable of int)
- true_false: True or False (the strings "true"/"false" are accepted)
- short_answer: the text typed
- numerical: the number typed (str, int or Decimal; a comma may be the decimal mark)
- matching: for each pair index, the answer chosen — a dict ``{index: answer text}`` (index int or str)
  or a list aligned with the pairs
- essay, case_analysis: anything; always ``None``

Indexes refer to the order stored in the version; an exam that shuffles options maps them back.
A response of the wrong shape scores 0: grading never raises on what a trainee sent.
"""

import re
import unicodedata
from decimal import Decimal

from .models import QuestionType
from .schema import parse_decimal

ZERO = Decimal(0)
ONE = Decimal(1)


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def _as_index(value) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _option_fraction(options: list[dict], index) -> Decimal:
    index = _as_index(index)
    if index is None or not 0 <= index < len(options):
        return ZERO
    return Decimal(options[index]["fraction"])


def _single(data: dict, response) -> Decimal:
    return _clamp(_option_fraction(data["options"], response))


def _multiple(data: dict, response) -> Decimal:
    if response is None or isinstance(response, str | int):
        response = [] if response is None else [response]
    try:
        chosen = {_as_index(item) for item in response}
    except TypeError:
        return ZERO
    chosen.discard(None)
    return _clamp(sum((_option_fraction(data["options"], index) for index in chosen), ZERO))


def _true_false(data: dict, response) -> Decimal:
    if isinstance(response, str):
        response = {"true": True, "false": False}.get(response.strip().lower())
    if not isinstance(response, bool):
        return ZERO
    return ONE if response == data["correct"] else ZERO


def normalise_text(text: str, *, case_sensitive: bool) -> str:
    """Full-width to half-width (NFKC), runs of whitespace to one space, ends trimmed, case folded."""
    text = " ".join(unicodedata.normalize("NFKC", str(text)).split())
    return text if case_sensitive else text.casefold()


def _answer_pattern(answer: str, *, case_sensitive: bool) -> re.Pattern:
    normalised = normalise_text(answer, case_sensitive=case_sensitive)
    return re.compile(".*".join(re.escape(part) for part in normalised.split("*")), re.DOTALL)


def short_answer_match(data: dict, response) -> dict | None:
    """The first accepted answer the response matches (Moodle's rule), or None."""
    if response is None:
        return None
    case_sensitive = data.get("case_sensitive", False)
    given = normalise_text(response, case_sensitive=case_sensitive)
    if not given:
        return None
    for answer in data["answers"]:
        if _answer_pattern(answer["text"], case_sensitive=case_sensitive).fullmatch(given):
            return answer
    return None


def _short_answer(data: dict, response) -> Decimal:
    answer = short_answer_match(data, response)
    return _clamp(Decimal(answer["fraction"])) if answer else ZERO


def numerical_match(data: dict, response) -> dict | None:
    """The first answer whose value ± tolerance contains the response, or None."""
    number = parse_decimal(unicodedata.normalize("NFKC", str(response))) if response is not None else None
    if number is None:
        return None
    for answer in data["answers"]:
        if answer["value"] == "*" or abs(number - Decimal(answer["value"])) <= Decimal(answer["tolerance"]):
            return answer
    return None


def _numerical(data: dict, response) -> Decimal:
    answer = numerical_match(data, response)
    return _clamp(Decimal(answer["fraction"])) if answer else ZERO


def _matching(data: dict, response) -> Decimal:
    pairs = data["pairs"]
    if isinstance(response, list | tuple):
        response = dict(enumerate(response))
    if not isinstance(response, dict):
        return ZERO
    chosen = {str(key): value for key, value in response.items()}
    prompted = [(index, pair) for index, pair in enumerate(pairs) if pair["prompt"]]
    right = sum(
        1
        for index, pair in prompted
        if chosen.get(str(index)) is not None
        and normalise_text(chosen[str(index)], case_sensitive=True)
        == normalise_text(pair["answer"], case_sensitive=True)
    )
    return _clamp(Decimal(right) / Decimal(len(prompted))) if prompted else ZERO


_GRADERS = {
    QuestionType.SINGLE_CHOICE: _single,
    QuestionType.MULTIPLE_CHOICE: _multiple,
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.SHORT_ANSWER: _short_answer,
    QuestionType.NUMERICAL: _numerical,
    QuestionType.MATCHING: _matching,
}


def grade(version, response) -> Decimal | None:
    """The fraction (0..1) of the points earned by ``response``, or None if it needs manual grading.

    ``version`` is a QuestionVersion (or anything with ``qtype`` and ``data``).
    """
    grader = _GRADERS.get(version.qtype)
    if grader is None:
        return None
    return grader(version.data, response)
