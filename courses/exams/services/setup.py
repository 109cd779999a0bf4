"""The exam app's setup after every migrate: groups' permissions and the *Exam paper review* workflow."""

from django.db import transaction
from django.utils.translation import gettext_noop

from ..models import ExamPaper

PAPER_REVIEW_WORKFLOW = gettext_noop("Exam paper review")  # named in the site's language


@transaction.atomic
def exam_permissions_setup():
    """Instructors author papers in the admin; Registrars get every permission of this app and review.

    Idempotent; run after every migrate. Exam papers are attached to the *Exam paper review*
    workflow, whose task is the Registrars' approval task the course review uses: an instructor's
    paper (or edit) stays a draft until a registrar approves it, and approving publishes it.
    Instructors cannot publish (no ``publish_exampaper``). Returns the workflow, or None before
    this app's permissions exist. The groups' permissions are ``core.roles``' table (granted here
    too, as after every migrate).
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType, WorkflowTask

    from cms.services import named_in_site_language, registrar_approval_task
    from core.roles import roles_setup

    if not Permission.objects.filter(content_type__app_label="exams").exists():
        return None
    roles_setup()

    workflow = named_in_site_language(Workflow, PAPER_REVIEW_WORKFLOW)
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=registrar_approval_task(), sort_order=0)
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(ExamPaper), defaults={"workflow": workflow}
    )
    return workflow
