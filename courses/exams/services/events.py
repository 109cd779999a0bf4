"""What a browser reports about an attempt in progress (focus lost, resume): checked, bounded, logged."""

import json

from django.db import transaction
from django.utils.translation import gettext as _

from core.guards import guarded

from ..models import Attempt, AttemptEvent, AttemptEventKind, AttemptStatus
from .common import _ATTEMPT_OWNER, ExamError, _locked_attempt, _note_ip

# What a browser may report about one attempt: a small detail (e.g. {"via": "blur"}), and a
# bounded number of reports (a trainee switching windows all exam long stays far below it).
MAX_EVENT_DETAIL_CHARS = 500
MAX_BROWSER_EVENTS_PER_ATTEMPT = 300
BROWSER_EVENT_KINDS = frozenset({AttemptEventKind.FOCUS_LOST, AttemptEventKind.RESUME})


@guarded(_ATTEMPT_OWNER)
def attempt_log_event(
    *, attempt: Attempt, kind: str, actor, ip: str | None = None, detail: dict | None = None
) -> None:
    """Record a browser-reported event (focus loss, resume) on an attempt in progress.

    Atomic: the attempt row is locked, so an event racing the submission is either recorded before
    it or refused after it. Refuses (ExamError, nothing recorded) an unknown kind (``invalid``), an
    attempt already submitted (``closed``), a detail longer than ``MAX_EVENT_DETAIL_CHARS`` as JSON
    (``too_large``) and, past ``MAX_BROWSER_EVENTS_PER_ATTEMPT`` events, any more (``too_many``).
    """
    if kind not in BROWSER_EVENT_KINDS:
        raise ExamError(_("Unknown event."))
    detail = detail or {}
    if not isinstance(detail, dict) or len(json.dumps(detail, ensure_ascii=False)) > MAX_EVENT_DETAIL_CHARS:
        raise ExamError(_("The event report is too large."), code="too_large")
    with transaction.atomic():
        locked = _locked_attempt(attempt.pk, with_paper=False)
        if locked.status != AttemptStatus.IN_PROGRESS:
            raise ExamError(_("This exam has been submitted; events are no longer recorded."), code="closed")
        if locked.events.filter(kind__in=BROWSER_EVENT_KINDS).count() >= MAX_BROWSER_EVENTS_PER_ATTEMPT:
            raise ExamError(_("Too many events were reported for this attempt."), code="too_many")
        AttemptEvent.objects.create(attempt=locked, kind=kind, ip=ip, detail=detail)
        _note_ip(locked, ip)
