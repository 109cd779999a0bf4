"""Writes of the content layer: editorial roles and workflow, and the worker health probe."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.models import HealthProbe
from core.guards import SYSTEM_ONLY, guarded
from core.roles import INSTRUCTORS_GROUP, REGISTRARS_GROUP, roles_setup

# Workflow and task names are data Wagtail shows as they are ("提交给课程审核"): they are stored in
# the site's language (site_language_name) and found under their English name too.
COURSE_REVIEW_WORKFLOW = gettext_noop("Course review")

# Page permissions by group, granted on page trees below; model permissions are core.roles' table.
_INSTRUCTOR_PAGE_PERMISSIONS = ["add", "change", "lock"]
_REGISTRAR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]


def _grant_page_permissions(group: Group, page: Page, kinds: list[str]) -> None:
    for kind in kinds:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@transaction.atomic
def editorial_setup(*, site_root: Page, catalogue: Page) -> Workflow:
    """Create or complete the Instructors and Registrars groups and the course review workflow.

    Idempotent: running it again changes nothing. Instructors may add and edit courses and
    lessons under ``catalogue`` and submit them for review, but not publish; Registrars review,
    publish and manage everything under ``site_root``. The workflow is attached to the catalogue
    (and so to every translation of it), with one approval task for the Registrars group. The
    groups' model permissions are ``core.roles``' table (granted here too, as after every migrate).
    """
    roles_setup()
    instructors = Group.objects.get(name=INSTRUCTORS_GROUP)
    registrars = Group.objects.get(name=REGISTRARS_GROUP)

    for page in [catalogue, *catalogue.get_translations()]:
        _grant_page_permissions(instructors, page, _INSTRUCTOR_PAGE_PERMISSIONS)
    for page in [site_root, *site_root.get_translations()]:
        _grant_page_permissions(registrars, page, _REGISTRAR_PAGE_PERMISSIONS)

    workflow = named_in_site_language(Workflow, COURSE_REVIEW_WORKFLOW)
    task = registrar_approval_task()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in [catalogue, *catalogue.get_translations()]:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def site_language_name(name: str) -> str:
    """``name`` (an English msgid) in the site's language, whatever language is active."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(name)


def named_in_site_language(model, name: str):
    """The workflow or task called ``name`` in the site's language, or by its English ``name``
    (then renamed), or created. Idempotent: the setup services call it on every migrate and demo load,
    and a database set up before the names were translated gets them on its next run.
    """
    local = site_language_name(name)
    found = model.objects.filter(name__in={local, name}).order_by("pk").first()
    if found is None:
        return model.objects.create(name=local)
    if found.name != local:
        found.name = local
        found.save(update_fields=["name"])
    return found


def registrar_approval_task() -> GroupApprovalTask:
    """The Registrars' approval task, one for every review workflow (courses, exam papers).

    Idempotent: creates the task and the Registrars group if missing. Named in the site's language
    whatever language is active (``migrate`` runs untranslated, the demo loader in Chinese), and
    found under either name, so every caller gets the same task.
    """
    registrars, _ = Group.objects.get_or_create(name=REGISTRARS_GROUP)
    task = named_in_site_language(GroupApprovalTask, gettext_noop("Registrar approval"))
    task.groups.add(registrars)
    return task


@guarded(SYSTEM_ONLY)
def health_probe_start(*, actor) -> HealthProbe:
    """Record a probe and queue it for a worker once the row is committed. ``actor=SYSTEM``."""
    from cms.tasks import health_probe_task

    probe = HealthProbe.objects.create()
    transaction.on_commit(lambda: health_probe_task.delay(probe.pk))
    return probe


@guarded(SYSTEM_ONLY)
def health_probe_complete(*, probe_id: int, worker: str, actor) -> None:
    """Mark a probe done. Safe to run twice: a probe already completed keeps its first answer."""
    HealthProbe.objects.filter(pk=probe_id, completed_at__isnull=True).update(
        completed_at=timezone.now(), worker=worker[:255]
    )
