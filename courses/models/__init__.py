"""Learner state: cohorts, enrolments, progress and the learning-hours ledger.

Public names are re-exported here; modules group them by kind.
"""

from .anomalies import AnomalyKind, ProgressAnomaly
from .attendance import Attendance, AttendanceMethod, OfflineSession
from .cohorts import Cohort, EnrolmentMode
from .enrolments import Enrolment, EnrolmentEvent, EnrolmentStatus, ImportBatch, ImportOutcome
from .progress import CourseCompletion, CourseRule, HoursEntry, HoursSource, LessonCompletion
from .study import CourseStudy, LessonStudy, StudyClock

__all__ = [
    "AnomalyKind",
    "ProgressAnomaly",
    "Attendance",
    "AttendanceMethod",
    "CourseCompletion",
    "CourseRule",
    "CourseStudy",
    "LessonStudy",
    "OfflineSession",
    "StudyClock",
    "Cohort",
    "Enrolment",
    "EnrolmentEvent",
    "EnrolmentMode",
    "EnrolmentStatus",
    "HoursEntry",
    "ImportBatch",
    "ImportOutcome",
    "HoursSource",
    "LessonCompletion",
]
