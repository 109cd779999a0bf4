"""Whether a trainee's real name can be printed on a certificate, checked when it is entered.

Printing belongs to certification, which sits above this app: at start-up it registers its glyph
check here (``register_printable_check``), so courses never imports certification. The check is
the very function that refuses issuing and rendering (``certification.fonts.missing_glyphs``),
so a name accepted here is a name a certificate can print, in one typeface.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_checks: list[Callable[[str], list[str]]] = []


def register_printable_check(check: Callable[[str], list[str]]) -> None:
    """Add ``check`` (text -> the characters it cannot print). Idempotent."""
    if check not in _checks:
        _checks.append(check)


def unprintable_characters(name: str) -> list[str]:
    """The characters of ``name`` some registered check cannot print, in order, without repeats."""
    missing: list[str] = []
    for check in _checks:
        missing += [character for character in check(name) if character not in missing]
    return missing


def validate_printable_name(name: str) -> None:
    """Raise ValidationError (code "unprintable"), in the active language, naming the characters."""
    missing = unprintable_characters(name)
    if missing:
        raise ValidationError(
            _(
                "This name has characters that cannot be printed on a certificate: %(characters)s. "
                "Check the name, or ask the training base to add a font that has them."
            ),
            code="unprintable",
            params={"characters": "、".join(f"“{c}”（U+{ord(c):04X}）" for c in missing)},
        )
