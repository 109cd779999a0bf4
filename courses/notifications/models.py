"""What a user is told (in the site and by email) and how they want to be told.

A notification stores its kind and language-neutral parameters, not rendered text: the in-site
list shows it in the reader's current language and the email goes out in the recipient's
preferred language (see ``kinds.render``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .kinds import NotificationKind, Rendered, render


class EmailStatus(models.TextChoices):
    NOT_WANTED = "not_wanted", _("Not emailed")
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Notification(models.Model):
    """One thing a user was told. Written by notifications.services.notify, read-marked by its recipient."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    # Values for the kind's text; a value may be a {language code: text} dict (see kinds.localise).
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # Where the notification leads: a URL name and its arguments, reversed in the reader's language.
    link_name = models.CharField(max_length=100, blank=True)
    link_args = models.JSONField(default=list, blank=True)
    # Set for notifications that must reach a recipient once only (e.g. "session:42").
    once_key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email_status = models.CharField(
        _("email status"), max_length=20, choices=EmailStatus.choices, default=EmailStatus.NOT_WANTED
    )
    email_attempts = models.PositiveSmallIntegerField(_("email attempts"), default=0)
    # When the email was last queued (by notify, or again by staff); how long it has been pending.
    email_queued_at = models.DateTimeField(_("email queued at"), null=True, blank=True)
    email_sent_at = models.DateTimeField(_("email sent at"), null=True, blank=True)
    email_error = models.TextField(_("last email error"), blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_recent"),
            models.Index(fields=["recipient", "read_at"], name="notification_recipient_unread"),
            models.Index(fields=["email_status", "email_queued_at"], name="notification_email_state"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "once_key"], condition=~Q(once_key=""), name="one_notification_per_key"
            )
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    def render(self, language: str | None = None) -> Rendered:
        """Title, body and link in ``language`` (the active language by default)."""
        return render(
            kind=self.kind,
            params=self.params,
            link_name=self.link_name,
            link_args=self.link_args,
            language=language or translation.get_language() or settings.LANGUAGE_CODE,
        )


class NotificationEmailRequeue(models.Model):
    """Audit trail: a staff member sent a notification's email again. Written by
    services.notification_email_resend, never edited."""

    notification = models.ForeignKey(
        Notification, verbose_name=_("notification"), on_delete=models.CASCADE, related_name="email_requeues"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    from_status = models.CharField(_("email status before"), max_length=20, choices=EmailStatus.choices)
    # The error that made staff act; the notification's own error is cleared once the email goes out.
    error = models.TextField(_("last email error"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification email sent again")
        verbose_name_plural = _("notification emails sent again")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.notification_id} by {self.actor_id} at {self.created_at:%Y-%m-%d %H:%M}"


class NotificationPreference(models.Model):
    """A user's choices: the language of their emails and the kinds they do not want by email.

    Without a row, emails are in the site's default language (Chinese) and every kind is emailed.
    The in-site list always shows every notification.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    language = models.CharField(
        _("language of emails"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Kinds (NotificationKind values) the user does not want by email; new kinds are emailed.
    email_muted = models.JSONField(_("kinds not emailed"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user_id} {self.language}"

    def emails(self, kind: str) -> bool:
        return kind not in self.email_muted
