"""Saving answers: reading a browser's save request (answers and flags), mapping the page's opaque
values back to stored indexes, and storing them under the attempt's lock, newest sequence wins."""

import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.guards import guarded

from .. import attempt_store, presentation
from ..models import Attempt, AttemptEvent, AttemptEventKind, AttemptItem, AttemptStatus, SubmittedBy
from .common import _ATTEMPT_OWNER, ExamError, _note_ip
from .submission import attempt_close_if_overdue

MAX_RESPONSE_CHARS = presentation.MAX_RESPONSE_CHARS


@dataclass(frozen=True)
class AnswerSave:
    position: int
    response: object
    seq: int


# At most this many entries in one save request (each is an UPDATE under the attempt's lock).
MAX_ANSWERS_PER_SAVE = 300
# The columns' range: an item's position (a small integer) and a save's sequence number (a big one).
MAX_POSITION = 32_767
MAX_SEQ = 2**63 - 1
# Refused saves after submission are logged up to this many per attempt (a script may keep sending).
MAX_REJECTED_SAVES_LOGGED = 20


def parse_answers(payload: object) -> list[AnswerSave]:
    """Check a browser's save request: ``{"answers": [{"position": 1, "response": …, "seq": 7}, …]}``.

    Raises ExamError with a message for the trainee if anything is malformed; then nothing is saved.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("answers"), list):
        raise ExamError(_("The answers could not be read. Please try again."))
    if len(payload["answers"]) > MAX_ANSWERS_PER_SAVE:
        # A page saves what changed since its last save: never more entries than a paper has items.
        raise ExamError(_("The answers could not be read. Please try again."))
    saves = []
    for entry in payload["answers"]:
        if not isinstance(entry, dict):
            raise ExamError(_("The answers could not be read. Please try again."))
        position, seq = entry.get("position"), entry.get("seq")
        if not isinstance(position, int) or isinstance(position, bool) or not isinstance(seq, int) or seq < 1:
            raise ExamError(_("The answers could not be read. Please try again."))
        if not 0 < position <= MAX_POSITION or seq > MAX_SEQ:  # past the columns' range: no page sends it
            raise ExamError(_("The answers could not be read. Please try again."))
        if len(json.dumps(entry.get("response"), ensure_ascii=False)) > MAX_RESPONSE_CHARS:
            raise ExamError(
                _("An answer is too long (at most %(n)d characters).") % {"n": MAX_RESPONSE_CHARS}
            )
        saves.append(AnswerSave(position=position, response=entry.get("response"), seq=seq))
    return saves


def _as_stored(attempt: Attempt, saves: list[AnswerSave]) -> list[AnswerSave]:
    """The saves with each response mapped from the page's opaque values to stored indexes.

    Raises ExamError (nothing saved) if a save names a position the attempt does not have or a value
    its item does not have. Reads without a lock: an item's position, version and values never change.
    """
    items = {
        position: (option_values, version)
        for position, option_values, version in _items_with_versions(
            attempt, [save.position for save in saves]
        )
    }
    mapped = []
    for save in saves:
        if save.position not in items:
            raise ExamError(_("The answers could not be read. Please try again."))
        option_values, version = items[save.position]
        try:
            response = presentation.response_from_page(
                version=version, option_values=option_values, response=save.response
            )
        except presentation.UnknownValue as error:
            raise ExamError(_("The answers could not be read. Please try again.")) from error
        mapped.append(AnswerSave(position=save.position, response=response, seq=save.seq))
    return mapped


@dataclass(frozen=True)
class _VersionKind:
    """What mapping a response needs of a question version: its type and (for matching) its data."""

    qtype: str
    data: dict


def _items_with_versions(attempt: Attempt, positions: list[int]):
    """(position, option_values, version kind) of the attempt's items at ``positions``: one query of
    plain values, no model instances (a save's read, done every few seconds by every examinee)."""
    if not positions:
        return []
    rows = AttemptItem.objects.filter(attempt_id=attempt.pk, position__in=positions).values_list(
        "position", "option_values", "version__qtype", "version__data"
    )
    return [(position, values, _VersionKind(qtype, data)) for position, values, qtype, data in rows]


@guarded(_ATTEMPT_OWNER)
def attempt_save_answers(
    *,
    attempt: Attempt,
    saves: list[AnswerSave],
    actor,
    ip: str | None = None,
    flags: dict[int, bool] | None = None,
) -> dict[int, int]:
    """Store the trainee's latest answers. Returns {position: stored seq} for the saved positions.

    Responses are as the exam page sends them: options and prompts by the item's opaque values,
    which are mapped back to stored indexes here (a value the item does not have refuses the save).

    Atomic and idempotent: a save with a sequence number not newer than the stored one changes
    nothing (late or repeated requests never overwrite newer answers). Only the attempt's owner
    (guarded; views also look the attempt up by owner). Raises ExamError if the attempt is no
    longer open: past its deadline it is submitted first, with what was saved before.

    ``flags`` ({position: flagged}, see ``parse_flags``) are set in the same transaction, only on
    an open attempt; unknown positions are ignored, and so is a flag sent with an answer older than
    the stored one (a replayed request never brings back a flag since removed). On PostgreSQL the whole write is one statement
    (``attempt_store.answers_save``); elsewhere the ORM does the same in a transaction.
    """
    if attempt_close_if_overdue(attempt=attempt, actor=actor):
        if attempt.submitted_by == SubmittedBy.DEADLINE:
            raise ExamError(
                _("Time is up: your exam was submitted with the answers saved before the deadline."),
                code="closed",
            )
        raise ExamError(_("This exam has been submitted; answers can no longer change."), code="closed")
    # Checked and mapped before the lock, refused (unknown position or value) with nothing changed.
    saves = _as_stored(attempt, saves)
    now = timezone.now()
    if attempt_store.is_postgresql():
        latest: dict[int, AnswerSave] = {}
        for save in saves:  # one entry per position, as the saves would apply one after another
            if save.position not in latest or save.seq > latest[save.position].seq:
                latest[save.position] = save
        saved = attempt_store.answers_save(
            attempt_id=attempt.pk,
            answers=[(save.position, save.seq, save.response) for save in latest.values()],
            flags=flags or {},
            ip=ip,
            now=now,
            max_rejected=MAX_REJECTED_SAVES_LOGGED,
        )
        if saved is None:
            raise ExamError(_("This exam has been submitted; answers can no longer change."), code="closed")
        return saved
    stored: dict[int, int] = {}
    changed: list[int] = []
    with transaction.atomic():
        # Only what a save decides on, from the attempt row alone: the lock is all it is for.
        locked = (
            Attempt.objects.select_for_update(no_key=True)
            .only("status", "deadline", "last_ip")
            .get(pk=attempt.pk)
        )
        closed = locked.status != AttemptStatus.IN_PROGRESS or bool(
            locked.deadline and now >= locked.deadline
        )
        if closed:
            # Logged (and committed) for staff; the refusal is raised once the block has ended.
            rejected = locked.events.filter(kind=AttemptEventKind.REJECTED_SAVE)
            if rejected.count() < MAX_REJECTED_SAVES_LOGGED:
                AttemptEvent.objects.create(attempt=locked, kind=AttemptEventKind.REJECTED_SAVE, ip=ip)
        else:
            items = AttemptItem.objects.filter(attempt_id=locked.pk)
            for save in saves:
                updated = items.filter(position=save.position, client_seq__lt=save.seq).update(
                    response=save.response, client_seq=save.seq, saved_at=now
                )
                if updated:
                    stored[save.position] = save.seq
                    changed.append(save.position)
            stale = [save.position for save in saves if save.position not in stored]
            if stale:  # a stale or repeated save keeps the stored seq: the page learns it
                stored |= dict(items.filter(position__in=stale).values_list("position", "client_seq"))
            newest = {save.position: save.seq for save in sorted(saves, key=lambda save: save.seq)}
            older = {position for position, seq in newest.items() if stored[position] > seq}
            if flags := {position: flag for position, flag in (flags or {}).items() if position not in older}:
                attempt_set_flags(
                    attempt=locked, flags=flags, actor=actor
                )  # a flag sent with an older answer is as old
            _note_ip(locked, ip)
            if changed:  # a save that changes nothing (empty, stale, repeated) leaves no trace
                AttemptEvent.objects.create(
                    attempt=locked, kind=AttemptEventKind.SAVE, ip=ip, detail={"positions": changed}
                )
    if closed:
        raise ExamError(_("This exam has been submitted; answers can no longer change."), code="closed")
    return stored


def parse_flags(payload: object) -> dict[int, bool]:
    """The optional ``"flags"`` of a save request: ``{"3": true, "7": false}`` (position → flagged).

    Absent or null: no change ({}). Raises ExamError with a message for the trainee if malformed;
    then nothing is saved.
    """
    flags = payload.get("flags") if isinstance(payload, dict) else None
    if flags is None:
        return {}
    if not isinstance(flags, dict) or len(flags) > MAX_ANSWERS_PER_SAVE:
        raise ExamError(_("The answers could not be read. Please try again."))
    parsed = {}
    for position, flagged in flags.items():
        # isascii: str.isdigit() is True for '²' and '①' too, which int() cannot read.
        if not (
            isinstance(position, str) and position.isascii() and position.isdigit() and len(position) < 6
        ) or not isinstance(flagged, bool):
            raise ExamError(_("The answers could not be read. Please try again."))
        parsed[int(position)] = flagged
    return parsed


@guarded(_ATTEMPT_OWNER)
def attempt_set_flags(*, attempt: Attempt, flags: dict[int, bool], actor) -> None:
    """Flag or unflag the attempt's questions for review (the trainee's own reminder).

    At most two UPDATEs, no lock: a flag says nothing about the answer and is never graded, so
    the last write wins (the page sends only a question's latest state). An attempt no longer in
    progress keeps its flags as they were; unknown positions are ignored. Only the attempt's
    owner (guarded).
    """
    items = AttemptItem.objects.filter(attempt_id=attempt.pk, attempt__status=AttemptStatus.IN_PROGRESS)
    for value in (True, False):
        positions = [position for position, flagged in flags.items() if flagged is value]
        if positions:
            items.filter(position__in=positions).update(flagged=value)
