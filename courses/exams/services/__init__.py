"""Writes of exams, one module per job; this package re-exports their public names, so callers say
``services.attempt_start`` whatever module it lives in.

Every state change of an attempt locks the attempt row first (``SELECT … FOR NO KEY UPDATE``)
and re-checks the state, so a save racing a submission, two submissions from two tabs, or the
deadline task racing the trainee all end with exactly one submission and no lost answer.

The modules import one another one way only (a module imports those above it here, never one
below), so the package has no import circle:

- ``common``: ``ExamError``, the examinee rule, the attempt's row lock;
- ``papers``: pinning a paper's approved versions, drawing an attempt's questions;
- ``deadlines``: an attempt's deadline, its task, the sweep that queues it, extra time;
- ``results``: scoring objective questions, releasing a result;
- ``events``: what the browser reports (focus lost, resume);
- ``submission``: submitting, by the trainee, lazily past the deadline, by its task and sweep;
- ``starting``: starting an attempt (drawn now, or prepared for a sitting);
- ``answers``: saving answers and flags;
- ``marking``: a grader's score, an override, a course's graders;
- ``setup``: permissions and the paper review workflow, after migrate.

Patch a name where it is looked up: ``services.submission.attempt_submit`` for the sweep, not
``services.attempt_submit``.
"""

from .answers import (
    MAX_ANSWERS_PER_SAVE,
    MAX_POSITION,
    MAX_REJECTED_SAVES_LOGGED,
    MAX_RESPONSE_CHARS,
    MAX_SEQ,
    AnswerSave,
    attempt_save_answers,
    attempt_set_flags,
    parse_answers,
    parse_flags,
)
from .common import TWO_PLACES, ExamError
from .deadlines import AUTO_SUBMIT_TASK, accommodation_grant, attempts_queue_near_deadlines
from .events import (
    BROWSER_EVENT_KINDS,
    MAX_BROWSER_EVENTS_PER_ATTEMPT,
    MAX_EVENT_DETAIL_CHARS,
    attempt_log_event,
)
from .marking import checked_points, course_grader_add, item_grade, item_open_for_grading, item_override
from .papers import PaperPool, draw_items, paper_pin_versions, paper_pool
from .setup import PAPER_REVIEW_WORKFLOW, exam_permissions_setup
from .starting import attempt_start
from .submission import (
    attempt_close_if_overdue,
    attempt_submit,
    attempt_submit_at_deadline,
    attempts_sweep_overdue,
)

__all__ = [
    "AUTO_SUBMIT_TASK",
    "BROWSER_EVENT_KINDS",
    "MAX_ANSWERS_PER_SAVE",
    "MAX_BROWSER_EVENTS_PER_ATTEMPT",
    "MAX_EVENT_DETAIL_CHARS",
    "MAX_POSITION",
    "MAX_REJECTED_SAVES_LOGGED",
    "MAX_RESPONSE_CHARS",
    "MAX_SEQ",
    "PAPER_REVIEW_WORKFLOW",
    "TWO_PLACES",
    "AnswerSave",
    "ExamError",
    "PaperPool",
    "accommodation_grant",
    "attempt_close_if_overdue",
    "attempt_log_event",
    "attempt_save_answers",
    "attempt_set_flags",
    "attempt_start",
    "attempt_submit",
    "attempt_submit_at_deadline",
    "attempts_queue_near_deadlines",
    "attempts_sweep_overdue",
    "checked_points",
    "course_grader_add",
    "draw_items",
    "exam_permissions_setup",
    "item_grade",
    "item_open_for_grading",
    "item_override",
    "paper_pin_versions",
    "paper_pool",
    "parse_answers",
    "parse_flags",
]
