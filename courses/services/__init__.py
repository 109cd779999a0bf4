"""Writes of the learning app. Modules group them by subject; public names are re-exported here."""

from .attendance import (
    attendance_check_in,
    attendance_record_by_staff,
    checkin_code,
    checkin_code_is_valid,
    offline_session_create,
)
from .enrolments import (
    EnrolmentError,
    enrolment_approve,
    enrolment_complete,
    enrolment_create,
    enrolment_invite,
    enrolment_reject,
    enrolment_withdraw,
    imported_account_welcome,
    waitlist_promote,
)
from .progress import (
    HeartbeatResult,
    ProgressError,
    course_completion_evaluate,
    hours_adjust,
    lesson_completion_allowed,
    lesson_mark_complete,
    progress_record_heartbeat,
    progress_record_heartbeat_by_id,
)

__all__ = [
    "HeartbeatResult",
    "ProgressError",
    "attendance_check_in",
    "attendance_record_by_staff",
    "checkin_code",
    "checkin_code_is_valid",
    "course_completion_evaluate",
    "hours_adjust",
    "lesson_completion_allowed",
    "lesson_mark_complete",
    "offline_session_create",
    "progress_record_heartbeat",
    "progress_record_heartbeat_by_id",
    "EnrolmentError",
    "enrolment_approve",
    "enrolment_complete",
    "enrolment_create",
    "enrolment_invite",
    "enrolment_reject",
    "enrolment_withdraw",
    "imported_account_welcome",
    "waitlist_promote",
]
