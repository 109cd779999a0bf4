import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A token lives this long unless the registrar asks for less; never longer than the maximum.
TOKEN_DEFAULT_DAYS = 90
TOKEN_MAX_DAYS = 365


class ApiScope(models.TextChoices):
    """What a token may do. Each endpoint names the one scope it needs (``token_scope`` on the view)."""

    VERIFY = "verify", _("Verify certificates")
    COHORTS_READ = "cohorts:read", _("Read cohorts and their enrolments")
    ME_READ = "me:read", _("Read the owner's own record")


def default_expiry() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=TOKEN_DEFAULT_DAYS)


class IntegrationToken(models.Model):
    """A bearer token with which an integration acts as its owner, within its scopes and until it
    expires. Requested, accepted and revoked through ``courses.api.services`` (each audited).

    A registrar requests a token for an owner; it stays pending, without any secret, until the owner
    accepts it. The secret is made at acceptance and shown once, to the owner only. Only a SHA-256
    hash of it is stored; ``prefix`` (its first characters) lets people tell tokens apart.
    """

    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. “HR system”.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="integration_tokens",
        help_text=_("The token acts with this account's permissions."),
    )
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    prefix = models.CharField(_("prefix"), max_length=12, blank=True, editable=False)
    # Empty while the token waits for its owner's acceptance.
    secret_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), default=default_expiry)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix or '—'}…)"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        """Usable now: accepted, not revoked, not expired."""
        return self.accepted_at is not None and self.revoked_at is None and not self.is_expired

    @property
    def is_revocable(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    def scope_labels(self) -> list[str]:
        return [str(ApiScope(scope).label) for scope in self.scopes or [] if scope in ApiScope.values]
