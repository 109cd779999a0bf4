"""Writes about progress: heartbeats, lesson and course completion, the learning-hours ledger."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import CoursePage, LessonPage
from core.guards import SELF, SYSTEM, SYSTEM_ONLY, guarded
from courses import page_views, selectors
from courses.accounts.sessions import session_user_valid
from courses.guards import REGISTRAR
from courses.models import (
    AnomalyKind,
    CourseCompletion,
    Enrolment,
    EnrolmentStatus,
    HoursEntry,
    HoursSource,
    LessonCompletion,
    LessonStudy,
    StudyClock,
)
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.lesson_facts import LessonFacts, lesson_facts_of
from courses.services.anomalies import anomaly_record
from courses.services.heartbeat_store import (
    StudyChanges,
    StudyState,
    course_completion_possible,
    study_changes_write,
    study_state_read,
)
from courses.signals import Reason, learning_progressed_send

# Online study enters the ledger in whole tenths of an hour.
ONLINE_CREDIT_SECONDS = 360
ONLINE_CREDIT_HOURS = Decimal("0.1")


class ProgressError(ValidationError):
    """A progress request the rules refuse; its message is shown to the user as is."""


def _course_of(lesson: LessonPage) -> CoursePage:
    # The parent by tree path: one query, where get_parent().specific takes two.
    return CoursePage.objects.get(path=lesson.path[: -lesson.steplen])


def _enrolment_covering(*, user, course: CoursePage) -> Enrolment | None:
    """An enrolment (enrolled or completed) that gives ``user`` this course, preferring the course's own cohort."""
    return (
        Enrolment.objects.filter(user=user, status__in=PLACE_HOLDING)
        .filter(_covering(course))
        # The course's own cohort first (its program is empty), then a program cohort.
        .order_by(F("cohort__program").asc(nulls_first=True), "-pk")
        .first()
    )


def _covering(course: CoursePage) -> Q:
    """Cohorts that cover ``course``: its own (in any language) or its level's program."""
    return Q(cohort__course__translation_key=course.translation_key) | Q(cohort__program__level=course.level)


# --- Heartbeats -----------------------------------------------------------------------------


@dataclass
class HeartbeatResult:
    # "credited" (possibly 0 s, e.g. over the daily cap), "hidden", "idle", "replay", "not_enrolled",
    # or "refused" (no valid page view: see ``refusal``)
    status: str
    credited_seconds: int = 0
    hours_added: Decimal = Decimal("0")
    lesson_completed: bool = False
    video_fraction: Decimal | None = None  # the credited share of the lesson's video, if it reported one
    video_capped: bool = False  # the report covered more new video than the credited time allows
    refusal: str = ""  # the anomaly kind of a refused page view
    message: str = ""  # why nothing was credited, in the user's language, when the trainee should know


# A length the browser measures is taken only within these bounds (10 s to 6 h).
CLIENT_VIDEO_LENGTH_RANGE = (10, 6 * 3600)
# The clock forgets page views silent for this long (their tokens have expired by then) and keeps
# at most this many, the latest; a forgotten view would only start a new, equally bounded stretch.
VIEW_MEMORY_CAP = 24


@guarded(SELF, actor="user")
def progress_record_heartbeat(
    *,
    user,
    lesson: LessonPage,
    page_view: str,
    seq: int,
    visible: bool,
    interacted: bool,
    closing: bool = False,
    video_fraction: float | None = None,
    video_ranges: list[tuple[float, float]] | None = None,
    video_duration: float | None = None,
    now: datetime.datetime | None = None,
) -> HeartbeatResult:
    """``progress_record_heartbeat_by_id`` for a loaded user and lesson page (scripts, tests)."""
    return progress_record_heartbeat_by_id(
        user_id=user.pk,
        lesson=lesson_facts_of(lesson),
        page_view=page_view,
        seq=seq,
        visible=visible,
        interacted=interacted,
        closing=closing,
        video_fraction=video_fraction,
        video_ranges=video_ranges,
        video_duration=video_duration,
        now=now,
    )


# Two heartbeats of one trainee racing each other: the loser reads again. Each round has a winner,
# so this bounds the tabs that can beat at the very same moment, far above a trainee's few.
WRITE_ATTEMPTS = 50


def progress_record_heartbeat_by_id(
    *,
    user_id: int,
    lesson: LessonFacts,
    page_view: str,
    seq: int,
    visible: bool,
    interacted: bool,
    closing: bool = False,
    video_fraction: float | None = None,
    video_ranges: list[tuple[float, float]] | None = None,
    video_duration: float | None = None,
    session_hash: str | None = None,
    now: datetime.datetime | None = None,
) -> HeartbeatResult:
    """Credit active study time for one heartbeat from a lesson page. Atomic.

    Guarantees:

    - Only a signed-in trainee: with ``session_hash`` (the heartbeat endpoint passes the session's),
      the user must be active and the hash must match their current password, as Django's
      ``get_user`` requires; otherwise the status is "signed_out" and nothing is written. Without
      it, the caller vouches for ``user_id``.
    - Only a page the server served: ``page_view`` must be a token ``courses.page_views`` signed for
      this trainee and lesson less than ``HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS`` ago, else the
      heartbeat is refused, credits nothing and is recorded as an anomaly. Checking it costs no query.
      No time before the page was served is credited.
    - Only attention: a heartbeat reports whether the page stayed ``visible`` since the previous one
      and whether the trainee ``interacted`` (pointer, keys, scrolling, a playing video). A hidden
      page, or one without interaction for ``HEARTBEAT_IDLE_SECONDS``, earns nothing.
    - Only real time: the trainee's clock row, which every heartbeat rewrites only if no other
      heartbeat rewrote it since it was read (``heartbeat_store``), keeps the moment credited time
      reaches (``credited_until``); a heartbeat credits at most one interval, only after that
      moment and after the page view's previous heartbeat. However many tabs, lessons or devices
      beat, a trainee earns at most the real time elapsed, and at most
      ``HEARTBEAT_DAILY_CAP_SECONDS`` a day. A sequence number the page view already sent is a
      replay and earns nothing. More than ``HEARTBEAT_MAX_CONCURRENT_VIEWS`` page views beating
      together is recorded as an anomaly; a page view whose last heartbeat was ``closing`` (sent as
      the page was hidden: the trainee went on to the next lesson) no longer counts as beating.
    - Only trainees with a place in a cohort covering the lesson's course earn time. Every full
      tenth of an hour becomes an online ledger entry exactly once.
    - Cheap: one read and one write (two statements on PostgreSQL), no ORM query on the way.

    Called by the heartbeat endpoint for the user its session names. ``video_ranges`` are the
    [start, end] seconds of the lesson's uploaded videos (laid end to end) the browser says it has
    played on this page load; ``video_fraction`` is the single share older pages report instead;
    ``video_duration`` is the videos' total length as the browser measured it. None of them is
    trusted: see ``_credit_video``. A video lesson completes itself once the credited share reaches
    the course rule's ``min_video_fraction``.
    """
    now = now or timezone.now()
    try:
        view = page_views.page_view_read(
            token=page_view, user_id=user_id, lesson_id=lesson.lesson_id, now=now
        )
    except page_views.PageViewRefused as refused:
        if session_hash is not None and not _signed_in(user_id=user_id, session_hash=session_hash):
            return HeartbeatResult(status="signed_out")
        anomaly_record(
            user=_user(user_id), kind=refused.kind, lesson=_lesson(lesson), now=now, detail=f"seq {seq}"
        )
        return HeartbeatResult(status="refused", refusal=refused.kind, message=refused.message)

    reported = video_ranges is not None or video_fraction is not None
    video = reported and lesson.has_video
    for _attempt in range(WRITE_ATTEMPTS):
        state = study_state_read(user_id=user_id, lesson=lesson)
        if state is None or (
            session_hash is not None
            and not session_user_valid(
                session_hash=session_hash, password=state.password, is_active=state.is_active
            )
        ):
            return HeartbeatResult(status="signed_out")
        if state.cohort_id is None:
            return HeartbeatResult(status="not_enrolled")
        changes = _clock_changes(state=state, view=view, seq=seq, visible=visible, interacted=interacted,
                                 closing=closing, now=now)  # fmt: skip
        if changes is None:
            return HeartbeatResult(status="replay")
        status, beating = changes.status, changes.beating
        study = None
        if status == "credited":
            study = state.lesson_study or LessonStudy(user_id=user_id, lesson_id=lesson.lesson_id)
            study.active_seconds += changes.credit
            if video:
                _credit_video(
                    study=study,
                    editors_length=lesson.video_length,
                    ranges=video_ranges,
                    claim=video_fraction,
                    client_length=video_duration,
                    credit=changes.credit,
                )
            changes.lesson_study, changes.video = study, video
            if changes.credit:
                # Every newly full tenth of the course's study time becomes a ledger entry.
                before = state.course_active_seconds or 0
                first = state.course_credited_seconds // ONLINE_CREDIT_SECONDS
                last = (before + changes.credit) // ONLINE_CREDIT_SECONDS
                changes.tenths = list(range(first, last))
                changes.course_credited_seconds = (
                    last * ONLINE_CREDIT_SECONDS if last > first else state.course_credited_seconds
                )
                changes.cohort_id = state.cohort_id
        if study_changes_write(user_id=user_id, lesson=lesson, state=state, changes=changes, now=now):
            break
    else:
        raise RuntimeError(f"heartbeat of user {user_id}: the study clock kept changing")

    if beating > settings.HEARTBEAT_MAX_CONCURRENT_VIEWS:
        anomaly_record(
            user=_user(user_id),
            kind=AnomalyKind.CONCURRENT_VIEWS,
            lesson=_lesson(lesson),
            now=now,
            detail=f"{beating} page views",
        )
    if status != "credited":
        return HeartbeatResult(status=status)
    hours_added = ONLINE_CREDIT_HOURS * len(changes.tenths)
    lesson_completed = False
    if video and study.video_fraction >= lesson.min_video_fraction:
        _completion, lesson_completed = LessonCompletion.objects.get_or_create(
            user_id=user_id, lesson_id=lesson.lesson_id
        )
    # New hours can complete the course only once they reach its rule's hours (one cheap check).
    if lesson_completed or (hours_added and course_completion_possible(user_id=user_id, lesson=lesson)):
        transaction.on_commit(
            lambda: course_completion_evaluate(
                user=get_user_model().objects.get(pk=user_id),
                course=CoursePage.objects.get(pk=lesson.course_id),
                actor=SYSTEM,
            )
        )
    return HeartbeatResult(
        status="credited",
        credited_seconds=changes.credit,
        hours_added=hours_added,
        lesson_completed=lesson_completed,
        video_fraction=study.video_fraction if video else None,
        video_capped=study.video_claim_capped if video else False,
    )


def _clock_changes(
    *,
    state: StudyState,
    view: page_views.PageView,
    seq: int,
    visible: bool,
    interacted: bool,
    closing: bool,
    now,
) -> StudyChanges | None:
    """The clock after this heartbeat and what it credits; None for a replayed sequence number."""
    interval = settings.HEARTBEAT_INTERVAL_SECONDS
    stamp = now.timestamp()
    views = _recent_views(state.views, stamp)
    last_seq, last_beat, last_interaction = (
        views.get(view.view_id) or [0, None, view.issued_at.timestamp()]
    )[:3]
    if seq <= last_seq:
        return None
    if interacted:
        last_interaction = stamp
    # The fourth field: the page said it was hidden (closing), so it is no longer beating.
    views[view.view_id] = [seq, stamp, last_interaction, int(closing)]

    status = "credited"
    if not visible:
        status = "hidden"
    elif stamp - last_interaction > settings.HEARTBEAT_IDLE_SECONDS:
        status = "idle"
    credit = 0
    if status == "credited":
        # The stretch this heartbeat stands for: one interval at most, after the page was served,
        # after this page view's previous heartbeat and after whatever is credited already.
        since = max(stamp - interval, view.issued_at.timestamp(), last_beat or 0)
        if state.credited_until:
            since = max(since, state.credited_until.timestamp())
        credit = int(max(0, stamp - since))
    today = timezone.localdate(now)
    day_seconds = state.day_seconds if state.day == today else 0
    credit = max(0, min(credit, settings.HEARTBEAT_DAILY_CAP_SECONDS - day_seconds))
    return StudyChanges(
        credited_until=now if credit else state.credited_until,
        views=views,
        day=today,
        day_seconds=day_seconds + credit,
        credit=credit,
        status=status,
        beating=sum(1 for entry in views.values() if stamp - entry[1] <= 2 * interval and entry[3:4] != [1]),
    )


def _signed_in(*, user_id: int, session_hash: str) -> bool:
    row = get_user_model().objects.filter(pk=user_id).values_list("password", "is_active").first()
    return session_user_valid(session_hash=session_hash, password=row and row[0], is_active=row and row[1])


def _user(user_id: int):
    """A reference to the user for a foreign key, without loading the row."""
    return get_user_model()(pk=user_id)


def _lesson(lesson: LessonFacts) -> LessonPage:
    return LessonPage(pk=lesson.lesson_id)


def _recent_views(views: dict, stamp: float) -> dict:
    """The page views worth remembering at ``stamp``: those whose token could still be valid, the latest first."""
    horizon = stamp - settings.HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS
    recent = sorted(
        ((key, value) for key, value in (views or {}).items() if value[1] >= horizon),
        key=lambda item: item[1][1],
        reverse=True,
    )
    return dict(recent[:VIEW_MEMORY_CAP])


def _credit_video(
    *,
    study: LessonStudy,
    editors_length: int | None,
    ranges: list[tuple[float, float]] | None,
    claim: float | None,
    client_length,
    credit: int,
) -> None:
    """Credit watched video seconds to ``study`` for one heartbeat that earned ``credit`` seconds.

    The browser's ranges are only an upper bound. The seconds they cover beyond the union already
    credited are new; at most ``credit`` times ``VIDEO_MAX_PLAYBACK_RATE`` of them are credited,
    taken in order from the start of the video, so a heartbeat that earns nothing (over the daily
    cap, or sent in a burst) adds nothing, a forged range over the whole video is worth no more
    than honest fast playback, and playing a stretch again adds nothing. Ranges are rounded to
    whole seconds and clipped to the video's length. Watched seconds never shrink.

    An older page reports only the share it has played (``claim``, used when ``ranges`` is None);
    it is read as the opening stretch of that share, which credits exactly what such pages earned
    before ranges were reported.

    The length turns ranges into a share. The most trustworthy one is the length the lesson's
    editors gave on each uploaded video (required since the field exists). Lessons saved before
    that fall back to the length the trainee's browser measured: fixed at its first report, never
    changed by later ones, taken only within ``CLIENT_VIDEO_LENGTH_RANGE``, and flagged on the row
    so an audit can tell the two apart. Without any length nothing is credited.
    """
    if editors_length is not None:
        study.video_duration_seconds = editors_length
        study.video_duration_from_client = False
    elif study.video_duration_seconds is None and client_length is not None:
        low, high = CLIENT_VIDEO_LENGTH_RANGE
        study.video_duration_seconds = round(min(max(float(client_length), low), high))
        study.video_duration_from_client = True

    length = study.video_duration_seconds
    if ranges is None:
        share = min(max(float(claim), 0.0), 1.0)
        if not length:
            # Kept for audit even when nothing can be credited.
            study.video_fraction_claimed = max(study.video_fraction_claimed, Decimal(str(round(share, 3))))
            return
        ranges = [(0, share * length)]
    if not length:
        return
    # Clipped again in case the editors have since given a shorter length.
    credited = _merged([(_clip(start, length), _clip(end, length)) for start, end in study.video_ranges])
    reported = _merged([(_clip(start, length), _clip(end, length)) for start, end in ranges])
    claimed = _covered(_merged(credited + reported)) / length
    study.video_fraction_claimed = max(study.video_fraction_claimed, Decimal(str(round(claimed, 3))))

    allowance = int(credit * settings.VIDEO_MAX_PLAYBACK_RATE)
    new = _uncovered(reported, credited)
    study.video_claim_capped = _covered(new) > allowance
    added = []
    for start, end in new:
        if allowance <= 0:
            break
        end = min(end, start + allowance)
        added.append((start, end))
        allowance -= end - start
    study.video_ranges = [list(pair) for pair in _merged(credited + added)]
    study.video_watched_seconds = max(study.video_watched_seconds, _covered(study.video_ranges))


def _clip(seconds: float, length: int) -> int:
    return min(max(round(seconds), 0), length)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` sorted, with overlapping or touching ones joined and empty ones left out."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _uncovered(ranges: list[tuple[int, int]], covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``ranges`` outside ``covered``, in order; both must be merged."""
    pieces = []
    for start, end in ranges:
        for covered_start, covered_end in covered:
            if covered_start >= end:
                break
            if covered_end <= start:
                continue
            if covered_start > start:
                pieces.append((start, covered_start))
            start = covered_end
        if start < end:
            pieces.append((start, end))
    return pieces


def _covered(ranges) -> int:
    """The seconds ``ranges`` cover; they must be merged."""
    return sum(end - start for start, end in ranges)


def _locked_clock(user) -> StudyClock:
    """The user's study clock, locked until the end of the transaction; created on first use."""
    clock = StudyClock.objects.select_for_update().filter(user=user).first()
    if clock is None:
        try:
            with transaction.atomic():
                StudyClock.objects.create(user=user)
        except IntegrityError:
            pass  # Created by a concurrent heartbeat of the same user.
        clock = StudyClock.objects.select_for_update().get(user=user)
    return clock


# --- Lesson completion ----------------------------------------------------------------------


def _complete_lesson(*, user, lesson: LessonPage) -> bool:
    """Record the completion once; True if it is new."""
    _completion, created = LessonCompletion.objects.get_or_create(user=user, lesson=lesson)
    return created


def lesson_completion_allowed(*, user, lesson: LessonPage) -> tuple[bool, str]:
    """Whether the trainee may mark ``lesson`` complete now, and if not, why (in the user's language)."""
    course = _course_of(lesson)
    if _enrolment_covering(user=user, course=course) is None:
        return False, _("Only trainees enrolled in this course can record progress.")
    if selectors.lesson_has_video(lesson=lesson):
        return False, _("This lesson completes itself once you have watched enough of its video.")
    rule = selectors.course_rule_for(course=course)
    needed = rule.seconds_before_mark_complete(estimated_minutes=lesson.estimated_minutes)
    study = selectors.lesson_study(user=user, lesson=lesson)
    studied = study.active_seconds if study else 0
    if studied < needed:
        minutes = max(1, -(-(needed - studied) // 60))
        return False, _(
            "Study this lesson for about %(minutes)s more minutes before marking it complete."
        ) % {"minutes": minutes}
    return True, ""


@guarded(SELF, actor="user")
def lesson_mark_complete(*, user, lesson: LessonPage) -> LessonCompletion:
    """Mark a non-video lesson complete for ``user`` (the signed-in trainee). Idempotent.

    Allowed once the trainee has studied the lesson actively for the course rule's share of its
    estimated minutes. Raises ProgressError with a message for the user otherwise.
    """
    existing = LessonCompletion.objects.filter(user=user, lesson=lesson).first()
    if existing:
        return existing
    allowed, message = lesson_completion_allowed(user=user, lesson=lesson)
    if not allowed:
        raise ProgressError(message)
    _complete_lesson(user=user, lesson=lesson)
    course_completion_evaluate(user=user, course=_course_of(lesson), actor=SYSTEM)
    return LessonCompletion.objects.get(user=user, lesson=lesson)


# --- Course and enrolment completion --------------------------------------------------------


@guarded(SYSTEM_ONLY)
def course_completion_evaluate(*, user, course: CoursePage, actor) -> bool:
    """Record that ``user`` completed ``course`` if its rule is now met, and complete any enrolment
    whose courses are then all done. Idempotent; safe to call after any progress change.
    Returns whether the course is complete.
    """
    progress = selectors.course_progress(user=user, course=course)
    if not progress.completed:
        return False
    try:
        with transaction.atomic():
            _completion, created = CourseCompletion.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        created = False  # Recorded by a concurrent request.
    if created:
        learning_progressed_send(sender=CourseCompletion, user_id=user.pk, reason=Reason.COURSE_COMPLETED)
    _complete_enrolments(user=user, course=course)
    return True


def _complete_enrolments(*, user, course: CoursePage) -> None:
    from courses.services.enrolments import enrolment_complete

    enrolments = list(
        Enrolment.objects.filter(user=user, status=EnrolmentStatus.ENROLLED)
        .filter(_covering(course))
        .select_related("cohort", "cohort__course", "cohort__program")
    )
    if not enrolments:
        return
    courses_by_cohort = selectors.cohort_progress_courses(cohorts=[e.cohort for e in enrolments])
    progress = selectors.progress_for_courses(
        user=user, courses=[c for courses in courses_by_cohort.values() for c in courses]
    )
    for enrolment in enrolments:
        courses = courses_by_cohort[enrolment.cohort_id]
        if courses and all(progress[c.pk].completed for c in courses):
            enrolment_complete(
                actor=SYSTEM, enrolment=enrolment, reason=_("All courses of the cohort completed.")
            )


# --- Ledger ---------------------------------------------------------------------------------


@guarded(REGISTRAR)
def hours_adjust(*, user, course: CoursePage, hours: Decimal, reason: str, actor, cohort=None) -> HoursEntry:
    """Add a manual credit or correction to ``user``'s ledger for ``course``. Registrars only.

    The entry records who made it, when and why (a reason is required); nothing is ever edited
    or deleted, so the ledger is its own audit trail. A correction may not take the trainee's
    hours for the course below zero. Atomic.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ProgressError(_("Give a reason for the adjustment."))
    hours = Decimal(hours)
    if hours == 0:
        raise ProgressError(_("An adjustment must add or remove some hours."))
    with transaction.atomic():
        _locked_clock(user)
        if selectors.hours_total(user=user, courses=[course]) + hours < 0:
            raise ProgressError(
                _("The adjustment would take the trainee's hours for this course below zero.")
            )
        entry = HoursEntry.objects.create(
            user=user,
            course=course,
            cohort=cohort,
            source=HoursSource.MANUAL,
            hours=hours,
            reason=reason,
            created_by=actor,
        )
    course_completion_evaluate(user=user, course=course, actor=SYSTEM)
    return entry


__all__ = [
    "HeartbeatResult",
    "ProgressError",
    "course_completion_evaluate",
    "hours_adjust",
    "lesson_completion_allowed",
    "lesson_mark_complete",
    "progress_record_heartbeat",
    "progress_record_heartbeat_by_id",
]
