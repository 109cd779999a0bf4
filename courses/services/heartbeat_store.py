"""The heartbeat's two statements: one read of everything it needs, one write of everything it changes.

Crediting a heartbeat through the ORM took about a dozen statements, and most of its CPU went into
building them. Here the read is one SELECT (the user's password hash and ``is_active`` for the
session check, the study clock, the course and lesson study rows, and the covering enrolment) and
the write is one statement too, applied only if the clock is still the one that was read: its
``version`` is compared and bumped (compare-and-set), so two heartbeats of one trainee that race
each other cannot both win; the loser reads again and tries again (``progress_record_heartbeat``).
Every other row the write touches is written only together with the clock, so whatever it reads
about them is as current as the clock it read.

On PostgreSQL the write is one statement: the clock update in a WITH clause, and the study rows
and ledger entries inserted or updated only when that update returned a row. SQLite has no
writing WITH clauses, so there the same changes run one after another in a transaction, the clock
first. The ledger's unique ``key`` makes a tenth of an hour credited twice impossible on both.
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Page

from cms.models import ProgramPage
from config.sql import hot_cursor
from courses.models import (
    Cohort,
    CourseCompletion,
    CourseStudy,
    Enrolment,
    HoursEntry,
    HoursSource,
    LessonStudy,
    StudyClock,
)
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.lesson_facts import LessonFacts

_USER = get_user_model()._meta.db_table
_CLOCK = StudyClock._meta.db_table
_LESSON = LessonStudy._meta.db_table
_COURSE = CourseStudy._meta.db_table
_LEDGER = HoursEntry._meta.db_table

# The covering enrolment chooses as ``progress._enrolment_covering`` does: the course's own cohort
# (any language of it) first, then a program cohort of its level; the latest of those.
_READ = f"""
SELECT u.password, u.is_active,
       c.version, c.credited_until, c.views, c.day, c.day_seconds,
       cs.active_seconds, cs.credited_seconds,
       ls.active_seconds, ls.video_watched_seconds, ls.video_ranges, ls.video_duration_seconds,
       ls.video_duration_from_client, ls.video_fraction_claimed, ls.video_claim_capped,
       (SELECT e.cohort_id FROM {Enrolment._meta.db_table} e
          JOIN {Cohort._meta.db_table} co ON co.id = e.cohort_id
          LEFT JOIN {Page._meta.db_table} cp ON cp.id = co.course_id
          LEFT JOIN {ProgramPage._meta.db_table} pp ON pp.page_ptr_id = co.program_id
         WHERE e.user_id = u.id AND e.status IN (%s, %s)
           AND (cp.translation_key = %s OR pp.level = %s)
         ORDER BY co.program_id IS NOT NULL, e.id DESC LIMIT 1)
  FROM {_USER} u
  LEFT JOIN {_CLOCK} c ON c.user_id = u.id
  LEFT JOIN {_COURSE} cs ON cs.user_id = u.id AND cs.course_id = %s
  LEFT JOIN {_LESSON} ls ON ls.user_id = u.id AND ls.lesson_id = %s
 WHERE u.id = %s
"""


@dataclass
class StudyState:
    """What one heartbeat reads: the user, their clock, their study of the lesson and course."""

    password: str
    is_active: bool
    clock_version: int | None  # None: the trainee has no clock yet
    credited_until: datetime.datetime | None
    views: dict
    day: datetime.date | None
    day_seconds: int
    course_active_seconds: int | None  # None: no row yet
    course_credited_seconds: int
    lesson_study: LessonStudy | None  # unsaved, as read; None: no row yet
    cohort_id: int | None  # the covering enrolment's cohort; None: not enrolled


@dataclass
class StudyChanges:
    """What one heartbeat writes; ``lesson_study`` and the course figures only if it credited."""

    credited_until: datetime.datetime | None
    views: dict
    day: datetime.date
    day_seconds: int
    credit: int = 0
    lesson_study: LessonStudy | None = None
    video: bool = False  # write the lesson study's video fields too
    course_credited_seconds: int | None = None  # None: no course time this heartbeat
    tenths: list[int] = field(default_factory=list)  # ledger entries to insert, by index
    cohort_id: int | None = None
    status: str = "credited"  # or "hidden", "idle"
    beating: int = 0  # page views beating lately, this one included


def study_state_read(*, user_id: int, lesson: LessonFacts) -> StudyState | None:
    """One SELECT; None if the user row is gone."""
    key = Page._meta.get_field("translation_key").get_db_prep_value(lesson.course_translation_key, connection)
    params = [*PLACE_HOLDING, key, lesson.course_level, lesson.course_id, lesson.lesson_id, user_id]
    with hot_cursor() as cursor:
        cursor.execute(_READ, params)
        row = cursor.fetchone()
    if row is None:
        return None
    (password, is_active, version, credited_until, views, day, day_seconds, course_active, course_credited,
     lesson_active, watched, ranges, length, from_client, claimed, capped, cohort_id) = row  # fmt: skip
    study = None
    if lesson_active is not None:
        study = LessonStudy(
            user_id=user_id,
            lesson_id=lesson.lesson_id,
            active_seconds=lesson_active,
            video_watched_seconds=watched,
            video_ranges=_json(ranges) or [],
            video_duration_seconds=length,
            video_duration_from_client=bool(from_client),
            video_fraction_claimed=Decimal(str(claimed)),
            video_claim_capped=bool(capped),
        )
    return StudyState(
        password=password,
        is_active=bool(is_active),
        clock_version=version,
        credited_until=_datetime(credited_until),
        views=_json(views) or {},
        day=day if day is None or isinstance(day, datetime.date) else parse_date(day),
        day_seconds=day_seconds or 0,
        course_active_seconds=course_active,
        course_credited_seconds=course_credited or 0,
        lesson_study=study,
        cohort_id=cohort_id,
    )


def course_completion_possible(*, user_id: int, lesson: LessonFacts) -> bool:
    """Whether the trainee's ledger for the lesson's course (any language) holds the hours its rule
    asks for, while no completion is recorded yet: only then can new hours complete the course, and
    only then is the full evaluation worth its queries. One SELECT."""
    key = Page._meta.get_field("translation_key").get_db_prep_value(lesson.course_translation_key, connection)
    with connection.cursor() as cursor:
        cursor.execute(_COMPLETION_POSSIBLE, [user_id, key, user_id, key])
        earned, recorded = cursor.fetchone()
    return not recorded and Decimal(str(earned)) >= lesson.hours_required


_COMPLETION_POSSIBLE = f"""
SELECT (SELECT COALESCE(SUM(h.hours), 0) FROM {_LEDGER} h JOIN {Page._meta.db_table} p ON p.id = h.course_id
         WHERE h.user_id = %s AND p.translation_key = %s),
       EXISTS (SELECT 1 FROM {CourseCompletion._meta.db_table} cc JOIN {Page._meta.db_table} p ON p.id = cc.course_id
                WHERE cc.user_id = %s AND p.translation_key = %s)
"""


def study_changes_write(
    *, user_id: int, lesson: LessonFacts, state: StudyState, changes: StudyChanges, now: datetime.datetime
) -> bool:
    """Apply ``changes`` if the clock is still as ``state`` read it; False if another heartbeat of the
    same trainee changed it first (nothing is written then)."""
    statements = _statements(user_id=user_id, lesson=lesson, state=state, changes=changes, now=now)
    if connection.vendor == "postgresql":
        return _write_postgresql(statements)
    return _write_in_order(statements)


# --- Building the statements ---------------------------------------------------------------------
# Each change is an INSERT or UPDATE with its columns' PostgreSQL types; ``_write_postgresql`` joins
# them into one WITH statement, ``_write_in_order`` runs them as they are.


@dataclass
class _Insert:
    table: str
    columns: list[tuple[str, str]]  # (name, PostgreSQL type)
    rows: list[list]
    conflict: str  # ON CONFLICT … clause


def _statements(*, user_id, lesson: LessonFacts, state: StudyState, changes: StudyChanges, now) -> list:
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value(now)
    until = ops.adapt_datetimefield_value(changes.credited_until)
    day = ops.adapt_datefield_value(changes.day)
    views = json.dumps(changes.views, separators=(",", ":"))
    if state.clock_version is None:
        clock = _Insert(
            _CLOCK,
            [
                ("user_id", "integer"),
                ("credited_until", "timestamptz"),
                ("views", "jsonb"),
                ("day", "date"),
                ("day_seconds", "integer"),
                ("version", "integer"),
            ],  # fmt: skip
            [[user_id, until, views, day, changes.day_seconds, 1]],
            "ON CONFLICT (user_id) DO NOTHING",
        )
    else:
        clock = (
            f"UPDATE {_CLOCK} SET credited_until = %s, views = %s, day = %s, day_seconds = %s, "
            "version = version + 1 WHERE user_id = %s AND version = %s",
            [until, views, day, changes.day_seconds, user_id, state.clock_version],
        )
    statements = [clock]
    study = changes.lesson_study
    if study is not None:
        updates = [
            f"active_seconds = {_LESSON}.active_seconds + EXCLUDED.active_seconds",
            "updated_at = EXCLUDED.updated_at",
        ]
        if changes.video:
            updates += [
                f"{name} = EXCLUDED.{name}"
                for name in ("video_watched_seconds", "video_ranges", "video_duration_seconds",
                             "video_duration_from_client", "video_fraction_claimed", "video_claim_capped")
            ]  # fmt: skip
        statements.append(
            _Insert(
                _LESSON,
                [
                    ("user_id", "integer"),
                    ("lesson_id", "integer"),
                    ("active_seconds", "integer"),
                    ("video_watched_seconds", "integer"),
                    ("video_ranges", "jsonb"),
                    ("video_duration_seconds", "integer"),
                    ("video_duration_from_client", "boolean"),
                    ("video_fraction_claimed", "numeric"),
                    ("video_claim_capped", "boolean"),
                    ("updated_at", "timestamptz"),
                ],  # fmt: skip
                [
                    [
                        user_id,
                        lesson.lesson_id,
                        changes.credit,
                        study.video_watched_seconds,
                        json.dumps(study.video_ranges),
                        study.video_duration_seconds,
                        study.video_duration_from_client,
                        ops.adapt_decimalfield_value(study.video_fraction_claimed, 4, 3),
                        study.video_claim_capped,
                        stamp,
                    ]
                ],  # fmt: skip
                "ON CONFLICT (user_id, lesson_id) DO UPDATE SET " + ", ".join(updates),
            )
        )
    if changes.course_credited_seconds is not None:
        statements.append(
            _Insert(
                _COURSE,
                [
                    ("user_id", "integer"),
                    ("course_id", "integer"),
                    ("active_seconds", "integer"),
                    ("credited_seconds", "integer"),
                ],  # fmt: skip
                [[user_id, lesson.course_id, changes.credit, changes.course_credited_seconds]],
                f"ON CONFLICT (user_id, course_id) DO UPDATE SET active_seconds = {_COURSE}.active_seconds "
                "+ EXCLUDED.active_seconds, credited_seconds = EXCLUDED.credited_seconds",
            )
        )
    if changes.tenths:
        hours = ops.adapt_decimalfield_value(Decimal("0.1"), 7, 3)
        statements.append(
            _Insert(
                _LEDGER,
                [
                    ("user_id", "integer"),
                    ("course_id", "integer"),
                    ("cohort_id", "integer"),
                    ("source", "varchar"),
                    ("hours", "numeric"),
                    ("reason", "text"),
                    ("key", "varchar"),
                    ("created_at", "timestamptz"),
                ],  # fmt: skip
                [
                    [
                        user_id,
                        lesson.course_id,
                        changes.cohort_id,
                        HoursSource.ONLINE.value,
                        hours,
                        "",
                        f"online:{user_id}:{lesson.course_id}:{index}",
                        stamp,
                    ]  # fmt: skip
                    for index in changes.tenths
                ],
                "ON CONFLICT (key) DO NOTHING",
            )
        )
    return statements


def _write_postgresql(statements) -> bool:
    clock, *others = statements
    if isinstance(clock, _Insert):
        sql, params = _insert_values(clock)
    else:
        sql, params = clock
    parts, all_params = [f"clock AS ({sql} RETURNING 1 AS won)"], list(params)
    for number, insert in enumerate(others):
        columns = ", ".join(name for name, _type in insert.columns)
        row = ", ".join(f"%s::{kind}" for _name, kind in insert.columns)
        selects = " UNION ALL ".join(f"SELECT {row} FROM clock" for _row in insert.rows)
        parts.append(f"w{number} AS (INSERT INTO {insert.table} ({columns}) {selects} {insert.conflict})")
        all_params += [value for values in insert.rows for value in values]
    with hot_cursor() as cursor:
        cursor.execute(f"WITH {', '.join(parts)} SELECT count(*) FROM clock", all_params)
        return cursor.fetchone()[0] == 1


class _Lost(Exception):
    pass


def _write_in_order(statements) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for number, statement in enumerate(statements):
                sql, params = _insert_values(statement) if isinstance(statement, _Insert) else statement
                cursor.execute(sql, params)
                if number == 0 and cursor.rowcount != 1:
                    raise _Lost  # rolls back: another heartbeat changed the clock first
    except _Lost:
        return False
    return True


def _insert_values(insert: _Insert) -> tuple[str, list]:
    columns = ", ".join(name for name, _type in insert.columns)
    row = "(" + ", ".join(["%s"] * len(insert.columns)) + ")"
    sql = f"INSERT INTO {insert.table} ({columns}) VALUES {', '.join([row] * len(insert.rows))} {insert.conflict}"
    return sql, [value for values in insert.rows for value in values]


def _json(value):
    return json.loads(value) if isinstance(value, str | bytes) else value


def _datetime(value) -> datetime.datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        value = parse_datetime(value)
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
