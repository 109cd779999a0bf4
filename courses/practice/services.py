"""Writes of the practical assessment (see courses.practice.models)."""

from django.db import transaction

from .models import REVIEWERS_GROUP

_INSTRUCTOR_CODENAMES = [
    "add_practicalassignment",
    "change_practicalassignment",
    "view_practicalassignment",
    "view_reviewpanel",
    "view_defencesession",
]


@transaction.atomic
def practice_permissions_setup() -> None:
    """Instructors draft assignments in the admin; Registrars hold every permission of this app; the
    *Practice reviewers* group exists with no permission at all (what a reviewer reaches is decided
    by their review assignments). Idempotent; run after every migrate."""
    from django.contrib.auth.models import Group, Permission

    from cms.services import INSTRUCTORS_GROUP, REGISTRARS_GROUP

    Group.objects.get_or_create(name=REVIEWERS_GROUP)
    permissions = Permission.objects.filter(content_type__app_label="practice")
    if not permissions.exists():
        return
    instructors, _created = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    registrars, _created = Group.objects.get_or_create(name=REGISTRARS_GROUP)
    instructors.permissions.add(*permissions.filter(codename__in=_INSTRUCTOR_CODENAMES))
    registrars.permissions.add(*permissions)
