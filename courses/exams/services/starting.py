"""Starting an attempt: a paper drawn now, or the one a sitting's worker prepared, with its deadline."""

from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.guards import SELF, guarded

from .. import attempt_store, selectors, sitting_selectors
from ..models import Attempt, AttemptEvent, AttemptEventKind, AttemptItem, AttemptStatus, ExamPaper
from .common import ExamError
from .deadlines import _deadline, _schedule_auto_submit
from .papers import draw_items, paper_pool
from .submission import attempt_close_if_overdue


@guarded(SELF, actor="user")
def attempt_start(*, paper: ExamPaper, user, ip: str | None = None) -> Attempt:
    """Start an attempt, or return the one already in progress (a double click starts one attempt).

    Atomic. Fixes the questions, their versions (those the paper was approved with: see
    ``paper_pin_versions``), option order and opaque option values for this attempt; sets the
    server-side deadline and queues the automatic submission for it on commit. Raises
    ExamError (nothing changed) if the paper is unapproved, outside its window, the user is not
    eligible, their attempts are used up, or the paper is sat in sittings and theirs is not open
    for entry (``sitting_selectors.sitting_entry``).

    In a sitting, the paper the worker prepared for the trainee is started: a state change, no
    draw. A trainee without one (enrolled late, or the worker has not reached them) gets a paper
    drawn now, as without sittings. Either way the deadline runs from the trainee's own start and
    is capped by the sitting's close.
    """
    now = timezone.now()
    facts = attempt_store.start_facts_read(paper=paper, user_id=user.pk)  # every fact, one statement
    if facts.open_attempt_id is not None:
        existing = selectors.open_attempt(user=user, paper=paper)
        if existing is not None and not attempt_close_if_overdue(attempt=existing, actor=user):
            return existing
    refusal = selectors.start_refusal_from(
        paper=paper,
        now=now,
        eligible=lambda: selectors.eligible_given_enrolment(user=user, paper=paper, enrolled=facts.enrolled),
        used=lambda: facts.used,
    )
    entry = None if refusal else sitting_selectors.entry_from(every=facts.sittings, paper=paper, now=now)
    if entry is not None:
        refusal = entry.refusal
    if refusal:
        raise ExamError(refusal, code="refused")
    sitting = entry.sitting if entry else None
    extra = facts.extra_minutes
    started = {
        "number": facts.used + 1,
        "started_at": now,
        "extra_minutes": extra,
        "deadline": _deadline(paper=paper, started_at=now, extra_minutes=extra, sitting=sitting),
        "last_ip": ip,
    }
    try:
        attempt = None
        if sitting is not None and sitting.prepared_id is not None:
            attempt = _start_prepared(attempt_id=sitting.prepared_id, fields=started, now=now)
            if attempt is None:  # started by a double click a moment ago, or discarded meanwhile
                attempt = selectors.open_attempt(user=user, paper=paper)
        if attempt is None:
            # Drawn before the transaction: reads only, and the locks are held for less time.
            items = draw_items(pool=paper_pool(paper=paper))
            with transaction.atomic():
                attempt = Attempt.objects.create(
                    paper=paper,
                    user=user,
                    sitting=sitting,
                    max_score=sum((item.points for item in items), Decimal(0)),
                    **started,
                )
                for item in items:
                    item.attempt = attempt
                AttemptItem.objects.bulk_create(items)
                AttemptEvent.objects.create(attempt=attempt, kind=AttemptEventKind.START, ip=ip)
                _schedule_auto_submit(attempt)
    except IntegrityError:
        # Another request started the same attempt a moment ago: both clicks get that one.
        existing = selectors.open_attempt(user=user, paper=paper)
        if existing is None:
            raise
        return existing
    return attempt


def _start_prepared(*, attempt_id: int, fields: dict, now: datetime) -> Attempt | None:
    """Start prepared paper ``attempt_id``: set its start, number and deadline, log the start, queue
    its deadline task on commit. Guarded by its status, so only one request starts it.

    One statement on PostgreSQL (``attempt_store.prepared_start``); through the ORM elsewhere. None
    if it is no longer prepared (started a moment ago, or discarded); nothing drawn either way.
    """
    if attempt_store.is_postgresql():
        attempt = attempt_store.prepared_start(attempt_id=attempt_id, fields=fields, now=now)  # atomic alone
    else:
        with transaction.atomic():
            prepared = Attempt.all_objects.filter(pk=attempt_id, status=AttemptStatus.PREPARED)
            if not prepared.update(status=AttemptStatus.IN_PROGRESS, **fields):
                return None
            attempt = Attempt.objects.get(pk=attempt_id)
            AttemptEvent.objects.create(
                attempt=attempt, kind=AttemptEventKind.START, ip=fields["last_ip"], detail={"prepared": True}
            )
    if attempt is not None:
        _schedule_auto_submit(attempt)
    return attempt
