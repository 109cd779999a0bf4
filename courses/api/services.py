"""Writes of the API app: making, revoking and touching tokens. Registrars call the first two (admin)."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from courses.selectors import is_registrar

from .models import IntegrationToken
from .selectors import SECRET_PREFIX, secret_hash

# How stale ``last_used_at`` may get: writing it on every request would cost a write per call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


@transaction.atomic
def integration_token_create(*, name: str, owner, actor) -> tuple[IntegrationToken, str]:
    """Make a token for ``owner``; returns it with its secret, which is never stored and cannot be
    shown again. Only registrars (and superusers) may make tokens."""
    if not is_registrar(user=actor):
        raise PermissionDenied
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = IntegrationToken.objects.create(
        name=name.strip(),
        owner=owner,
        prefix=secret[: len(SECRET_PREFIX) + 6],
        secret_hash=secret_hash(secret),
        created_by=actor,
    )
    return token, secret


@transaction.atomic
def integration_token_revoke(*, token: IntegrationToken, actor) -> IntegrationToken:
    """Revoke ``token`` for good: the next request with it is refused. Idempotent (the first
    revocation's time and author are kept). Registrars only."""
    if not is_registrar(user=actor):
        raise PermissionDenied
    IntegrationToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=actor
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    return token


def integration_token_touch(*, token: IntegrationToken, now=None) -> None:
    """Record that ``token`` was used now, at most once a minute per token (one UPDATE, no lock)."""
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
