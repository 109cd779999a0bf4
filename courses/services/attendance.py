"""Writes about offline sessions: rotating check-in codes, attendance and the hours it credits.

What binds a QR check-in to the room: the code on the instructor's screen is derived from the
session's own secret and changes every ``CHECKIN_CODE_SECONDS`` (30 s by default); only the current
and the previous code are accepted, so a code forwarded to someone outside works for under a minute.
Scanning gives the phone a device cookie, and one device checks in one trainee per session, so a
trainee in the room cannot check absent classmates in on their own phone by signing in as them.
Refused codes and shared devices are flagged for registrars, and the screen lists who has checked in
so staff can compare it with the room and record by hand those who could not scan.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.guards import SELF, guarded
from courses.guards import LEARNING_STAFF, REGISTRAR, SYSTEM
from courses.models import (
    AnomalyKind,
    Attendance,
    AttendanceMethod,
    Enrolment,
    HoursEntry,
    HoursSource,
    OfflineSession,
)
from courses.models.enrolments import PLACE_HOLDING
from courses.services.anomalies import anomaly_record
from courses.services.progress import ProgressError, course_completion_evaluate
from courses.signals import Reason, learning_progressed_send

EXPIRED_CODE_MESSAGE = gettext_lazy(
    "This check-in code has expired. Scan the code on the screen again — it keeps changing."
)
SHARED_DEVICE_MESSAGE = gettext_lazy(
    "This phone has already checked in another trainee to this session. Each trainee checks in on "
    "their own phone; ask the staff if you cannot."
)
NO_DEVICE_MESSAGE = gettext_lazy(
    "Your browser did not keep the check-in cookie. Allow cookies for this site and scan the code again."
)
# Check-in opens this long before a session starts.
CHECKIN_OPENS_BEFORE = datetime.timedelta(minutes=30)


def _bucket(at: datetime.datetime) -> int:
    return int(at.timestamp()) // settings.CHECKIN_CODE_SECONDS


def _code_for(session: OfflineSession, bucket: int) -> str:
    # TOTP-like: an HMAC of the time window under the session's own secret (and the site's key).
    key = f"{settings.SECRET_KEY}:{session.checkin_secret}".encode()
    return hmac.new(key, f"tta-checkin:{session.pk}:{bucket}".encode(), hashlib.sha256).hexdigest()[:20]


def checkin_code(*, session: OfflineSession, at: datetime.datetime | None = None) -> str:
    """The code the check-in screen shows now. It changes every ``CHECKIN_CODE_SECONDS``. Pure."""
    return _code_for(session, _bucket(at or timezone.now()))


def checkin_code_is_valid(*, session: OfflineSession, code: str, at: datetime.datetime | None = None) -> bool:
    """True for the current code and the one before it (a trainee may scan just before it changes)."""
    bucket = _bucket(at or timezone.now())
    given = (code or "").encode()  # compare_digest takes str only when ASCII: a typed "码" must not raise
    return any(hmac.compare_digest(given, _code_for(session, b).encode()) for b in (bucket, bucket - 1))


def _refuse_outside_session(session: OfflineSession, at: datetime.datetime) -> None:
    if at < session.starts_at - CHECKIN_OPENS_BEFORE:
        raise ProgressError(_("Check-in for this session has not opened yet."))
    if at > session.ends_at:
        raise ProgressError(_("This session has ended; check-in is closed."))


def _record(*, user, session: OfflineSession, method: str, device: str = "") -> tuple[Attendance, bool]:
    """Record attendance and credit its hours, both once. Atomic."""
    try:
        with transaction.atomic():
            attendance, created = Attendance.objects.get_or_create(
                session=session, user=user, defaults={"method": method, "device": device}
            )
            if created and session.hours > 0:
                HoursEntry.objects.create(
                    user=user,
                    course=session.course,
                    cohort=session.cohort,
                    source=HoursSource.OFFLINE,
                    hours=session.hours,
                    key=f"attendance:{attendance.pk}",
                )
    except IntegrityError:
        # A concurrent scan by the same trainee recorded it first, or another trainee used the device.
        attendance = Attendance.objects.filter(session=session, user=user).first()
        if attendance is None:
            raise ProgressError(str(SHARED_DEVICE_MESSAGE)) from None
        return attendance, False
    if created:
        learning_progressed_send(sender=Attendance, user_id=user.pk, reason=Reason.ATTENDED)
        course_completion_evaluate(user=user, course=session.course, actor=SYSTEM)
    return attendance, created


@guarded(SELF, actor="user")
def attendance_check_in(
    *, user, session: OfflineSession, code: str, device: str, at: datetime.datetime | None = None
) -> tuple[Attendance, bool]:
    """Check the signed-in trainee in to ``session`` with the code they scanned on ``device`` (the
    device cookie their phone got when scanning).

    Refused (ProgressError with a message for the trainee) when the code is not the current or
    the previous one (flagged for registrars), when there is no device, when the device has checked
    in another trainee to this session (flagged), when check-in is not open, or when the trainee has
    no place in the session's cohort. Idempotent: a second check-in (even with a code rotated since,
    as when the trainee re-opens their used link) returns the first attendance, credits nothing more
    and flags nothing. Returns the attendance and whether it is new.
    """
    at = at or timezone.now()
    # A trainee already checked in who re-opens their used link (its code rotated since) is told
    # they are checked in: nothing is credited again and nothing is flagged.
    done = Attendance.objects.filter(session=session, user=user).first()
    if done is not None:
        return done, False
    if not checkin_code_is_valid(session=session, code=code, at=at):
        anomaly_record(
            user=user,
            kind=AnomalyKind.CHECKIN_STALE_CODE,
            session=session,
            now=at,
            detail=f"code {code[:20]}",
        )
        raise ProgressError(str(EXPIRED_CODE_MESSAGE))
    if not device:
        raise ProgressError(str(NO_DEVICE_MESSAGE))
    _refuse_outside_session(session, at)
    if not Enrolment.objects.filter(
        user=user, cohort_id=session.cohort_id, status__in=PLACE_HOLDING
    ).exists():
        raise ProgressError(_("You are not enrolled in the cohort of this session."))
    other = Attendance.objects.filter(session=session, device=device).exclude(user=user).first()
    if other is not None:
        anomaly_record(
            user=user,
            kind=AnomalyKind.CHECKIN_SHARED_DEVICE,
            session=session,
            now=at,
            detail=f"device of {other.user}",
        )
        raise ProgressError(str(SHARED_DEVICE_MESSAGE))
    return _record(user=user, session=session, method=AttendanceMethod.QR, device=device)


@guarded(LEARNING_STAFF)
def attendance_record_by_staff(*, user, session: OfflineSession, actor) -> tuple[Attendance, bool]:
    """Record attendance for a trainee who could not scan (registrars and instructors). Idempotent."""
    if not Enrolment.objects.filter(
        user=user, cohort_id=session.cohort_id, status__in=PLACE_HOLDING
    ).exists():
        raise ProgressError(_("This trainee is not enrolled in the cohort of this session."))
    return _record(user=user, session=session, method=AttendanceMethod.STAFF)


@guarded(REGISTRAR)
def offline_session_create(
    *,
    cohort,
    course,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    hours,
    location: str = "",
    actor,
) -> OfflineSession:
    """Schedule an offline session of a cohort (registrars only). Its location defaults to the cohort's."""
    if ends_at <= starts_at:
        raise ProgressError(_("A session must end after it starts."))
    return OfflineSession.objects.create(
        cohort=cohort,
        course=course,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        hours=hours,
        location=location or cohort.location,
    )
