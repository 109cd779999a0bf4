"""What every exam service shares: the refusal (``ExamError``), the examinee rule, and the attempt's row lock.

A leaf of the package: it imports no other service module, so each of them can use it.
"""

from decimal import Decimal

from core.guards import owner

from ..models import Attempt, AttemptEvent, AttemptEventKind

TWO_PLACES = Decimal("0.01")


class ExamError(Exception):
    """A refusal with a message for the user, in their language. Nothing was changed."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


# The trainee on their own attempt (the views look it up by owner; the guard says so again).
_ATTEMPT_OWNER = owner(lambda arguments: arguments["attempt"].user_id, name="the examinee")


def _attempt_user_id(arguments) -> int | None:
    return Attempt.objects.filter(pk=arguments["attempt_id"]).values_list("user_id", flat=True).first()


def _locked_attempt(attempt_id: int, *, with_paper: bool = True) -> Attempt:
    # Only the attempt's row is locked: without of=("self",) PostgreSQL would lock the joined paper row
    # too, and every submission and grade of the paper would wait for each other.
    attempts = Attempt.objects.select_for_update(no_key=True, of=("self",))
    return (attempts.select_related("paper") if with_paper else attempts).get(pk=attempt_id)


def _note_ip(attempt: Attempt, ip: str | None) -> None:
    if ip and attempt.last_ip and ip != attempt.last_ip:
        AttemptEvent.objects.create(
            attempt=attempt, kind=AttemptEventKind.IP_CHANGE, ip=ip, detail={"previous": attempt.last_ip}
        )
    if ip and ip != attempt.last_ip:
        attempt.last_ip = ip
        Attempt.objects.filter(pk=attempt.pk).update(last_ip=ip)
