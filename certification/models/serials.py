from django.db import models


class SerialCounter(models.Model):
    """The running number of one serial pattern in one year, for databases without sequences (SQLite).

    PostgreSQL draws numbers from real sequences instead (see certification.serials).
    """

    pattern = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField()
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pattern", "year"], name="one_counter_per_pattern_year")
        ]

    def __str__(self):
        return f"{self.pattern} {self.year}: {self.value}"
