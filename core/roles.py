"""Roles and the one permission setup: who may do what, in one file.

Three groups carry the platform's roles: Instructors author content, question banks, exam papers
and assignments; Registrars run the training base (approve, manage cohorts and enrolments, issue
certificates, see trainee records); Practice reviewers score reports and hold no model permission
(what they reach follows from their review assignments). Superusers may do everything.

``ROLE_PERMISSIONS`` is the table of model permissions each group holds; ``roles_setup`` grants it
after every ``migrate`` (and test flush) and from the demo loader. What is not a model permission
stays with the app that owns it: page permissions on a page tree and the course review workflow
(``cms.services.editorial_setup``), the exam paper and certificate template review workflows.

Permissions are named by strings, so this module imports no app above it:

- ``"app_label.codename"``: one permission;
- ``"app_label.*"``: every permission of the app (custom and Wagtail's publish/lock ones included);
- ``"app_label.model.*"``: every permission on one model.
"""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

INSTRUCTORS_GROUP = "Instructors"
REGISTRARS_GROUP = "Registrars"
PRACTICE_REVIEWERS_GROUP = "Practice reviewers"

# What an instructor may edit in the content admin; registrars may too (their row adds to it).
_CONTENT_AUTHORING = (
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "cms.view_instructor",
)

ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    INSTRUCTORS_GROUP: (
        *_CONTENT_AUTHORING,
        # Cohorts: see them (a roster only of cohorts whose courses they teach, see can_read_roster).
        "courses.view_cohort",
        # Question banks: build and import, not delete.
        "questions.add_questionbank",
        "questions.change_questionbank",
        "questions.view_questionbank",
        "questions.add_question",
        "questions.change_question",
        "questions.view_question",
        "questions.view_questionversion",
        "questions.add_importjob",
        "questions.view_importjob",
        # Exam papers: draft and submit for review, never publish (no publish_exampaper).
        "exams.add_exampaper",
        "exams.change_exampaper",
        "exams.lock_exampaper",
        "exams.view_exampaper",
        "exams.view_coursegrader",
        # Practical assignments: draft them; registrars publish them and manage panels.
        "practice.add_practicalassignment",
        "practice.change_practicalassignment",
        "practice.view_practicalassignment",
    ),
    REGISTRARS_GROUP: (
        *_CONTENT_AUTHORING,
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "cms.add_instructor",
        "cms.change_instructor",
        "cms.delete_instructor",
        "cms.change_trainingbasesettings",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "courses.add_cohort",
        "courses.change_cohort",
        "courses.view_cohort",
        "questions.*",
        "exams.*",
        "practice.*",
        "certification.certificaterule.*",
        "certification.certificateruleexam.*",
        "certification.certificate.*",
        "certification.certificateevent.*",
        "certification.certificatetemplate.*",
        "certification.issuancebatch.*",
    ),
    PRACTICE_REVIEWERS_GROUP: (),
}

# Apps in which a group holds exactly its row, no more: a permission an earlier version of the table
# gave (instructors once managed practice panels) is taken away. Elsewhere permissions are only added,
# so what an administrator granted by hand stays.
EXACT_APPS: dict[str, tuple[str, ...]] = {INSTRUCTORS_GROUP: ("practice",)}


def _group_names(user) -> set[str]:
    # Kept on the user object: a page checks several roles per request, one query answers them all.
    if not hasattr(user, "_tta_group_names"):
        user._tta_group_names = set(user.groups.values_list("name", flat=True))
    return user._tta_group_names


def _active(user) -> bool:
    return bool(user) and user.is_authenticated and user.is_active


def is_registrar(*, user) -> bool:
    """Registrars (and superusers): they manage cohorts, enrolments and certificates, and may see
    other trainees' records and full identity numbers. An inactive or anonymous user is not one."""
    if not _active(user):
        return False
    return user.is_superuser or REGISTRARS_GROUP in _group_names(user)


def registrar_required(*, user) -> None:
    """For a registrar's page: raise PermissionDenied (403) for anyone else. (Pages that hide their
    existence from other users answer 404 themselves.)"""
    if not is_registrar(user=user):
        raise PermissionDenied


def is_learning_staff(*, user) -> bool:
    """Instructors, registrars and superusers: they may read every lesson and see cohort rosters."""
    if not _active(user):
        return False
    return user.is_superuser or bool({INSTRUCTORS_GROUP, REGISTRARS_GROUP} & _group_names(user))


def _permission_filter(names) -> Q:
    query = Q(pk__in=[])
    for name in names:
        app_label, _, rest = name.partition(".")
        if rest == "*":
            query |= Q(content_type__app_label=app_label)
        elif rest.endswith(".*"):
            query |= Q(content_type__app_label=app_label, content_type__model=rest[:-2])
        else:
            query |= Q(content_type__app_label=app_label, codename=rest)
    return query


def role_permissions(*, group_name: str, using: str = "default"):
    """The permissions ``ROLE_PERMISSIONS`` gives ``group_name`` (those that exist in the database)."""
    return Permission.objects.using(using).filter(_permission_filter(ROLE_PERMISSIONS[group_name]))


def roles_setup(*, using: str = "default") -> None:
    """Create the role groups and give each the permissions of its ``ROLE_PERMISSIONS`` row.

    Idempotent and atomic; run after every ``migrate`` (``core.apps``), by the demo loader and by the
    apps' workflow setups. A permission not yet in the database (its app not migrated) is skipped
    and granted on the next run. In ``EXACT_APPS`` a group's permissions are made exactly its row.
    """
    with transaction.atomic(using=using):
        for group_name in ROLE_PERMISSIONS:
            group, _created = Group.objects.using(using).get_or_create(name=group_name)
            granted = role_permissions(group_name=group_name, using=using)
            group.permissions.add(*granted)
            for app_label in EXACT_APPS.get(group_name, ()):
                group.permissions.remove(
                    *group.permissions.filter(content_type__app_label=app_label).exclude(
                        pk__in=granted.values("pk")
                    )
                )


def _app_labels() -> set[str]:
    return {name.split(".", 1)[0] for names in ROLE_PERMISSIONS.values() for name in names}


def roles_setup_after_migrate(sender, using: str = "default", **kwargs) -> None:
    """``post_migrate`` receiver: grant the table once per ``migrate`` or ``flush``, when the signal
    is sent for the last app with models (every app's content types and Wagtail's extra snippet
    permissions exist by then). Permissions are created first for the apps the table names, in case
    auth's own receiver has not run for them yet (it is idempotent)."""
    from django.contrib.auth.management import create_permissions

    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if not with_models or sender is not with_models[-1]:
        return
    apps = kwargs.get("apps") or global_apps  # `flush` passes no apps registry
    for label in sorted(_app_labels()):
        try:
            config = global_apps.get_app_config(label)
        except LookupError:
            continue
        create_permissions(config, verbosity=0, using=using, apps=apps)
    roles_setup(using=using)
