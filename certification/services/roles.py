"""Who may manage certification in the admin: the Registrars group gets the certification permissions."""

from django.contrib.auth.models import Group, Permission

from cms.services import REGISTRARS_GROUP

_MODELS = ["certificaterule", "certificateruleexam", "certificate", "certificateevent"]


def certification_roles_setup() -> None:
    """Give the Registrars group the admin and every permission on rules and certificates. Idempotent.

    Run after migrations (post_migrate) and by the demo loader.
    """
    registrars, _ = Group.objects.get_or_create(name=REGISTRARS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="certification", content_type__model__in=_MODELS
    )
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    registrars.permissions.add(*permissions, *admin_access)
