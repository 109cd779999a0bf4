"""Writes of the API app: requesting, accepting, revoking and touching tokens. Each of the first
three is atomic and writes an entry in the personal-data audit log (a token reads personal data).

The design: a registrar requests a token for an owner (instructors and registrars, who use the
admin), with scopes and an expiry; it does nothing until the owner accepts it. Accepting makes the
secret, shown once to the owner alone, so nobody can mint a token that acts as someone who did not
agree, and the registrar never holds another person's secret. A registrar's request for themselves
is their own agreement. The owner or a registrar may revoke a token at any time.
"""

import datetime
import secrets
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.guards import SYSTEM_ONLY, guarded, owner
from core.roles import is_learning_staff
from courses.accounts.models import AuditAction
from courses.accounts.services import audit_record
from courses.guards import REGISTRAR_IN_PERSON

from .models import TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, ApiScope, IntegrationToken
from .selectors import SECRET_PREFIX, secret_hash

# How stale ``last_used_at`` may get: writing it on every request would cost a write per call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


# The token's owner, in person (they accept or decline what a registrar asked for them).
_TOKEN_OWNER = owner(
    lambda arguments: arguments["token"].owner_id, name="the token's owner", needs_person=True
)


class TokenError(Exception):
    """A token change that cannot be made; the message is for people, in their language."""


def _audit(*, actor, action: AuditAction, token: IntegrationToken, **detail) -> None:
    audit_record(
        actor=actor,
        action=action,
        subject=token.owner,
        detail={"token_id": token.pk, "token_name": token.name, **detail},
    )


def _make_secret(token: IntegrationToken, *, now) -> str:
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token.prefix = secret[: len(SECRET_PREFIX) + 6]
    token.secret_hash = secret_hash(secret)
    token.accepted_at = now
    token.save(update_fields=["prefix", "secret_hash", "accepted_at"])
    return secret


@guarded(REGISTRAR_IN_PERSON)
@transaction.atomic
def integration_token_request(
    *, name: str, owner, scopes: Iterable[str], actor, days: int = TOKEN_DEFAULT_DAYS
) -> tuple[IntegrationToken, str | None]:
    """Request a token for ``owner`` with ``scopes``, valid ``days`` (1 to 365) from now.

    Registrars (and superusers) only (guarded); the owner must be active learning staff (they accept tokens
    in the admin). Returns the token and ``None``: it stays pending until the owner accepts it.
    When the registrar asks for themselves, it is accepted at once and the secret is returned (shown
    once, never stored). Audited: requested (and accepted).
    """
    scopes = sorted(set(scopes))
    if not scopes or not set(scopes) <= set(ApiScope.values):
        raise TokenError(_("Choose at least one scope."))
    if not 1 <= days <= TOKEN_MAX_DAYS:
        raise TokenError(_("A token is valid for 1 to %(max)d days.") % {"max": TOKEN_MAX_DAYS})
    if not is_learning_staff(user=owner):
        raise TokenError(_("A token's owner must be an active instructor or registrar."))
    now = timezone.now()
    token = IntegrationToken.objects.create(
        name=name.strip(),
        owner=owner,
        scopes=scopes,
        created_by=actor,
        expires_at=now + datetime.timedelta(days=days),
    )
    _audit(
        actor=actor,
        action=AuditAction.API_TOKEN_REQUESTED,
        token=token,
        scopes=scopes,
        expires_at=token.expires_at.isoformat(),
    )
    if owner.pk != actor.pk:
        return token, None
    secret = _make_secret(token, now=now)
    _audit(actor=actor, action=AuditAction.API_TOKEN_ACCEPTED, token=token)
    return token, secret


@guarded(_TOKEN_OWNER)
@transaction.atomic
def integration_token_accept(*, token: IntegrationToken, actor) -> tuple[IntegrationToken, str]:
    """The owner accepts a pending token: its secret is made and returned once (never stored).

    The owner only (PermissionDenied otherwise). A token already accepted, revoked or expired
    cannot be accepted (TokenError): a second acceptance never makes a second secret. Audited.
    """
    locked = IntegrationToken.objects.select_for_update(of=("self",)).select_related("owner").get(pk=token.pk)
    if actor is None or locked.owner_id != actor.pk or not actor.is_active:
        raise PermissionDenied
    if locked.accepted_at is not None:
        raise TokenError(_("This token has already been accepted."))
    if locked.revoked_at is not None:
        raise TokenError(_("This token has been revoked."))
    if locked.is_expired:
        raise TokenError(_("This token request has expired; ask a registrar for a new one."))
    secret = _make_secret(locked, now=timezone.now())
    _audit(actor=actor, action=AuditAction.API_TOKEN_ACCEPTED, token=locked)
    return locked, secret


@guarded(_TOKEN_OWNER | REGISTRAR_IN_PERSON)
@transaction.atomic
def integration_token_revoke(*, token: IntegrationToken, actor) -> IntegrationToken:
    """Revoke ``token`` for good (the owner declining a request, too): the next request with it is
    refused. Registrars and the token's owner. Idempotent: the first revocation's time and author
    are kept, and only it is audited."""
    changed = IntegrationToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=actor
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    if changed:
        _audit(
            actor=actor,
            action=AuditAction.API_TOKEN_REVOKED,
            token=token,
            was="active" if token.accepted_at else "pending",
        )
    return token


@guarded(SYSTEM_ONLY)
def integration_token_touch(*, token: IntegrationToken, actor, now=None) -> None:
    """Record that ``token`` was used now, at most once a minute per token (one UPDATE, no lock)."""
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
