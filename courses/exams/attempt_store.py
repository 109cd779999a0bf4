"""The exam's hot statements: a start's single read, a start from a prepared paper, a save.

At 9:00 a whole cohort presses start in the same second, and then every examinee saves every few
seconds: each request's CPU, the app's and PostgreSQL's, is what the burst queues behind. Through
the ORM a start took a dozen statements and a save seven. Here:

- ``start_facts_read``: one SELECT of every fact a start decides on (attempts used, an attempt in
  progress, the enrolment, extra time, and the paper's sittings, each marked whether it is the
  trainee's and with the paper prepared for them in it). The rules stay in
  ``selectors.start_refusal_from`` and ``sitting_selectors.entry_from``.
- ``prepared_start``: one statement on PostgreSQL (the UPDATE guarded by ``status = 'prepared'``,
  so a double click starts once, with the start event inserted in a WITH clause).
- ``answers_save``: one statement on PostgreSQL: lock the attempt row, check it is open and before
  its deadline, update the items whose stored sequence number is older (and the flags), log the
  save with the positions it changed, note an IP change; on a closed attempt log the refusal
  (bounded) and change nothing.

SQLite has no writing WITH clauses: there ``services`` runs the same changes through the ORM in a
transaction (the portable path the tests run by default); the PostgreSQL statements are tested on
PostgreSQL (``DATABASE_URL``).
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.utils.dateparse import parse_datetime

from courses.models import Enrolment
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.enrolments import enrolments_covering

from .models import (
    Accommodation,
    Attempt,
    AttemptEvent,
    AttemptEventKind,
    AttemptItem,
    AttemptStatus,
    ExamPaper,
    Sitting,
)

_ATTEMPT = Attempt._meta.db_table
_EVENT = AttemptEvent._meta.db_table
_ITEM = AttemptItem._meta.db_table
_SITTING = Sitting._meta.db_table
_ACCOMMODATION = Accommodation._meta.db_table
_ENROLMENT = Enrolment._meta.db_table
_HOLDING = ", ".join(["%s"] * len(PLACE_HOLDING))


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- A start's read -----------------------------------------------------------------------

# One row per sitting of the paper (one row of NULLs if it has none); the trainee's facts repeat on
# each (uncorrelated subqueries, computed once).
_START_READ = f"""
SELECT (SELECT MAX(a.number) FROM {_ATTEMPT} a
         WHERE a.user_id = %s AND a.paper_id = %s AND a.status <> %s),
       (SELECT a.id FROM {_ATTEMPT} a WHERE a.user_id = %s AND a.paper_id = %s AND a.status = %s),
       EXISTS ({{enrolled}}),
       (SELECT x.extra_minutes FROM {_ACCOMMODATION} x WHERE x.paper_id = %s AND x.user_id = %s),
       s.id, s.opens_at, s.entry_closes_at, s.closes_at,
       EXISTS (SELECT 1 FROM {_ENROLMENT} e
                WHERE e.cohort_id = s.cohort_id AND e.user_id = %s AND e.status IN ({_HOLDING})),
       (SELECT a.id FROM {_ATTEMPT} a
         WHERE a.sitting_id = s.id AND a.user_id = %s AND a.paper_id = %s AND a.status = %s)
  FROM (SELECT 1 AS one) one
  LEFT JOIN {_SITTING} s ON s.paper_id = %s
 ORDER BY s.opens_at, s.id
"""


@dataclass
class StartFacts:
    """What a start decides on, read in one statement."""

    used: int  # the highest attempt number so far (0: none)
    open_attempt_id: int | None  # an attempt in progress
    enrolled: bool  # holds a place in the paper's cohort (or a cohort covering its course)
    extra_minutes: int  # the trainee's extra time at this paper
    sittings: list[Sitting]  # by opening; each with ``mine`` and ``prepared_id`` (None: no paper prepared)


def start_facts_read(*, paper: ExamPaper, user_id: int) -> StartFacts:
    """One SELECT, whatever the number of sittings."""
    if paper.cohort_id:
        enrolments = Enrolment.objects.filter(
            user_id=user_id, cohort_id=paper.cohort_id, status__in=PLACE_HOLDING
        )
    else:
        enrolments = enrolments_covering(user_id=user_id, course_id=paper.course_id)
    enrolled_sql, enrolled_params = enrolments.values("pk").query.sql_with_params()
    prepared, in_progress = AttemptStatus.PREPARED.value, AttemptStatus.IN_PROGRESS.value
    params = [
        *(user_id, paper.pk, prepared),
        *(user_id, paper.pk, in_progress),
        *enrolled_params,
        *(paper.pk, user_id),
        *(user_id, *PLACE_HOLDING),
        *(user_id, paper.pk, prepared),  # a paper prepared before the sitting moved to this one is not it
        paper.pk,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_START_READ.format(enrolled=enrolled_sql), params)
        rows = cursor.fetchall()
    used, open_id, enrolled, extra = rows[0][:4]
    sittings = []
    for *_facts, sitting_id, opens_at, entry_closes_at, closes_at, mine, prepared_id in rows:
        if sitting_id is None:
            continue
        sitting = Sitting(
            pk=sitting_id,
            paper_id=paper.pk,
            opens_at=_datetime(opens_at),
            entry_closes_at=_datetime(entry_closes_at),
            closes_at=_datetime(closes_at),
        )
        sitting.mine, sitting.prepared_id = bool(mine), prepared_id
        sittings.append(sitting)
    return StartFacts(
        used=used or 0,
        open_attempt_id=open_id,
        enrolled=bool(enrolled),
        extra_minutes=extra or 0,
        sittings=sittings,
    )


# --- A start from a prepared paper (PostgreSQL) -------------------------------------------------

_PREPARED_START = f"""
WITH started AS (
  UPDATE {_ATTEMPT}
     SET status = %s, number = %s, started_at = %s, extra_minutes = %s, deadline = %s, last_ip = %s
   WHERE id = %s AND status = %s
  RETURNING *
), logged AS (
  INSERT INTO {_EVENT} (attempt_id, kind, ip, detail, created_at)
  SELECT id, %s, %s::inet, %s::jsonb, %s::timestamptz FROM started
)
SELECT * FROM started
"""


def prepared_start(*, attempt_id: int, fields: dict, now: datetime) -> Attempt | None:
    """Start prepared paper ``attempt_id`` with ``fields`` (number, started_at, extra_minutes,
    deadline, last_ip) and log the start: one statement. None if it is no longer prepared (a double
    click started it a moment ago, or it was discarded). PostgreSQL only."""
    params = [
        AttemptStatus.IN_PROGRESS.value,
        fields["number"],
        fields["started_at"],
        fields["extra_minutes"],
        fields["deadline"],
        fields["last_ip"],
        attempt_id,
        AttemptStatus.PREPARED.value,
        AttemptEventKind.START.value,
        fields["last_ip"],
        json.dumps({"prepared": True}),
        now,
    ]
    started = list(Attempt.all_objects.raw(_PREPARED_START, params))
    return started[0] if started else None


# --- A save (PostgreSQL) --------------------------------------------------------------------

_SENT_TYPES = ("integer", "bigint", "jsonb", "boolean", "integer")  # position, seq, response, flag, order

# ``changed.saved``: the answer was stored (its sequence number was newer), not only its flag. A
# flag sent with an older answer than the stored one is as old as it: ignored (a replayed request
# must not bring back a flag the trainee has since removed).
_SAVE = f"""
WITH locked AS (
  SELECT id, last_ip, (status = %(in_progress)s AND (deadline IS NULL OR deadline > %(now)s)) AS open
    FROM {_ATTEMPT} WHERE id = %(attempt)s
     FOR NO KEY UPDATE
), sent (position, seq, response, flagged, ord) AS (
  VALUES {{rows}}
), changed AS (
  UPDATE {_ITEM} i
     SET response = CASE WHEN s.seq > i.client_seq THEN s.response ELSE i.response END,
         saved_at = CASE WHEN s.seq > i.client_seq THEN %(now)s ELSE i.saved_at END,
         client_seq = GREATEST(i.client_seq, COALESCE(s.seq, 0)),
         flagged = CASE WHEN s.seq < i.client_seq THEN i.flagged ELSE COALESCE(s.flagged, i.flagged) END
    FROM sent s, locked l
   WHERE l.open AND i.attempt_id = l.id AND i.position = s.position
     AND (s.seq > i.client_seq OR (s.flagged <> i.flagged AND NOT COALESCE(s.seq < i.client_seq, FALSE)))
  RETURNING i.position, i.client_seq, i.saved_at = %(now)s AS saved
), logged AS (
  INSERT INTO {_EVENT} (attempt_id, kind, ip, detail, created_at)
  SELECT l.id, %(save)s, %(ip)s::inet, jsonb_build_object('positions', jsonb_agg(c.position ORDER BY s.ord)),
         %(now)s
    FROM locked l, changed c JOIN sent s ON s.position = c.position
   WHERE c.saved
   GROUP BY l.id
), ip_noted AS (
  INSERT INTO {_EVENT} (attempt_id, kind, ip, detail, created_at)
  SELECT l.id, %(ip_change)s, %(ip)s::inet, jsonb_build_object('previous', host(l.last_ip)), %(now)s
    FROM locked l
   WHERE l.open AND l.last_ip <> %(ip)s::inet
), ip_kept AS (
  UPDATE {_ATTEMPT} a SET last_ip = %(ip)s::inet
    FROM locked l
   WHERE a.id = l.id AND l.open AND %(ip)s::inet IS NOT NULL AND l.last_ip IS DISTINCT FROM %(ip)s::inet
), refused AS (
  INSERT INTO {_EVENT} (attempt_id, kind, ip, detail, created_at)
  SELECT l.id, %(rejected)s, %(ip)s::inet, '{{}}'::jsonb, %(now)s
    FROM locked l
   WHERE NOT l.open
     AND (SELECT COUNT(*) FROM {_EVENT} e WHERE e.attempt_id = l.id AND e.kind = %(rejected)s) < %(max_rejected)s
)
SELECT l.open, s.position, COALESCE(c.client_seq, i.client_seq)
  FROM locked l
  LEFT JOIN sent s ON s.seq IS NOT NULL
  LEFT JOIN changed c ON c.position = s.position
  LEFT JOIN {_ITEM} i ON i.attempt_id = l.id AND i.position = s.position
"""


def answers_save(
    *,
    attempt_id: int,
    answers: list[tuple[int, int, object]],
    flags: dict[int, bool],
    ip: str | None,
    now: datetime,
    max_rejected: int,
) -> dict[int, int] | None:
    """Apply ``answers`` ((position, seq, stored response), one per position) and ``flags`` in one
    statement. Returns {position: stored seq} of every answer sent, or None if the attempt is closed
    (the refusal logged, nothing changed). PostgreSQL only; see the module's docstring."""
    sent: dict[int, list] = {}
    for order, (position, seq, response) in enumerate(answers):
        sent[position] = [position, seq, None if response is None else json.dumps(response), None, order]
    for position, flagged in flags.items():
        sent.setdefault(position, [position, None, None, None, None])[3] = flagged
    if not sent:  # nothing to write, but the attempt's state is still checked (and a refusal logged)
        sent[0] = [0, None, None, None, None]
    names: dict[str, object] = {}
    values = []
    for index, row in enumerate(sent.values()):
        keys = [f"v{index}_{column}" for column in range(len(_SENT_TYPES))]
        names |= dict(zip(keys, row, strict=True))
        values.append(", ".join(f"%({key})s::{kind}" for key, kind in zip(keys, _SENT_TYPES, strict=True)))
    sql = _SAVE.replace("{rows}", ", ".join(f"({row})" for row in values))
    params = names | {
        "attempt": attempt_id,
        "in_progress": AttemptStatus.IN_PROGRESS.value,
        "now": now,
        "ip": ip,
        "save": AttemptEventKind.SAVE.value,
        "ip_change": AttemptEventKind.IP_CHANGE.value,
        "rejected": AttemptEventKind.REJECTED_SAVE.value,
        "max_rejected": max_rejected,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        result = cursor.fetchall()
    if not result or not result[0][0]:
        return None
    return {position: seq for _open, position, seq in result if position is not None}


def _datetime(value) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = parse_datetime(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
