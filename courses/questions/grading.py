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
A response of the wrong shape scores 0: grading never raises on what a trainee sent (huge or
infinite numbers, nulls, nested JSON, unknown option indexes). Should a grader still fail, ``grade``
logs it and returns ``None``: a person grades that answer, and the attempt can still be submitted.
Short-answer wildcards are matched without regular expressions, in time linear in the response.
"""

import decimal
import logging
import unicodedata
from decimal import Decimal

from .models import QuestionType
from .schema import normalise_text, parse_decimal

logger = logging.getLogger(__name__)
ZERO = Decimal(0)
ONE = Decimal(1)
# Arithmetic on a trainee's number: no trap (1e999999999 minus 5 is Infinity, not an exception).
_NUMBER_CONTEXT = decimal.Context(prec=34, traps=[])


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def _as_index(value) -> int | None:
    if isinstance(value, bool):
        return None
    if not isinstance(value, int | float | str):
        return None  # lists, dicts, Decimals (int() of Decimal("1e999999999") would take forever)
    try:
        return int(value)
    except (OverflowError, TypeError, ValueError):  # inf, nan, "abc", a string of 5,000 digits
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


# The substring search of ``wildcard_match`` (a seam for tests that count the searches).
_find = str.find


def wildcard_match(pattern: str, text: str) -> bool:
    """Whether ``text`` matches ``pattern`` as a whole, where ``*`` stands for any run of characters.

    Linear in the text: the parts between stars are found left to right, each once (the leftmost
    place of a part never rules out a match that a later place would allow), the first part at the
    start and the last at the end; nothing backtracks, unlike a regular expression.
    """
    parts = pattern.split("*")
    if len(parts) == 1:
        return pattern == text
    first, *middle, last = parts
    if len(first) + len(last) > len(text) or not text.startswith(first) or not text.endswith(last):
        return False
    position, end = len(first), len(text) - len(last)
    for part in middle:
        if not part:
            continue
        found = _find(text, part, position, end)
        if found < 0:
            return False
        position = found + len(part)
    return True


def short_answer_match(data: dict, response) -> dict | None:
    """The first accepted answer the response matches (Moodle's rule), or None."""
    if not isinstance(response, str | int | float) or isinstance(response, bool):
        return None  # null, lists, objects: not something typed
    case_sensitive = data.get("case_sensitive", False)
    given = normalise_text(response, case_sensitive=case_sensitive)
    if not given:
        return None
    for answer in data["answers"]:
        if wildcard_match(normalise_text(answer["text"], case_sensitive=case_sensitive), given):
            return answer
    return None


def _short_answer(data: dict, response) -> Decimal:
    answer = short_answer_match(data, response)
    return _clamp(Decimal(answer["fraction"])) if answer else ZERO


def numerical_match(data: dict, response) -> dict | None:
    """The first answer whose value ± tolerance contains the response, or None.

    Any finite number is compared, however large or small its exponent (``1e999999999`` is simply
    far from every answer); infinities, NaN and anything that is not a number match nothing."""
    if not isinstance(response, str | int | float | Decimal) or isinstance(response, bool):
        return None
    try:
        number = parse_decimal(unicodedata.normalize("NFKC", str(response)))
    except ValueError:  # str() of an int with more digits than Python converts
        return None
    if number is None:
        return None
    for answer in data["answers"]:
        if answer["value"] == "*":
            return answer
        distance = _NUMBER_CONTEXT.abs(_NUMBER_CONTEXT.subtract(number, Decimal(answer["value"])))
        if distance.is_finite() and distance <= Decimal(answer["tolerance"]):
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
    # Only typed answers count: a null, list or object chosen for a pair is simply wrong.
    chosen = {str(key): value for key, value in response.items() if isinstance(value, str | int | float)}
    prompted = [(index, pair) for index, pair in enumerate(pairs) if pair["prompt"]]
    right = sum(
        1
        for index, pair in prompted
        if str(index) in chosen
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

    ``version`` is a QuestionVersion (or anything with ``qtype`` and ``data``). Never raises on the
    response: a grader that fails anyway is logged and the answer left to a person (``None``).
    """
    grader = _GRADERS.get(version.qtype)
    if grader is None:
        return None
    try:
        return grader(version.data, response)
    except Exception:
        logger.exception("could not grade a %s response; a person will grade it", version.qtype)
        return None
