"""Reading JSON that a browser or a script sent: only what a database and a grader can take.

Python's ``json`` accepts ``NaN`` and ``Infinity``, which no JSON column stores (a 500 on
PostgreSQL), and a string may hold U+0000, which PostgreSQL's text and jsonb refuse. Such a body
is not a trainee's answer; it is refused as unreadable, like any other malformed request.
"""

import json
from typing import Any

MAX_DEPTH = 32


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):  # 1e999 overflows to infinity
        raise ValueError(f"{text} is not a finite number")
    return value


def _check(value: Any, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("a string holds U+0000")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key, depth + 1)
            _check(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check(item, depth + 1)


def json_loads_untrusted(raw: bytes | str, *, empty: Any = None) -> Any:
    """Parse ``raw`` as strict JSON: ValueError for NaN/Infinity (also 1e999), U+0000 in any string or key,
    nesting deeper than ``MAX_DEPTH``, or anything else ``json.loads`` refuses (UnicodeDecodeError
    is a ValueError too). An empty body gives ``empty``."""
    if not raw:
        return empty
    try:
        value = json.loads(raw, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError as error:
        raise ValueError("nested too deeply") from error
    _check(value)
    return value


def declared_length(request) -> int:
    """The body length the client declared (``Content-Length``), 0 if absent or unreadable: checked
    before the body is read, so an oversized request is refused without reading it."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0
