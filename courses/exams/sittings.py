"""Writes of sittings (考试场次): preparing every expected examinee's paper before the sitting opens.

A worker draws each paper once, with the draw of every attempt (``services.draw_items``), and
stores it as an ``Attempt`` in the ``PREPARED`` status with its items; starting it is then a state
change (``services.attempt_start``). Prepared papers are not attempts: the default manager leaves
them out of every count, report, export and grading queue (``models.StartedAttemptManager``).

Assembly runs when a registrar saves a sitting, when the paper is approved again (its questions may
have changed: prepared papers are drawn again), and from the beat sweep for sittings opening soon
(late enrolments). It is chunked and idempotent: each chunk locks the sitting row and prepares only
the examinees who have no paper in the sitting yet, so a redelivered or concurrent run adds nothing.
"""

import itertools
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dispatch import dispatch
from core.guards import SYSTEM_ONLY, guarded, permission

from . import services, sitting_selectors
from .models import (
    AssemblyStatus,
    Attempt,
    AttemptItem,
    AttemptStatus,
    ExamPaper,
    Sitting,
    SittingDelivery,
    SittingRoom,
)

logger = logging.getLogger(__name__)
ASSEMBLY_CHUNK = 100  # examinees per transaction


def _queue_assembly(sitting_id: int) -> None:
    # robust: saved anyway; the beat sweep assembles the sitting before it opens. Named by path:
    # tasks import this module, not the other way round (core.dispatch).
    dispatch("courses.exams.tasks.sitting_assemble_task", sitting_id, robust=True)


@guarded(permission("exams.change_sitting"))
def sitting_schedule(*, sitting: Sitting, actor) -> None:
    """What follows a registrar's save of a sitting: its papers are assembled by a worker (on commit)."""
    _queue_assembly(sitting.pk)


@guarded(SYSTEM_ONLY)
def sittings_paper_published(*, paper: ExamPaper, actor) -> int:
    """The paper was approved again: papers prepared from its earlier version are discarded and drawn
    again for its sittings that are still to be entered. Returns how many were discarded."""
    now = timezone.now()
    sittings = list(sitting_selectors.sittings_to_enter(now=now).filter(paper=paper))
    if not sittings:
        return 0
    discarded = _discard(Attempt.all_objects.filter(sitting__in=sittings))
    Sitting.objects.filter(pk__in=[s.pk for s in sittings]).update(assembly_status=AssemblyStatus.SCHEDULED)
    for sitting in sittings:
        _queue_assembly(sitting.pk)
    return discarded


def _discard(prepared: QuerySet[Attempt]) -> int:
    """Delete the papers of ``prepared`` that are still prepared when deleted; returns how many.

    Django's collector deletes by id the rows it selected: a paper started between that select
    and the delete would go with its answers. So the rows are first locked while still prepared
    (a start waits for the lock, then finds no prepared paper and draws one; a paper started
    before the lock is not selected), and the delete names their ids and the status again.
    """
    with transaction.atomic():
        ids = list(
            prepared.filter(status=AttemptStatus.PREPARED)
            .select_for_update(of=("self",))
            .values_list("pk", flat=True)
        )
        if not ids:
            return 0
        discarded, _kinds = Attempt.all_objects.filter(pk__in=ids, status=AttemptStatus.PREPARED).delete()
    return discarded


def _set_status(sitting_id: int, status: str, *, note: str = "", assembled: bool = False) -> None:
    fields = {"assembly_status": status, "assembly_note": note}
    if assembled:
        fields["assembled_at"] = timezone.now()
    Sitting.objects.filter(pk=sitting_id).update(**fields)


def _seats(sitting: Sitting, count: int) -> list[SittingRoom | None]:
    """Rooms for ``count`` more examinees, filling each room in order; None when no seat is left (or online)."""
    rooms = (
        list(sitting.rooms.order_by("sort_order", "pk")) if sitting.delivery == SittingDelivery.ROOMS else []
    )
    if not rooms:
        return [None] * count
    taken = dict(
        Attempt.all_objects.filter(sitting=sitting, room__isnull=False)
        .values("room_id")
        .annotate(n=Count("pk"))
        .values_list("room_id", "n")
        .order_by()
    )
    seats = itertools.chain.from_iterable(
        itertools.repeat(room, max(room.capacity - taken.get(room.pk, 0), 0)) for room in rooms
    )
    return [next(seats, None) for _ in range(count)]


def _prepare_chunk(*, sitting: Sitting, pool: services.PaperPool, user_ids: list[int]) -> int:
    """Prepare the papers of ``user_ids`` who have none in the sitting yet. Atomic; returns how many."""
    with transaction.atomic():
        # Runs of the same sitting (a redelivery, the sweep and a save) take turns here.
        Sitting.objects.select_for_update().filter(pk=sitting.pk).values_list("pk").first()
        taken = set(
            Attempt.all_objects.filter(sitting=sitting, user_id__in=user_ids).values_list(
                "user_id", flat=True
            )
        )
        users = [user_id for user_id in user_ids if user_id not in taken]
        attempts, drawn = [], []
        for user_id, room in zip(users, _seats(sitting, len(users)), strict=True):
            items = services.draw_items(pool=pool)
            attempts.append(
                Attempt(
                    paper_id=sitting.paper_id,
                    user_id=user_id,
                    number=0,
                    status=AttemptStatus.PREPARED,
                    sitting=sitting,
                    room=room,
                    max_score=sum(item.points for item in items),
                )
            )
            drawn.append(items)
        Attempt.all_objects.bulk_create(attempts)
        for attempt, items in zip(attempts, drawn, strict=True):
            for item in items:
                item.attempt = attempt
        AttemptItem.objects.bulk_create(itertools.chain.from_iterable(drawn), batch_size=1000)
    return len(attempts)


@guarded(SYSTEM_ONLY)
def sitting_assemble(*, sitting_id: int, actor, time_budget: float | None = None) -> int:
    """Prepare a paper for every expected examinee of the sitting who has none; discard those nobody
    expected will start. Returns how many examinees are left for another run (0 when done).

    Idempotent and safe to run concurrently or again after a crash: chunks of ``ASSEMBLY_CHUNK``
    examinees, each in its own transaction under the sitting's row lock, each preparing only who has
    no paper in the sitting. Stops after ``time_budget`` seconds (the task then queues itself again).
    A paper that cannot be drawn (incomplete sections) leaves the sitting scheduled with a note.
    """
    began = time.monotonic()
    sitting = Sitting.objects.select_related("paper").filter(pk=sitting_id).first()
    if sitting is None:
        return 0
    now = timezone.now()
    entry = sitting.entry_closes or sitting.paper.closes_at
    if entry is not None and now >= entry:
        _discard(Attempt.all_objects.filter(sitting=sitting))
        return 0  # nobody can enter any more
    if not sitting.paper.live:
        _set_status(sitting.pk, AssemblyStatus.SCHEDULED, note=_("The paper is not approved."))
        return 0
    _set_status(sitting.pk, AssemblyStatus.ASSEMBLING)
    expected = sitting_selectors.expected_examinees(sitting=sitting)
    # Nobody expected starts these; nor anyone papers of another paper (the sitting was moved to
    # this one before anyone started: Sitting.clean forbids it after).
    _discard(
        Attempt.all_objects.filter(sitting=sitting).filter(
            ~Q(user_id__in=expected) | ~Q(paper_id=sitting.paper_id)
        )
    )
    missing = sorted(expected - sitting_selectors.users_with_papers(sitting=sitting))
    pool = services.paper_pool(paper=sitting.paper)
    for start in range(0, len(missing), ASSEMBLY_CHUNK):
        if time_budget is not None and time.monotonic() - began > time_budget:
            return len(missing) - start
        try:
            _prepare_chunk(sitting=sitting, pool=pool, user_ids=missing[start : start + ASSEMBLY_CHUNK])
        except services.ExamError as error:
            _set_status(sitting.pk, AssemblyStatus.SCHEDULED, note=error.message)
            return 0
    _set_status(sitting.pk, AssemblyStatus.READY, assembled=True)
    return 0


@guarded(SYSTEM_ONLY)
def sittings_sweep(*, actor) -> int:
    """Run by beat: queue the assembly of sittings opening within ``TTA_SITTING_ASSEMBLY_AHEAD_MINUTES``
    that miss papers (late enrolments, a lost task), and delete prepared papers nobody can start any
    more. Idempotent. Returns how many assemblies it queued."""
    now = timezone.now()
    _discard(sitting_selectors.stale_prepared(now=now))
    ahead = timedelta(minutes=settings.TTA_SITTING_ASSEMBLY_AHEAD_MINUTES)
    queued = 0
    for sitting in sitting_selectors.sittings_due(now=now, ahead=ahead):
        missing = sitting_selectors.expected_examinees(sitting=sitting) - sitting_selectors.users_with_papers(
            sitting=sitting
        )
        if missing or sitting.assembly_status != AssemblyStatus.READY:
            _queue_assembly(sitting.pk)
            queued += 1
    return queued
