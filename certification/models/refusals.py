from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from certification.fonts import unprintable_message


class AutoIssueRefusal(models.Model):
    """Why the automatic issuing sweep could not issue a trainee's certificate that the rule says
    they earned: an unprintable name, or an unexpected error. One row per trainee and program,
    updated at each sweep; shown to registrars on the certificates page, and removed once the
    certificate is issued. Written by ``certification.services.issuing`` only.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("trainee")
    )
    program = models.ForeignKey(
        "cms.ProgramPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    # The characters no font can draw, when that is the cause; else the error, for the developers.
    characters = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    first_refused_at = models.DateTimeField(auto_now_add=True)
    last_refused_at = models.DateTimeField()
    times = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("automatic issuing refusal")
        verbose_name_plural = _("automatic issuing refusals")
        ordering = ["-last_refused_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "program"], name="one_auto_issue_refusal_per_program")
        ]

    def __str__(self):
        return f"{self.user_id} {self.program_id}"

    def explanation(self) -> str:
        """Why, in the active language (the registrar's)."""
        if self.characters:
            return unprintable_message(self.characters, language=None)
        return gettext("Issuing failed unexpectedly (%(error)s); the next sweep tries again.") % {
            "error": self.error
        }
