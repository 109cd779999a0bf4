"""Serial numbers and verification codes.

A serial comes from a pattern such as ``{base}-{year}-{level}-{seq:06}`` → ``TTA-2026-P-000123``.
The running number is drawn from a PostgreSQL sequence per pattern and year, created on demand
(``CREATE SEQUENCE IF NOT EXISTS``): ``nextval`` is never rolled back, so numbers are unique and
never reused; a rolled-back issue leaves a gap, which is allowed. On SQLite (the laptop default)
a counter row locked by the write transaction plays the sequence's part.

The verification code in the QR link is a separate random token (``secrets.token_urlsafe``,
192 bits) so that knowing one serial tells nothing about another certificate's link.
"""

import contextlib
import hashlib
import secrets
import string

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from certification.models import SerialCounter

LEVEL_CODES = {"primary": "P", "intermediate": "I", "advanced": "A"}
_FIELDS = {"base", "year", "level", "seq"}
VERIFICATION_CODE_BYTES = 24  # 192 bits, 32 URL-safe characters


class SerialPatternError(ValueError):
    pass


def validate_pattern(pattern: str) -> None:
    """Raise SerialPatternError, with a message for the registrar in their language, unless
    ``pattern`` uses only known fields, includes ``{seq}`` and formats a serial."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as error:
        raise SerialPatternError(_("The braces do not pair up: write a field as {seq:06}.")) from error
    unknown = set(fields) - _FIELDS
    if unknown:
        raise SerialPatternError(
            _("Unknown fields: %(fields)s. A pattern may use {base}, {year}, {level} and {seq}.")
            % {"fields": ", ".join(f"{{{name}}}" for name in sorted(unknown))}
        )
    if "seq" not in fields:
        raise SerialPatternError(_("The pattern must contain {seq}, the running number."))
    try:
        format_serial(pattern, base="TTA", year=2026, level="primary", seq=1)
    except (ValueError, KeyError, IndexError) as error:
        raise SerialPatternError(
            _("The pattern does not make a serial number (%(error)s). Number formats look like {seq:06}.")
            % {"error": error}
        ) from error


def format_serial(pattern: str, *, base: str, year: int, level: str, seq: int) -> str:
    return pattern.format(base=base, year=year, level=LEVEL_CODES.get(level, level[:1].upper()), seq=seq)


def sequence_name(pattern: str, year: int) -> str:
    """A stable PostgreSQL identifier for one pattern and year."""
    digest = hashlib.sha256(pattern.encode()).hexdigest()[:16]
    return f"tta_serial_{digest}_{year}"


_sequences_created: set[tuple[str, str]] = set()


def next_number(*, pattern: str, year: int) -> int:
    """The next running number for ``pattern`` in ``year``: never on two committed certificates.

    PostgreSQL draws from a sequence (no lock held; a rolled-back issue leaves a gap). Elsewhere a
    counter row, locked until the caller commits, stands in: a rolled-back number is drawn again.
    """
    if connection.vendor == "postgresql":
        name = sequence_name(pattern, year)
        with connection.cursor() as cursor:
            if (connection.settings_dict["NAME"], name) not in _sequences_created:
                # Concurrent CREATE SEQUENCE IF NOT EXISTS can race on the catalogue; a savepoint
                # keeps a loser's error from aborting the caller's transaction.
                with contextlib.suppress(DatabaseError), transaction.atomic():
                    cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {name} START 1")
            cursor.execute("SELECT nextval(%s)", [name])
            number = cursor.fetchone()[0]
        # Once the creating transaction has committed the sequence exists for good (sequences are
        # never dropped): from then on a number costs one round trip. A rolled-back creation is not
        # remembered, so it is created again next time.
        key = (connection.settings_dict["NAME"], name)
        transaction.on_commit(lambda: _sequences_created.add(key))
        return number
    with transaction.atomic():
        counter, _ = SerialCounter.objects.get_or_create(pattern=pattern, year=year)
        SerialCounter.objects.filter(pk=counter.pk).update(value=F("value") + 1)
        counter.refresh_from_db(fields=["value"])
        return counter.value


def next_serial(*, pattern: str, year: int, level: str) -> str:
    base = getattr(settings, "TTA_CERTIFICATE_SERIAL_BASE", "TTA")
    return format_serial(
        pattern, base=base, year=year, level=level, seq=next_number(pattern=pattern, year=year)
    )


def new_verification_code() -> str:
    return secrets.token_urlsafe(VERIFICATION_CODE_BYTES)
