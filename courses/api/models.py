from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IntegrationToken(models.Model):
    """A bearer token with which an integration acts as its owner. Made and revoked through
    ``courses.api.services``.

    Only a SHA-256 hash of the secret is stored: the secret is shown once, when it is made, and
    cannot be read back. ``prefix`` (the secret's first characters) lets people tell tokens apart.
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
    prefix = models.CharField(_("prefix"), max_length=12, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
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
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
