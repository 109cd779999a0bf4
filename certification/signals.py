"""Auto-issue triggers. ``courses`` must not import certification, so certification listens to its
domain signal ``courses.signals.learning_progressed``, sent after a change that can complete a rule
has committed: a course completion, a passed exam result, an offline attendance, a released
practical result. Each queues one check of that trainee. Rows written without the courses services
(fixtures, data migrations) send nothing: the beat sweep (``certificate_auto_issue_sweep_task``)
catches those, and anything else, such as hours that reach the minimum after the last completion.
"""

from core.dispatch import dispatch


def on_learning_progressed(sender, user_id: int, **kwargs) -> None:
    """Queue an auto-issue check of ``user_id`` if any rule issues by itself. Idempotent: the check
    issues only what is earned and not yet issued."""
    from certification.models import CertificateRule

    if CertificateRule.objects.filter(auto_issue=True).exists():
        dispatch("certification.tasks.certificate_auto_issue_task", user_id)


def connect() -> None:
    from courses.signals import learning_progressed

    learning_progressed.connect(on_learning_progressed, dispatch_uid="certification-auto-issue")
