"""Encryption of personal data at rest (Fernet: AES-128-CBC with HMAC-SHA256, from `cryptography`).

The key comes from ``settings.TTA_FIELD_ENCRYPTION_KEY``: one or more Fernet keys separated by
commas; the first encrypts, all decrypt, so a key can be rotated. Without it (laptop, tests) a key
is derived from ``SECRET_KEY``, and ``check --deploy`` warns (accounts.W001).
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def configured_keys() -> list[str]:
    return [key.strip() for key in settings.TTA_FIELD_ENCRYPTION_KEY.split(",") if key.strip()]


@cache
def _fernet(keys: tuple[str, ...], secret_key: str) -> MultiFernet:
    if not keys:
        derived = hashlib.sha256(b"tta-field-encryption:" + secret_key.encode()).digest()
        keys = (base64.urlsafe_b64encode(derived).decode(),)
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "TTA_FIELD_ENCRYPTION_KEY must be Fernet keys (32 url-safe base64-encoded bytes), comma-separated."
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(configured_keys()), settings.SECRET_KEY)


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode()
    except InvalidToken as error:
        # Never include the token or any plaintext in the message.
        raise ImproperlyConfigured(
            "An encrypted field could not be decrypted: TTA_FIELD_ENCRYPTION_KEY does not hold its key."
        ) from error
