"""Writes of exams: paper review setup, attempts (start, save, submit, deadline), grading and overrides.

Every state change of an attempt locks the attempt row first (``SELECT … FOR NO KEY UPDATE``)
and re-checks the state, so a save racing a submission, two submissions from two tabs, or the
deadline task racing the trainee all end with exactly one submission and no lost answer.
"""

import json
import logging
import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.localized import localized
from core.dispatch import dispatch, dispatch_now
from core.guards import SELF, SYSTEM, SYSTEM_ONLY, guarded, owner
from courses.guards import GRADER_OF_ITEM, LEARNING_STAFF, REGISTRAR
from courses.notifications.kinds import NotificationKind, per_language
from courses.notifications.services import notify
from courses.questions.models import QuestionVersion
from courses.signals import Reason, learning_progressed_send

from . import attempt_store, presentation, selectors, sitting_selectors
from .models import (
    Accommodation,
    Attempt,
    AttemptEvent,
    AttemptEventKind,
    AttemptItem,
    AttemptStatus,
    ExamPaper,
    PaperSection,
    PinnedVersion,
    ScoreChange,
    SectionKind,
    Sitting,
    SubmittedBy,
)

logger = logging.getLogger(__name__)
MAX_RESPONSE_CHARS = presentation.MAX_RESPONSE_CHARS
TWO_PLACES = Decimal("0.01")


class ExamError(Exception):
    """A refusal with a message for the user, in their language. Nothing was changed."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


# --- Starting an attempt ------------------------------------------------------------------


def _deadline(
    *, paper: ExamPaper, started_at: datetime, extra_minutes: int, sitting: Sitting | None = None
) -> datetime | None:
    """Start + time limit + extra time, capped by the window's close and the sitting's (extra time cannot pass them)."""
    candidates = []
    if paper.time_limit_minutes:
        candidates.append(started_at + timedelta(minutes=paper.time_limit_minutes + extra_minutes))
    if paper.closes_at:
        candidates.append(paper.closes_at)
    if sitting is not None and sitting.closes_at:
        candidates.append(sitting.closes_at)
    return min(candidates) if candidates else None


@dataclass
class PaperPool:
    """What a paper's attempts are drawn from, read once: its sections with the versions they were
    approved with (``PinnedVersion``), and the versions read so far (read as draws need them)."""

    paper: ExamPaper
    sections: list[tuple[PaperSection, list[tuple[int, int]]]]  # (section, [(question id, version id)])
    versions: dict[int, QuestionVersion]

    def versions_of(self, ids: list[int]) -> list[QuestionVersion]:
        missing = [pk for pk in ids if pk not in self.versions]
        if missing:
            self.versions |= QuestionVersion.objects.in_bulk(missing)
        return [self.versions[pk] for pk in ids]


def paper_pool(*, paper: ExamPaper) -> PaperPool:
    """The paper's sections and approved versions: two queries, whatever the number of sections."""
    sections = list(PaperSection.objects.filter(paper_id=paper.pk).order_by("sort_order", "pk"))
    pins: dict[int, list[tuple[int, int]]] = {}
    rows = PinnedVersion.objects.filter(section__paper_id=paper.pk).values_list(
        "section_id", "question_id", "version_id"
    )
    for section_id, question_id, version_id in rows:
        pins.setdefault(section_id, []).append((question_id, version_id))
    # Each section's pins by question, as listed.
    listed = [(section, sorted(pins.get(section.pk, []))) for section in sections]
    return PaperPool(paper=paper, sections=listed, versions={})


def _draw(section: PaperSection, pinned: list[tuple[int, int]], rng: random.Random) -> list[int]:
    """The ids of the section's versions for one attempt, from the versions (and the pool) it was approved with."""
    if section.kind == SectionKind.FIXED:
        return [version_id for _question_id, version_id in pinned]
    if len(pinned) < section.draw_count:
        raise ExamError(
            _("Section “%(section)s” asks for %(wanted)d questions but its banks hold %(found)d.")
            % {"section": section, "wanted": section.draw_count, "found": len(pinned)},
            code="paper_incomplete",
        )
    return rng.sample([version_id for _question_id, version_id in pinned], section.draw_count)


def _option_values(version: QuestionVersion) -> dict[str, list[str]]:
    """Fresh opaque values for an item's options and prompts: random, distinct within the item.

    From the OS, not the attempt's shuffling generator: values the page shows must say nothing
    about that generator's state, and so nothing about the shuffles.
    """
    slots = presentation.value_slots(version)
    values: list[str] = []
    while len(values) < sum(slots.values()):
        value = secrets.token_urlsafe(6)
        if value not in values:
            values.append(value)
    taken = iter(values)
    return {kind: [next(taken) for _ in range(count)] for kind, count in slots.items()}


def draw_items(*, pool: PaperPool) -> list[AttemptItem]:
    """The paper's questions as one attempt gets them (drawn, shuffled); not saved, no attempt set.

    The one draw of every attempt: at start (``attempt_start``) and when a sitting's papers are
    prepared ahead (``sittings.sitting_assemble``). Reads only the versions it has not read yet.
    """
    paper = pool.paper
    # One generator per attempt, seeded from the OS: unpredictable like SystemRandom, without a
    # system call for every draw and shuffle (about a hundred per paper).
    rng = random.Random(secrets.randbits(128))
    items = []
    for section, pinned in pool.sections:
        versions = pool.versions_of(_draw(section, pinned, rng))
        if paper.shuffle_questions:
            rng.shuffle(versions)
        for version in versions:
            order = list(range(presentation.option_count(version)))
            if paper.shuffle_options:
                rng.shuffle(order)
            items.append(
                AttemptItem(
                    position=len(items) + 1,
                    section_title=section.title,
                    version=version,
                    option_order=order,
                    option_values=_option_values(version),
                    points=section.points_per_question,
                    needs_manual_grading=version.needs_manual_grading,
                )
            )
    if not items:
        raise ExamError(_("This paper has no questions."), code="paper_incomplete")
    return items


# The trainee on their own attempt (the views look it up by owner; the guard says so again).
_ATTEMPT_OWNER = owner(lambda arguments: arguments["attempt"].user_id, name="the examinee")


def _attempt_user_id(arguments) -> int | None:
    return Attempt.objects.filter(pk=arguments["attempt_id"]).values_list("user_id", flat=True).first()


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


def _deadline_window() -> timedelta:
    return timedelta(seconds=settings.TTA_DEADLINE_ETA_WINDOW_SECONDS)


def _deadline_queued_key(attempt_id: int, deadline: datetime) -> str:
    return f"exams:deadline-task:{attempt_id}:{deadline.timestamp()}"


# Named by path: tasks import this module, not the other way round (core.dispatch).
AUTO_SUBMIT_TASK = "courses.exams.tasks.attempt_auto_submit_task"


def _schedule_auto_submit(attempt: Attempt) -> None:
    """Queue the attempt's deadline task on commit, if its deadline is within the ETA window.

    A farther deadline is left to the minute sweep (``attempts_queue_near_deadlines``), which queues
    the task once the deadline comes near: a Redis message waiting for its ETA longer than the
    visibility timeout would be delivered again every hour, one duplicate task per delivery.
    """
    if attempt.deadline is None or attempt.deadline - timezone.now() > _deadline_window():
        return
    # The sweep does not queue this deadline again.
    timeout = int(_deadline_window().total_seconds()) * 2
    cache.set(_deadline_queued_key(attempt.pk, attempt.deadline), 1, timeout=timeout)
    # robust: the attempt is committed; a broker outage must not fail the trainee's request. The
    # beat sweep and the lazy check on access still submit it at the deadline.
    dispatch(AUTO_SUBMIT_TASK, attempt.pk, eta=attempt.deadline, robust=True)


# --- Saving answers -----------------------------------------------------------------------


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


# --- Submission and the deadline ----------------------------------------------------------


def _score_objective(item: AttemptItem) -> None:
    from courses.questions.grading import grade

    if item.needs_manual_grading:
        return
    fraction = grade(item.version, item.response) if item.response is not None else Decimal(0)
    if fraction is None:  # the grading function asks for a person after all
        item.needs_manual_grading = True
        return
    fraction = max(Decimal(0), min(Decimal(1), Decimal(fraction)))
    item.score = (fraction * item.points).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _finalize_if_graded(attempt: Attempt, *, announce: bool = True) -> None:
    """Total the scores; once no item waits for a person, release the result. Caller holds the lock.

    The trainee is notified when the result is first released (not when an override changes it),
    unless ``announce`` is False: the trainee who submitted sees a result released at submit time
    on the page the submission leads to, so telling them again is noise.
    """
    items = list(attempt.items.all())
    released_now = False
    if any(item.score is None for item in items):
        attempt.status = AttemptStatus.GRADING
        attempt.score = None
        attempt.passed = None
    else:
        attempt.score = sum((item.score for item in items), Decimal(0))
        attempt.status = AttemptStatus.COMPLETED
        attempt.passed = (attempt.percent or Decimal(0)) >= attempt.paper.pass_mark
        released_now = attempt.released_at is None
        attempt.released_at = attempt.released_at or timezone.now()
    attempt.save(update_fields=["status", "score", "passed", "released_at"])
    if attempt.passed:  # released as a pass, or changed to one: it may complete a certification rule
        learning_progressed_send(sender=Attempt, user_id=attempt.user_id, reason=Reason.EXAM_PASSED)
    if released_now and announce:
        _notify_result(attempt)


def _plain_number(value: Decimal) -> str:
    """85.00 → "85", 72.50 → "72.5": how a percentage reads in a sentence."""
    return format(value.normalize(), "f")


def _notify_result(attempt: Attempt) -> None:
    notify(
        recipient=attempt.user,
        kind=NotificationKind.EXAM_RESULT_RELEASED,
        params={
            "paper": per_language(lambda: localized(attempt.paper, "title")),
            "percent": _plain_number(attempt.percent or Decimal(0)),
            "pass_mark": _plain_number(attempt.paper.pass_mark),
        },
        variant="passed" if attempt.passed else "failed",
        link=("exams:attempt_result", [attempt.pk]),
    )


@guarded(owner(_attempt_user_id, name="the examinee"))
def attempt_submit(
    *, attempt_id: int, actor, by: str = SubmittedBy.TRAINEE, ip: str | None = None
) -> Attempt:
    """Submit an attempt and score its objective questions; essays go to the grading queue.

    Atomic and idempotent: the attempt row is locked and its state re-checked, so two tabs, a
    double click and the deadline task give one submission; a second call returns the attempt
    unchanged. With ``by=DEADLINE`` it submits only if the *current* deadline has passed (extra
    time granted since the task was queued is respected). The examinee, or SYSTEM (the deadline).
    A result released here is announced by a notification only for a submission at the deadline.
    """
    with transaction.atomic():
        attempt = _locked_attempt(attempt_id)
        if attempt.status != AttemptStatus.IN_PROGRESS:
            return attempt
        now = timezone.now()
        if by == SubmittedBy.DEADLINE and (attempt.deadline is None or now < attempt.deadline):
            return attempt
        items = list(attempt.items.select_related("version"))
        for item in items:
            _score_objective(item)
        AttemptItem.objects.bulk_update(items, ["score", "needs_manual_grading"])
        attempt.submitted_at = now
        attempt.submitted_by = by
        attempt.save(update_fields=["submitted_at", "submitted_by"])
        kind = AttemptEventKind.AUTO_SUBMIT if by == SubmittedBy.DEADLINE else AttemptEventKind.SUBMIT
        AttemptEvent.objects.create(attempt=attempt, kind=kind, ip=ip)
        # Submitted at the deadline, the trainee may never have seen the result page: tell them.
        _finalize_if_graded(attempt, announce=by != SubmittedBy.TRAINEE)
        return attempt


@guarded(_ATTEMPT_OWNER | LEARNING_STAFF)
def attempt_close_if_overdue(*, attempt: Attempt, actor) -> bool:
    """Submit ``attempt`` if it is open past its deadline (the lazy path, on any access). True if closed now or before.

    Whoever looks at the attempt (its examinee, staff) may trigger it; the deadline submits, as SYSTEM.
    """
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return True
    if attempt.deadline is None or timezone.now() < attempt.deadline:
        return False
    closed = attempt_submit(attempt_id=attempt.pk, by=SubmittedBy.DEADLINE, actor=SYSTEM)
    attempt.refresh_from_db()
    return closed.status != AttemptStatus.IN_PROGRESS


@guarded(SYSTEM_ONLY)
def attempt_submit_at_deadline(*, attempt_id: int, actor) -> Attempt:
    """What the deadline task does: submit the attempt if its deadline passed, else wait for it again.

    A task can arrive before the deadline by this host's clock: the deadline was computed on another
    host, or extra time was granted since it was queued. The attempt then gets a task for its current
    deadline, so it never waits for the minute sweep. A grant queues its own task too; both are harmless,
    as submitting is idempotent.
    """
    attempt = attempt_submit(attempt_id=attempt_id, by=SubmittedBy.DEADLINE, actor=SYSTEM)
    if attempt.status == AttemptStatus.IN_PROGRESS:
        _schedule_auto_submit(attempt)
    return attempt


@guarded(SYSTEM_ONLY)
def attempts_queue_near_deadlines(*, actor) -> int:
    """Queue the deadline task of each open attempt whose deadline has come within the ETA window.

    Run by the minute sweep. Each deadline is queued once (a cache key per attempt and deadline; a
    deadline moved by extra time is a new one); a lost key means at worst one more idempotent task.
    Returns how many it queued.
    """
    now = timezone.now()
    window = _deadline_window()
    near = Attempt.objects.filter(
        status=AttemptStatus.IN_PROGRESS, deadline__gt=now, deadline__lte=now + window
    ).values_list("pk", "deadline")
    queued = 0
    for attempt_id, deadline in list(near):
        if not cache.add(
            _deadline_queued_key(attempt_id, deadline), 1, timeout=int(window.total_seconds()) * 2
        ):
            continue
        try:
            dispatch_now(AUTO_SUBMIT_TASK, attempt_id, eta=deadline)
        except Exception:
            cache.delete(_deadline_queued_key(attempt_id, deadline))  # the next sweep tries again
            logger.exception("could not queue the deadline task of attempt %s", attempt_id)
            continue
        queued += 1
    return queued


@guarded(SYSTEM_ONLY)
def attempts_sweep_overdue(*, actor) -> int:
    """Submit every attempt still open past its deadline; the safety net under the per-attempt task.

    Idempotent; returns how many it submitted. Each attempt is submitted in its own transaction: one
    that fails is logged (with its id) and left for the next sweep, and the others are still submitted.
    """
    overdue = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lte=timezone.now())
    count = 0
    for attempt_id in list(overdue.values_list("pk", flat=True)):
        try:
            attempt = attempt_submit(attempt_id=attempt_id, by=SubmittedBy.DEADLINE, actor=SYSTEM)
        except Exception:
            logger.exception("the overdue sweep could not submit attempt %s; the others go on", attempt_id)
            continue
        count += attempt.submitted_by == SubmittedBy.DEADLINE
    return count


@guarded(REGISTRAR, actor="granted_by")
def accommodation_grant(
    *, paper: ExamPaper, user, extra_minutes: int, reason: str, granted_by
) -> Accommodation:
    """Grant (or change) a trainee's extra time for a paper; an attempt in progress gets it at once.

    Registrars only (guarded). Atomic and idempotent. The attempt's deadline is recomputed (still capped by
    the window's close), the change is logged, and a new deadline task is queued; the earlier
    task finds the deadline moved and does nothing.
    """
    if not reason.strip():
        raise ExamError(_("Give a reason for the extra time."))
    with transaction.atomic():
        accommodation, _created = Accommodation.objects.update_or_create(
            paper=paper,
            user=user,
            defaults={"extra_minutes": extra_minutes, "reason": reason, "granted_by": granted_by},
        )
        open_ = Attempt.objects.filter(paper=paper, user=user, status=AttemptStatus.IN_PROGRESS).first()
        if open_ is not None:
            attempt = _locked_attempt(open_.pk)
            if attempt.status == AttemptStatus.IN_PROGRESS and (
                attempt.deadline is None or timezone.now() < attempt.deadline
            ):
                previous = attempt.deadline
                attempt.extra_minutes = extra_minutes
                attempt.deadline = _deadline(
                    paper=paper,
                    started_at=attempt.started_at,
                    extra_minutes=extra_minutes,
                    sitting=attempt.sitting,
                )
                attempt.save(update_fields=["extra_minutes", "deadline"])
                AttemptEvent.objects.create(
                    attempt=attempt,
                    kind=AttemptEventKind.EXTRA_TIME,
                    detail={
                        "extra_minutes": extra_minutes,
                        "previous_deadline": previous.isoformat() if previous else None,
                        "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
                        "by": granted_by.get_username(),
                    },
                )
                _schedule_auto_submit(attempt)
    return accommodation


# --- Grading ------------------------------------------------------------------------------


def checked_points(score, *, maximum: Decimal) -> Decimal:
    """``score`` as points to two places, or ExamError unless it is a number from 0 to ``maximum``;
    for an item's grade here and for each rubric criterion (``courses.exams.grading``)."""
    try:
        score = Decimal(score).quantize(TWO_PLACES)
    except (ArithmeticError, ValueError, TypeError) as error:
        raise ExamError(_("Enter a number of points.")) from error
    if score < 0 or score > maximum:
        raise ExamError(_("The score must be between 0 and %(max)s points.") % {"max": maximum})
    return score


@guarded(GRADER_OF_ITEM, actor="grader")
def item_open_for_grading(*, item_id: int, grader) -> tuple[AttemptItem, Attempt]:
    """The item and its attempt, locked, if ``grader`` may grade it and it waits for a grade; for
    single grading here and rubric marks (``courses.exams.grading``). Call inside a transaction."""
    item = AttemptItem.objects.select_related("attempt__paper", "version").get(pk=item_id)
    if not selectors.can_grade(user=grader, course=item.attempt.paper.course_id):
        raise ExamError(_("You may not grade this course's exams."), code="forbidden")
    attempt = _locked_attempt(item.attempt_id)
    item.refresh_from_db()
    if item.needs_manual_grading and item.score is not None:
        raise ExamError(_("This answer has been graded already; change it with an override."))
    if attempt.status != AttemptStatus.GRADING or not item.needs_manual_grading:
        raise ExamError(_("This answer is not waiting for a grade."))
    return item, attempt


@guarded(GRADER_OF_ITEM, actor="grader")
def item_grade(*, item_id: int, score: Decimal, feedback: str = "", grader) -> AttemptItem:
    """A grader scores an essay or case analysis; the result is released once nothing else waits.

    Graders of the paper's course and registrars only. Atomic, audited (ScoreChange). Grading an
    item already graded is refused here: changing a grade is an override, with a reason.
    """
    with transaction.atomic():
        item, attempt = item_open_for_grading(item_id=item_id, grader=grader)
        if attempt.paper.double_marking or item.awaiting_reconciliation:  # two marks: courses.exams.grading
            raise ExamError(_("This paper is double marked: grade it by its rubric on the grading page."))
        score = checked_points(score, maximum=item.points)
        ScoreChange.objects.create(item=item, old_score=None, new_score=score, changed_by=grader)
        item.score, item.feedback, item.graded_by, item.graded_at = score, feedback, grader, timezone.now()
        item.save(update_fields=["score", "feedback", "graded_by", "graded_at"])
        _finalize_if_graded(attempt)
    return item


@guarded(GRADER_OF_ITEM)
def item_override(*, item_id: int, score: Decimal, reason: str, actor) -> AttemptItem:
    """Change a submitted item's score, with a reason. Graders of the course and registrars. Atomic, audited.

    Only a score the item has is changed: an answer still waiting for a grader gets its first score
    from grading (by its rubric, from two graders on a double-marked paper), never from an override.
    """
    if not reason.strip():
        raise ExamError(_("Give a reason for changing the score."))
    with transaction.atomic():
        item = AttemptItem.objects.select_related("attempt__paper").get(pk=item_id)
        if not selectors.can_grade(user=actor, course=item.attempt.paper.course_id):
            raise ExamError(_("You may not change scores of this course's exams."), code="forbidden")
        attempt = _locked_attempt(item.attempt_id)
        if attempt.status == AttemptStatus.IN_PROGRESS:
            raise ExamError(_("The attempt has not been submitted yet."))
        item.refresh_from_db()
        if item.awaiting_reconciliation:  # its two marks are settled by reconciliation, not by one of them
            raise ExamError(_("The two marks of this answer differ too much: it awaits reconciliation."))
        if item.score is None:
            raise ExamError(
                _("Not graded yet: grade this answer first. An override changes a score already given.")
            )
        score = checked_points(score, maximum=item.points)
        ScoreChange.objects.create(
            item=item,
            old_score=item.score,
            new_score=score,
            is_override=True,
            reason=reason,
            changed_by=actor,
        )
        item.score, item.graded_by, item.graded_at = score, actor, timezone.now()
        item.save(update_fields=["score", "graded_by", "graded_at"])
        _finalize_if_graded(attempt)
    return item


@guarded(REGISTRAR)
def course_grader_add(*, course, user, actor) -> None:
    """Registrars let an account grade a course's essays (guarded). Idempotent."""
    from .models import CourseGrader

    CourseGrader.objects.get_or_create(course=course, user=user)


@guarded(SYSTEM_ONLY)
@transaction.atomic
def paper_pin_versions(*, paper: ExamPaper, actor) -> int:
    """Record the question versions (and random pools) the published ``paper`` was approved with.

    Called when a paper is published (a registrar's approval publishes it): from then on attempts
    draw only these versions, so an edit to a question, or a question added to a bank, reaches
    trainees only once the paper is approved again. Atomic and idempotent: the paper's earlier pins
    are replaced. Returns how many versions are pinned.
    """
    PinnedVersion.objects.filter(section__paper=paper).delete()
    pins = [
        PinnedVersion(section=section, question_id=question_id, version_id=version_id)
        for section in PaperSection.objects.filter(paper_id=paper.pk)
        for question_id, version_id in selectors.section_pool(section=section).items()
    ]
    PinnedVersion.objects.bulk_create(pins)
    return len(pins)


PAPER_REVIEW_WORKFLOW = gettext_noop("Exam paper review")  # named in the site's language


@transaction.atomic
def exam_permissions_setup():
    """Instructors author papers in the admin; Registrars get every permission of this app and review.

    Idempotent; run after every migrate. Exam papers are attached to the *Exam paper review*
    workflow, whose task is the Registrars' approval task the course review uses: an instructor's
    paper (or edit) stays a draft until a registrar approves it, and approving publishes it.
    Instructors cannot publish (no ``publish_exampaper``). Returns the workflow, or None before
    this app's permissions exist. The groups' permissions are ``core.roles``' table (granted here
    too, as after every migrate).
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType, WorkflowTask

    from cms.services import named_in_site_language, registrar_approval_task
    from core.roles import roles_setup

    if not Permission.objects.filter(content_type__app_label="exams").exists():
        return None
    roles_setup()

    workflow = named_in_site_language(Workflow, PAPER_REVIEW_WORKFLOW)
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=registrar_approval_task(), sort_order=0)
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(ExamPaper), defaults={"workflow": workflow}
    )
    return workflow
