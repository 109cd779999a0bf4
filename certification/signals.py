"""Auto-issue triggers. ``courses`` must not import certification, so certification listens to the
``post_save`` signals Django sends for the learning models whose change can complete a rule: a
course completion, a released exam attempt, an offline check-in; and to the practical assessment's
explicit ``practice_result_released`` (a released result). Each queues one check of that trainee on
commit. A beat sweep (``certificate_auto_issue_sweep_task``) catches anything else, such as hours
that reach the minimum after the last completion.
"""

from django.db import transaction


def _queue_check(user_id: int) -> None:
    from certification.models import CertificateRule
    from certification.tasks import certificate_auto_issue_task

    if CertificateRule.objects.filter(auto_issue=True).exists():
        transaction.on_commit(lambda: certificate_auto_issue_task.delay(user_id))


def on_learning_saved(sender, instance, created=False, **kwargs):
    user_id = getattr(instance, "user_id", None)
    if user_id is None:
        return
    if sender.__name__ == "Attempt" and not getattr(instance, "passed", False):
        return
    _queue_check(user_id)


def on_practice_released(sender, trainee_id: int, **kwargs):
    # Sent after the release committed: queue at once (on_commit outside a transaction runs now).
    _queue_check(trainee_id)


def connect() -> None:
    from django.apps import apps
    from django.db.models.signals import post_save

    from courses.practice.signals import practice_result_released

    practice_result_released.connect(on_practice_released, dispatch_uid="certification-auto-issue-practice")

    for label in ("courses.CourseCompletion", "courses.Attendance", "exams.Attempt"):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(on_learning_saved, sender=model, dispatch_uid=f"certification-auto-issue-{label}")
