"""Identity documents: the kinds a trainee may hold, checking their numbers, and masking them."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentityDocumentType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("Resident identity card")
    PASSPORT = "passport", _("Passport")
    HK_MACAO_PERMIT = "hk_macao_permit", _("Mainland travel permit for Hong Kong and Macao residents")
    TAIWAN_PERMIT = "taiwan_permit", _("Mainland travel permit for Taiwan residents")
    OTHER = "other", _("Other")


_RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_ID_CHECK = "10X98765432"
_OTHER_DOCUMENT = re.compile(r"^[A-Z0-9()\-]{5,30}$")


def normalise_identity_number(value: str) -> str:
    """Upper case, without spaces: how numbers are typed varies, how they are stored does not."""
    return re.sub(r"\s+", "", value or "").upper()


def resident_id_check_character(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _RESIDENT_ID_WEIGHTS, strict=True))
    return _RESIDENT_ID_CHECK[total % 11]


def validate_resident_id(number: str) -> None:
    """An 18-character resident identity number (GB 11643): digits, a real birth date, a valid check character."""
    if len(number) != 18:
        raise ValidationError(
            _("A resident identity card number has 18 characters; this one has %(length)d."),
            code="length",
            params={"length": len(number)},
        )
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise ValidationError(
            _("A resident identity card number is 17 digits followed by a digit or the letter X."),
            code="characters",
        )
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        birth = None
    if birth is None or birth.year < 1900 or birth > datetime.date.today():
        raise ValidationError(
            _("The birth date in this identity card number (characters 7 to 14) is not a real date."),
            code="birth_date",
        )
    if resident_id_check_character(number[:17]) != number[17]:
        raise ValidationError(
            _("This identity card number is not valid: its last character does not match. Please check it."),
            code="checksum",
        )


def validate_identity_number(*, document_type: str, number: str) -> None:
    if document_type == IdentityDocumentType.RESIDENT_ID:
        validate_resident_id(number)
    elif not _OTHER_DOCUMENT.fullmatch(number):
        raise ValidationError(
            _("A document number has 5 to 30 letters and digits."),
            code="format",
        )


def mask_identity_number(number: str) -> str:
    """The first four and last four characters, eight stars between (``3101********1234``).

    The number of stars is fixed so the mask does not tell the length; short numbers keep less.
    """
    if not number:
        return ""
    if len(number) >= 12:
        return f"{number[:4]}********{number[-4:]}"
    if len(number) >= 6:
        return f"{number[:1]}********{number[-1:]}"
    return "********"
