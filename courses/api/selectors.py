"""Reads of the API app: tokens."""

import hashlib

from django.db.models import QuerySet

from .models import IntegrationToken

SECRET_PREFIX = "tta_"


def secret_hash(secret: str) -> str:
    """The stored form of a token's secret. Secrets are long and random, so one SHA-256 is enough
    (a password hash's slowness protects guessable passwords, which these are not)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def integration_token_for_secret(secret: str) -> IntegrationToken | None:
    """The accepted, unrevoked token with this secret, its owner loaded; None for an unknown or
    revoked secret. Expiry is for the caller to check (it deserves its own message).

    Read on every request (never cached), so a revocation takes effect on the next request.
    """
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 100:
        return None
    return (
        IntegrationToken.objects.select_related("owner")
        .filter(secret_hash=secret_hash(secret), revoked_at__isnull=True)
        .first()
    )


def integration_token_list(*, owner=None) -> QuerySet[IntegrationToken]:
    """Every token (for registrars), or only ``owner``'s."""
    tokens = IntegrationToken.objects.select_related("owner", "created_by", "revoked_by")
    return tokens if owner is None else tokens.filter(owner=owner)
