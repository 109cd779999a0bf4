"""Trainee records (学员档案): what the training base keeps about a trainee, for audits and for the trainee.

Two halves. ``trainee_records_load`` reads everything for a set of trainees in a fixed number of
queries, whatever their number. ``RecordsWorkbook`` (``records_workbook``) and ``record_as_json``
are pure: records in, bytes or plain data out, no database access. Who may see which record, and
whether identity numbers are shown in full, is decided by the caller (see ``courses.accounts``).
"""

import contextlib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from wagtail.models import Page

from cms.models import CoursePage
from core.spreadsheets import append_row, save
from courses.accounts.identity import IdentityDocumentType, mask_identity_number
from courses.accounts.models import PrivacyConsent, TraineeProfile
from courses.models import (
    CourseCompletion,
    Enrolment,
    EnrolmentEvent,
    EnrolmentStatus,
    HoursEntry,
    HoursSource,
    LessonCompletion,
)
from courses.practice.reports import PracticeRecordRow, practice_records
from courses.selectors.standing import credited_hours_total


@dataclass(frozen=True)
class EnrolmentRow:
    cohort_code: str
    cohort_title: str
    subject: str  # the course or program the cohort runs
    starts_on: date
    ends_on: date
    status: str
    applied_at: datetime
    history: list[tuple[datetime, str, str]]  # (when, from status, to status)


@dataclass(frozen=True)
class HoursRow:
    course_code: str
    course_title: str
    cohort_code: str
    source: str
    hours: Decimal
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class CompletionRow:
    course_code: str
    course_title: str
    lesson_title: str  # empty for a whole course
    completed_at: datetime


@dataclass(frozen=True)
class TraineeRecord:
    user_id: int
    username: str
    email: str
    real_name: str
    organisation: str
    phone: str
    identity_document_type: str
    identity_number: str  # full or masked, as the reader may see it
    identity_number_is_full: bool
    consents: list[tuple[str, datetime]] = field(default_factory=list)
    enrolments: list[EnrolmentRow] = field(default_factory=list)
    hours: list[HoursRow] = field(default_factory=list)
    lessons: list[CompletionRow] = field(default_factory=list)
    courses: list[CompletionRow] = field(default_factory=list)
    # Practical assessment (实务考核): submissions, reviews, scores and defence outcomes, scores once released.
    practice: list[PracticeRecordRow] = field(default_factory=list)
    # Hours credited (``standing``: each course capped at its hours), as every other screen totals
    # them; the ledger's entries above may add up to more.
    total_hours: Decimal = Decimal("0")


def trainee_records_load(*, users: QuerySet, full_identity_numbers: bool) -> list[TraineeRecord]:
    """The records of ``users`` (a User queryset), in username order, in ten queries for any
    number (thirteen when any of them has practical work).

    Facts are read as plain rows (no page objects are built), so a cohort of hundreds stays quick.
    With ``full_identity_numbers=False`` identity numbers are masked before they leave this function.
    """
    user_list = list(users.select_related("trainee_profile").order_by("username").distinct())  # 1
    ids = [user.pk for user in user_list]

    consents = defaultdict(list)
    for user_id, version, at in (
        PrivacyConsent.objects.filter(user_id__in=ids)
        .order_by("consented_at", "pk")
        .values_list("user_id", "notice_version", "consented_at")
    ):  # 2
        consents[user_id].append((version, at))

    statuses = {value: str(label) for value, label in EnrolmentStatus.choices}
    history = defaultdict(list)
    for enrolment_id, at, before, after in (
        EnrolmentEvent.objects.filter(enrolment__user_id__in=ids)
        .order_by("created_at", "pk")
        .values_list("enrolment_id", "created_at", "from_status", "to_status")
    ):  # 3
        history[enrolment_id].append((at, statuses.get(before, before), statuses.get(after, after)))
    enrolments = defaultdict(list)
    for row in (
        Enrolment.objects.filter(user_id__in=ids)
        .order_by("created_at", "pk")
        .values_list(
            "pk",
            "user_id",
            "cohort__code",
            "cohort__title",
            "cohort__course__title",
            "cohort__program__title",
            "cohort__starts_on",
            "cohort__ends_on",
            "status",
            "created_at",
        )
    ):  # 4
        pk, user_id, code, title, course_title, program_title, starts_on, ends_on, status, created_at = row
        enrolments[user_id].append(
            EnrolmentRow(
                cohort_code=code,
                cohort_title=title,
                subject=course_title or program_title or "",
                starts_on=starts_on,
                ends_on=ends_on,
                status=statuses.get(status, status),
                applied_at=created_at,
                history=history[pk],
            )
        )

    sources = {value: str(label) for value, label in HoursSource.choices}
    hours = defaultdict(list)
    for user_id, code, title, cohort_code, source, amount, reason, created_at in (
        HoursEntry.objects.filter(user_id__in=ids)
        .order_by("created_at", "pk")
        .values_list(
            "user_id",
            "course__code",
            "course__title",
            "cohort__code",
            "source",
            "hours",
            "reason",
            "created_at",
        )
    ):  # 5
        hours[user_id].append(
            HoursRow(
                course_code=code,
                course_title=title,
                cohort_code=cohort_code or "",
                source=sources.get(source, source),
                hours=amount,
                reason=reason,
                created_at=created_at,
            )
        )

    completions = list(
        LessonCompletion.objects.filter(user_id__in=ids)
        .order_by("completed_at", "pk")
        .values_list("user_id", "lesson__title", "lesson__path", "completed_at")
    )  # 6
    # A lesson's course is its parent page: one query for all of them, by tree path.
    parent_paths = {path[: -Page.steplen] for _, _, path, _ in completions}
    courses_by_path = {
        path: (code, title)
        for path, code, title in CoursePage.objects.filter(path__in=parent_paths).values_list(
            "path", "code", "title"
        )
    }  # 7
    lessons = defaultdict(list)
    for user_id, lesson_title, path, completed_at in completions:
        code, title = courses_by_path.get(path[: -Page.steplen], ("", ""))
        lessons[user_id].append(
            CompletionRow(
                course_code=code, course_title=title, lesson_title=lesson_title, completed_at=completed_at
            )
        )

    courses = defaultdict(list)
    for user_id, code, title, completed_at in (
        CourseCompletion.objects.filter(user_id__in=ids)
        .order_by("completed_at", "pk")
        .values_list("user_id", "course__code", "course__title", "completed_at")
    ):  # 8
        courses[user_id].append(
            CompletionRow(course_code=code, course_title=title, lesson_title="", completed_at=completed_at)
        )

    practice = practice_records(user_ids=ids)  # 9 (to 12)
    credited = credited_hours_total(user_ids=ids)  # 10

    document_types = {value: str(label) for value, label in IdentityDocumentType.choices}
    records = []
    for user in user_list:
        try:
            profile = user.trainee_profile
        except TraineeProfile.DoesNotExist:
            profile = None
        number = profile.identity_number if profile else ""
        records.append(
            TraineeRecord(
                user_id=user.pk,
                username=user.get_username(),
                email=user.email,
                real_name=profile.real_name if profile else "",
                organisation=profile.organisation if profile else "",
                phone=profile.phone if profile else "",
                identity_document_type=document_types.get(profile.identity_document_type, "")
                if profile
                else "",
                identity_number=number if full_identity_numbers else mask_identity_number(number),
                identity_number_is_full=full_identity_numbers,
                consents=consents[user.pk],
                enrolments=enrolments[user.pk],
                hours=hours[user.pk],
                lessons=lessons[user.pk],
                courses=courses[user.pk],
                practice=practice.get(user.pk, []),
                total_hours=credited.get(user.pk, Decimal("0")),
            )
        )
    return records


def trainee_records_for_user_ids(*, user_ids: list[int], full_identity_numbers: bool) -> list[TraineeRecord]:
    users = get_user_model().objects.filter(pk__in=user_ids)
    return trainee_records_load(users=users, full_identity_numbers=full_identity_numbers)


# --- Excel ------------------------------------------------------------------------------------


class RecordsWorkbook:
    """An .xlsx workbook of trainee records: one sheet per kind of fact, a trainee per row or per fact.

    Written a batch of records at a time (``add``), so a large cohort need not be held in memory
    at once and its progress can be told; ``save`` closes it. Rows follow the order the records are
    added. Headers are in the language active when it is made. Pure: no database access.
    """

    def __init__(self, *, note: str = ""):
        self._note = note
        self._book = Workbook(write_only=True)
        self._trainees = self._sheet(
            _("Trainees"),
            [
                _("Username"),
                _("Real name"),
                _("Email"),
                _("Organisation"),
                _("Mobile phone"),
                _("Identity document"),
                _("Identity document number"),
                _("Privacy notice version"),
                _("Consented at"),
                _("Learning hours"),
                _("Lessons completed"),
                _("Courses completed"),
            ],
        )
        self._enrolments = self._sheet(
            _("Enrolments"),
            [
                _("Username"),
                _("Real name"),
                _("Cohort code"),
                _("Cohort"),
                _("Course or program"),
                _("Starts on"),
                _("Ends on"),
                _("Status"),
                _("Applied at"),
                _("Status history"),
            ],
        )
        self._hours = self._sheet(
            _("Learning hours"),
            [
                _("Username"),
                _("Real name"),
                _("Course code"),
                _("Course"),
                _("Cohort code"),
                _("Source"),
                _("Hours"),
                _("Reason"),
                _("Credited at"),
            ],
        )
        self._completed = self._sheet(
            _("Completions"),
            [_("Username"), _("Real name"), _("Course code"), _("Course"), _("Lesson"), _("Completed at")],
        )
        self._practice = self._sheet(
            _("Practical assessment"),
            [
                _("Username"),
                _("Real name"),
                _("Assignment"),
                _("Anonymous code"),
                _("Versions"),
                _("Last submitted at"),
                _("Late"),
                _("Marking state"),
                _("Released at"),
                _("Report score"),
                _("Maximum score"),
                _("Passed"),
                _("Reviews (round: total)"),
                _("Defence at"),
                _("Defence outcome"),
                _("Defence score"),
                _("Reasons"),
            ],
        )
        self._whole_course = _("(whole course)")

    def _sheet(self, title: str, header: list[str]):
        sheet = self._book.create_sheet(title)
        append_row(sheet, header, bold=True)
        return sheet

    def add(self, records: list[TraineeRecord]) -> None:
        for record in records:
            consent_version, consented_at = record.consents[-1] if record.consents else ("", None)
            append_row(
                self._trainees,
                [
                    record.username,
                    record.real_name,
                    record.email,
                    record.organisation,
                    record.phone,
                    record.identity_document_type,
                    record.identity_number,
                    consent_version,
                    consented_at,
                    record.total_hours,
                    len(record.lessons),
                    len(record.courses),
                ],
            )
            for row in record.enrolments:
                history = "; ".join(
                    f"{timezone.localtime(when):%Y-%m-%d %H:%M} {before or '-'} → {after}"
                    for when, before, after in row.history
                )
                append_row(
                    self._enrolments,
                    [
                        record.username,
                        record.real_name,
                        row.cohort_code,
                        row.cohort_title,
                        row.subject,
                        row.starts_on,
                        row.ends_on,
                        row.status,
                        row.applied_at,
                        history,
                    ],
                )
            for row in record.hours:
                append_row(
                    self._hours,
                    [
                        record.username,
                        record.real_name,
                        row.course_code,
                        row.course_title,
                        row.cohort_code,
                        row.source,
                        row.hours,
                        row.reason,
                        row.created_at,
                    ],
                )
            for row in record.practice:
                append_row(
                    self._practice,
                    [
                        record.username,
                        record.real_name,
                        row.assignment,
                        row.code,
                        row.versions,
                        row.last_submitted_at,
                        _("yes") if row.late else _("no"),
                        row.state,
                        row.released_at,
                        row.score,
                        row.max_score,
                        "" if row.passed is None else (_("yes") if row.passed else _("no")),
                        "; ".join(f"{round_}: {total}" for round_, total, _at in row.reviews),
                        row.defence_at,
                        row.defence_result,
                        row.defence_score,
                        row.defence_reasons,
                    ],
                )
            for row in [*record.courses, *record.lessons]:
                append_row(
                    self._completed,
                    [
                        record.username,
                        record.real_name,
                        row.course_code,
                        row.course_title,
                        row.lesson_title or self._whole_course,
                        row.completed_at,
                    ],
                )

    def discard(self) -> None:
        """Give up the workbook: close its sheets and delete their temporary files, which hold the
        rows written so far (openpyxl would otherwise keep them until the process exits)."""
        for sheet in self._book.worksheets:
            with contextlib.suppress(Exception):  # a sheet may be broken by the error that led here
                if not sheet.closed:
                    sheet.close()
            writer = sheet._writer  # openpyxl has no public way to remove a write-only sheet's file
            if writer is not None and os.path.exists(writer.out):
                writer.cleanup()

    def save(self) -> bytes:
        about = self._book.create_sheet(_("About"))
        append_row(about, [_("Trainee record"), timezone.now()], bold=True)
        if self._note:
            append_row(about, [self._note])
        return save(self._book)


def records_workbook(records: list[TraineeRecord], *, note: str = "") -> bytes:
    """An .xlsx workbook of ``records`` (see ``RecordsWorkbook``). Pure: no database access."""
    book = RecordsWorkbook(note=note)
    book.add(records)
    return book.save()


def record_as_json(record: TraineeRecord, *, note: str = "") -> dict:
    """One record as plain JSON-ready data (ISO dates, decimal hours as strings). Pure."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "generated_at": timezone.now().isoformat(),
        "note": note,
        "account": {"username": record.username, "email": record.email},
        "profile": {
            "real_name": record.real_name,
            "organisation": record.organisation,
            "phone": record.phone,
            "identity_document_type": record.identity_document_type,
            "identity_number": record.identity_number,
            "identity_number_is_full": record.identity_number_is_full,
        },
        "privacy_consents": [
            {"notice_version": version, "consented_at": when(at)} for version, at in record.consents
        ],
        "enrolments": [
            {
                "cohort_code": row.cohort_code,
                "cohort": row.cohort_title,
                "course_or_program": row.subject,
                "starts_on": when(row.starts_on),
                "ends_on": when(row.ends_on),
                "status": row.status,
                "applied_at": when(row.applied_at),
                "history": [
                    {"at": when(at), "from": before, "to": after} for at, before, after in row.history
                ],
            }
            for row in record.enrolments
        ],
        "learning_hours": {
            "total": str(record.total_hours.quantize(Decimal("0.001"))),  # as the entries: 2.000
            "entries": [
                {
                    "course_code": row.course_code,
                    "course": row.course_title,
                    "cohort_code": row.cohort_code,
                    "source": row.source,
                    "hours": str(row.hours),
                    "reason": row.reason,
                    "credited_at": when(row.created_at),
                }
                for row in record.hours
            ],
        },
        "completed_courses": [
            {
                "course_code": row.course_code,
                "course": row.course_title,
                "completed_at": when(row.completed_at),
            }
            for row in record.courses
        ],
        "practical_assessment": [
            {
                "assignment": row.assignment,
                "code": row.code,
                "versions": row.versions,
                "last_submitted_at": when(row.last_submitted_at),
                "late": row.late,
                "state": row.state,
                "released_at": when(row.released_at),
                "score": None if row.score is None else str(row.score),
                "max_score": None if row.max_score is None else str(row.max_score),
                "passed": row.passed,
                "reviews": [
                    {"round": round_, "total": str(total), "submitted_at": when(at)}
                    for round_, total, at in row.reviews
                ],
                "defence_at": when(row.defence_at),
                "defence_outcome": row.defence_result,
                "defence_score": None if row.defence_score is None else str(row.defence_score),
                "defence_reasons": row.defence_reasons,
            }
            for row in record.practice
        ],
        "completed_lessons": [
            {
                "course_code": row.course_code,
                "course": row.course_title,
                "lesson": row.lesson_title,
                "completed_at": when(row.completed_at),
            }
            for row in record.lessons
        ],
    }
