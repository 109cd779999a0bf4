from django.db import models
from django.utils.translation import gettext_lazy as _

# Positions per list: the W3C Bitstring Status List minimum (16 KB), so that fetching a list tells
# the issuer little about which credential is being checked (herd privacy).
STATUS_LIST_SIZE = 131_072


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", _("Revocation")
    SUSPENSION = "suspension", _("Suspension")


def empty_bits() -> bytes:
    return bytes(STATUS_LIST_SIZE // 8)


class StatusList(models.Model):
    """One published bitstring: list ``number`` for one purpose (W3C Bitstring Status List v1.0).

    Bit ``i`` is the left-most bit of byte ``i // 8`` counted from the most significant bit, as
    the specification says. ``version`` counts the changes; ``updated_at`` dates the last one (the
    signed list's ``validFrom``). Each list number exists once per purpose; a certificate has the
    same position in both.
    """

    number = models.PositiveIntegerField()
    purpose = models.CharField(max_length=20, choices=StatusPurpose.choices)
    bits = models.BinaryField(default=empty_bits)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")
        constraints = [
            models.UniqueConstraint(fields=["number", "purpose"], name="one_status_list_per_number_purpose")
        ]

    def __str__(self):
        return f"{self.purpose} {self.number} v{self.version}"


class CertificateStatusEntry(models.Model):
    """A certificate's position in the status lists, drawn once at issue and printed in its credential."""

    certificate = models.OneToOneField(
        "certification.Certificate", on_delete=models.PROTECT, related_name="status_entry"
    )
    list_number = models.PositiveIntegerField()
    index = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("status list entry")
        verbose_name_plural = _("status list entries")
        constraints = [
            models.UniqueConstraint(
                fields=["list_number", "index"], name="one_certificate_per_status_position"
            ),
            models.CheckConstraint(
                condition=models.Q(index__lt=STATUS_LIST_SIZE), name="status_index_within_list"
            ),
        ]

    def __str__(self):
        return f"{self.certificate_id} @ {self.list_number}/{self.index}"
