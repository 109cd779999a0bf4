"""The type-specific part of a question version (``QuestionVersion.data``), checked in plain Python.

``validate_data(qtype, data)`` returns the normalised dict or raises ``DataError`` listing every
problem, in the active language. Shapes, by type (fractions are decimal strings, 1 = full credit):

- single_choice / multiple_choice: ``{"options": [{"text", "fraction", "feedback"}], "shuffle": bool}``
  single choice needs an option worth 1; multiple choice needs its positive fractions to add up to 1
  (negative fractions down to -1 penalise wrong picks).
- true_false: ``{"correct": bool, "feedback_true": str, "feedback_false": str}`` (feedback shown
  for the answer *given*, as in Moodle).
- short_answer: ``{"answers": [{"text", "fraction", "feedback"}], "case_sensitive": bool}``; ``*`` in an
  answer matches any characters.
- numerical: ``{"answers": [{"value", "tolerance", "fraction", "feedback"}]}``; value ``"*"`` matches any number.
- matching: ``{"pairs": [{"prompt", "answer"}], "shuffle": bool}``; a pair with an empty prompt is an
  extra wrong answer (distractor).
- essay: ``{"grader_info": str, "response_template": str}``
- case_analysis: ``{"grader_info": str, "rubric": [{"criterion", "points", "description"}]}``;
  points to two decimal places, as every score is kept.

No two options, accepted answers (short answers alike as the grading compares them; numbers with
the same value and tolerance) or matching prompts may be the same; a distractor's answer may not
repeat another pair's answer (the trainee's list shows each answer once).
"""

import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import QuestionType

FULL = Decimal(1)
# Points (rubric criteria) have two decimal places, as every score and mark does.
POINTS_PLACES = Decimal("0.01")
# Moodle writes thirds as 33.33333 %: sums within this of 1 count as 1.
FRACTION_SUM_SLACK = Decimal("0.0001")


class DataError(ValueError):
    """Every problem found: ``messages`` in the active language; ``problems`` pairs each with where in
    ``data`` it is (a path such as ``("options", 1, "text")``; ``()`` for the whole), so an editor can
    show it at the field that is wrong."""

    def __init__(self, messages: list[str], locations: list[tuple] | None = None):
        self.messages = list(messages)
        self.problems = list(zip(locations or [()] * len(messages), self.messages, strict=True))
        super().__init__("; ".join(self.messages))


class _Problems(list):
    """Messages with the location each points at (see ``DataError.problems``)."""

    def __init__(self):
        super().__init__()
        self.locations: list[tuple] = []

    def add(self, location: tuple, message: str) -> None:
        self.append(message)
        self.locations.append(location)


def decimal_text(value: Decimal) -> str:
    """A Decimal as a short, exact string without exponent: 1, 0.5, -0.3333333, 100."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", ""} else text


# Numbers a question stores (points, grades, values, tolerances) lie within 10^±12: wider than any
# question needs, and far inside what Decimal can normalise (1e9999999 overflows it: a 500 before).
MAX_MAGNITUDE_EXPONENT = 12


def parse_decimal(value) -> Decimal | None:
    """A finite number within 10^±12 (zero included), or None: the caller says at its field why."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ArithmeticError, ValueError):
        return None
    if not number.is_finite():
        return None
    if number and abs(number.adjusted()) > MAX_MAGNITUDE_EXPONENT:
        return None
    return number


def normalise_text(text: str, *, case_sensitive: bool) -> str:
    """Full-width to half-width (NFKC), runs of whitespace to one space, ends trimmed, case folded:
    how the grading compares a typed answer, and how duplicates are found here."""
    text = " ".join(unicodedata.normalize("NFKC", str(text)).split())
    return text if case_sensitive else text.casefold()


def _refuse_duplicates(
    entries: list[dict],
    key: Callable[[dict], object],
    where: Callable[[int], str],
    errors: _Problems,
    at: tuple[str, str],
    *,
    seen: dict | None = None,
) -> None:
    """An error at field ``at = (rows key, field)`` of each row whose ``key`` repeats an earlier row's,
    or one of ``seen`` (``{key: row index}``), naming both rows. A falsy key is no key."""
    first = dict(seen or {})
    for index, entry in enumerate(entries):
        value = key(entry)
        if not value:
            continue
        if value in first:
            errors.add(
                (at[0], index, at[1]),
                _("%(where)s: the same as %(other)s.")
                % {"where": where(index), "other": where(first[value])},
            )
        else:
            first[value] = index


def _option_where(index: int) -> str:
    return _("option %(number)s") % {"number": index + 1}


def _answer_where(index: int) -> str:
    return _("answer %(number)s") % {"number": index + 1}


def _pair_where(index: int) -> str:
    return _("pair %(number)s") % {"number": index + 1}


def _fraction(raw, where: str, errors: _Problems, at: tuple) -> str:
    number = parse_decimal(raw)
    if number is None or not (-FULL <= number <= FULL):
        errors.add(
            at,
            _("%(where)s: grade %(value)s is not between -100%% and 100%%.") % {"where": where, "value": raw},
        )
        return "0"
    return decimal_text(number.quantize(Decimal("0.0000001")))


def _text(raw, where: str, errors: _Problems, at: tuple, *, required: bool = True) -> str:
    text = "" if raw is None else str(raw).strip()
    if required and not text:
        errors.add(at, _("%(where)s: the text is empty.") % {"where": where})
    return text


def _options(data: dict, errors: _Problems) -> list[dict]:
    options = []
    for number, raw in enumerate(data.get("options") or [], start=1):
        where, at = _option_where(number - 1), ("options", number - 1)
        raw = raw if isinstance(raw, dict) else {"text": raw}
        options.append(
            {
                "text": _text(raw.get("text"), where, errors, (*at, "text")),
                "fraction": _fraction(raw.get("fraction", "0"), where, errors, (*at, "fraction")),
                "feedback": _text(raw.get("feedback"), where, errors, (*at, "feedback"), required=False),
            }
        )
    _refuse_duplicates(
        options,
        lambda option: normalise_text(option["text"], case_sensitive=False),
        _option_where,
        errors,
        ("options", "text"),
    )
    if len(options) < 2:
        errors.add(("options",), _("A choice question needs at least two options."))
    return options


def _choice(data: dict, errors: _Problems, *, multiple: bool) -> dict:
    options = _options(data, errors)
    fractions = [Decimal(option["fraction"]) for option in options]
    if options and not multiple and FULL not in fractions:
        errors.add(("options",), _("No option is marked correct (worth 100%)."))
    if options and multiple:
        positive = sum((f for f in fractions if f > 0), Decimal(0))
        if positive == 0:
            errors.add(("options",), _("No option is marked correct."))
        elif abs(positive - FULL) > FRACTION_SUM_SLACK:
            errors.add(
                ("options",),
                _("The correct options add up to %(total)s%%; they must add up to 100%%.")
                % {"total": decimal_text((positive * 100).quantize(Decimal("0.01")))},
            )
    return {"options": options, "shuffle": bool(data.get("shuffle", True))}


def _true_false(data: dict, errors: _Problems) -> dict:
    correct = data.get("correct")
    if not isinstance(correct, bool):
        errors.add(("correct",), _("A true/false question needs its correct answer: true or false."))
        correct = False
    return {
        "correct": correct,
        "feedback_true": _text(data.get("feedback_true"), "", errors, ("feedback_true",), required=False),
        "feedback_false": _text(data.get("feedback_false"), "", errors, ("feedback_false",), required=False),
    }


def _needs_full_credit(entries: list[dict], errors: _Problems) -> None:
    if not entries:
        errors.add(("answers",), _("The question has no answer."))
    elif not any(Decimal(entry["fraction"]) == FULL for entry in entries):
        errors.add(("answers",), _("No answer is worth 100%."))


def _short_answer(data: dict, errors: _Problems) -> dict:
    answers = []
    for number, raw in enumerate(data.get("answers") or [], start=1):
        where, at = _answer_where(number - 1), ("answers", number - 1)
        raw = raw if isinstance(raw, dict) else {"text": raw, "fraction": "1"}
        answers.append(
            {
                "text": _text(raw.get("text"), where, errors, (*at, "text")),
                "fraction": _fraction(raw.get("fraction", "1"), where, errors, (*at, "fraction")),
                "feedback": _text(raw.get("feedback"), where, errors, (*at, "feedback"), required=False),
            }
        )
    case_sensitive = bool(data.get("case_sensitive", False))
    _refuse_duplicates(
        answers,
        lambda answer: normalise_text(answer["text"], case_sensitive=case_sensitive),
        _answer_where,
        errors,
        ("answers", "text"),
    )
    _needs_full_credit(answers, errors)
    return {"answers": answers, "case_sensitive": case_sensitive}


def _numerical(data: dict, errors: _Problems) -> dict:
    answers = []
    for number, raw in enumerate(data.get("answers") or [], start=1):
        where, at = _answer_where(number - 1), ("answers", number - 1)
        raw = raw if isinstance(raw, dict) else {"value": raw}
        value_raw = str(raw.get("value", "")).strip()
        if value_raw == "*":
            value = "*"
        else:
            parsed = parse_decimal(value_raw)
            if parsed is None:
                errors.add(
                    (*at, "value"),
                    _("%(where)s: %(value)s is not a number.") % {"where": where, "value": value_raw or '""'},
                )
            value = decimal_text(parsed) if parsed is not None else "0"
        tolerance = parse_decimal(raw.get("tolerance", "0") or "0")
        if tolerance is None or tolerance < 0:
            errors.add(
                (*at, "tolerance"),
                _("%(where)s: the tolerance must be a number of zero or more.") % {"where": where},
            )
            tolerance = Decimal(0)
        answers.append(
            {
                "value": value,
                "tolerance": decimal_text(tolerance),
                "fraction": _fraction(raw.get("fraction", "1"), where, errors, (*at, "fraction")),
                "feedback": _text(raw.get("feedback"), where, errors, (*at, "feedback"), required=False),
            }
        )
    # The same value with another tolerance is another answer (a wider one for part of the points).
    _refuse_duplicates(
        answers,
        lambda answer: (answer["value"], answer["tolerance"]),
        _answer_where,
        errors,
        ("answers", "value"),
    )
    _needs_full_credit(answers, errors)
    return {"answers": answers}


def _matching(data: dict, errors: _Problems) -> dict:
    pairs = []
    for number, raw in enumerate(data.get("pairs") or [], start=1):
        where, at = _pair_where(number - 1), ("pairs", number - 1)
        raw = raw if isinstance(raw, dict) else {}
        pairs.append(
            {
                "prompt": _text(raw.get("prompt"), where, errors, (*at, "prompt"), required=False),
                "answer": _text(raw.get("answer"), where, errors, (*at, "answer")),
            }
        )
    _refuse_duplicates(
        pairs,
        lambda pair: normalise_text(pair["prompt"], case_sensitive=False),
        _pair_where,
        errors,
        ("pairs", "prompt"),
    )

    # Prompts may share an answer; an extra wrong answer (a pair without a prompt) must be a new one.
    def answer(pair):
        return normalise_text(pair["answer"], case_sensitive=False)

    prompted = {}
    for index, pair in enumerate(pairs):
        if pair["prompt"]:
            prompted.setdefault(answer(pair), index)
    _refuse_duplicates(
        pairs,
        lambda pair: "" if pair["prompt"] else answer(pair),
        _pair_where,
        errors,
        ("pairs", "answer"),
        seen=prompted,
    )
    if sum(1 for pair in pairs if pair["prompt"]) < 2:
        errors.add(("pairs",), _("A matching question needs at least two pairs."))
    return {"pairs": pairs, "shuffle": bool(data.get("shuffle", True))}


def _essay(data: dict, errors: _Problems) -> dict:
    return {
        "grader_info": _text(data.get("grader_info"), "", errors, ("grader_info",), required=False),
        "response_template": _text(
            data.get("response_template"), "", errors, ("response_template",), required=False
        ),
    }


def _case_analysis(data: dict, errors: _Problems) -> dict:
    rubric = []
    for number, raw in enumerate(data.get("rubric") or [], start=1):
        where, at = _("criterion %(number)s") % {"number": number}, ("rubric", number - 1)
        raw = raw if isinstance(raw, dict) else {}
        points = parse_decimal(raw.get("points"))
        if points is None or points <= 0:
            errors.add(
                (*at, "points"), _("%(where)s: the points must be a number above zero.") % {"where": where}
            )
            points = Decimal(0)
        elif points != points.quantize(POINTS_PLACES):
            errors.add(
                (*at, "points"),
                _("%(where)s: points have at most two decimal places.") % {"where": where},
            )
        rubric.append(
            {
                "criterion": _text(raw.get("criterion"), where, errors, (*at, "criterion")),
                "points": decimal_text(points),
                "description": _text(
                    raw.get("description"), where, errors, (*at, "description"), required=False
                ),
            }
        )
    if not rubric:
        errors.add(("rubric",), _("A case analysis needs a rubric with at least one criterion."))
    return {
        "grader_info": _text(data.get("grader_info"), "", errors, ("grader_info",), required=False),
        "rubric": rubric,
    }


_VALIDATORS = {
    QuestionType.SINGLE_CHOICE: lambda data, errors: _choice(data, errors, multiple=False),
    QuestionType.MULTIPLE_CHOICE: lambda data, errors: _choice(data, errors, multiple=True),
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.SHORT_ANSWER: _short_answer,
    QuestionType.NUMERICAL: _numerical,
    QuestionType.MATCHING: _matching,
    QuestionType.ESSAY: _essay,
    QuestionType.CASE_ANALYSIS: _case_analysis,
}


def validate_data(qtype: str, data) -> dict:
    """Check ``data`` for a question of type ``qtype``; return it normalised or raise DataError."""
    if qtype not in _VALIDATORS:
        raise DataError([_("Unknown question type: %(type)s.") % {"type": qtype}])
    if not isinstance(data, dict):
        raise DataError([_("The answer data must be an object.")])
    errors = _Problems()
    clean = _VALIDATORS[qtype](data, errors)
    if errors:
        raise DataError(list(errors), errors.locations)
    return clean


def rubric_total(data: dict) -> Decimal:
    return sum((Decimal(item["points"]) for item in data.get("rubric", [])), Decimal(0))


def rubric_problems(data: dict, points) -> list[tuple[tuple, str]]:
    """A case analysis' rubric must share out exactly the question's points: the editor's check
    (``DataError.problems`` shape). Imported questions keep their rubric as the file gave it."""
    total, marks = rubric_total(data), parse_decimal(points)
    if not data.get("rubric") or marks is None or total == marks:
        return []
    return [
        (
            ("rubric",),
            _("The criteria add up to %(total)s points; they must add up to the question's %(points)s.")
            % {"total": decimal_text(total), "points": decimal_text(marks)},
        )
    ]
