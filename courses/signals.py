"""Domain signals of learning, for the apps above ``courses`` (certification) that react to it.

``courses`` must not import those apps, so it says what happened and they listen. The contract:

``learning_progressed``: a trainee's learning changed in a way that can complete a certification
rule, and that change has committed. Sent by the services that make the change, never by a model's
save, so a row written any other way (a fixture, a data migration, a bare ``objects.create``) sends
nothing; the auto-issue sweep covers those. Sent for:

- a course completion recorded (``progress.course_completion_evaluate``);
- an offline session's attendance recorded (``attendance``: a check-in or staff's record);
- an exam attempt whose result is released as a pass, or changed to a pass by grading or an
  override (``exams.services.results._finalize_if_graded``);
- a practical assessment's result released (``practice.services.submission_release``), pass or fail.

Arguments: ``sender`` (the model class of what changed: ``CourseCompletion``, ``Attendance``,
``Attempt``, ``Submission``), ``user_id`` (the trainee), ``reason`` (one of ``Reason``). Never
sent for a change that was rolled back; it may be sent more than once for one trainee, so a
receiver must be idempotent. A receiver's error is logged, not raised: the change has committed.
"""

from enum import StrEnum

from django.db import transaction
from django.dispatch import Signal

learning_progressed = Signal()


class Reason(StrEnum):
    COURSE_COMPLETED = "course_completed"
    ATTENDED = "attended"
    EXAM_PASSED = "exam_passed"
    PRACTICE_RELEASED = "practice_released"


def learning_progressed_send(*, sender: type, user_id: int, reason: Reason) -> None:
    """Send ``learning_progressed`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(
        lambda: learning_progressed.send_robust(sender=sender, user_id=user_id, reason=reason), robust=True
    )
