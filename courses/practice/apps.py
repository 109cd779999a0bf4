from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _practice_roles_setup(sender, using="default", **kwargs):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from courses.practice.services import practice_permissions_setup

    # As exams do: this app's permissions may not exist yet when wagtailadmin's post_migrate runs.
    apps = kwargs.get("apps") or global_apps
    create_permissions(global_apps.get_app_config("practice"), verbosity=0, using=using, apps=apps)
    practice_permissions_setup()


class PracticeConfig(AppConfig):
    name = "courses.practice"
    label = "practice"
    verbose_name = _("Practical assessment")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        post_migrate.connect(
            _practice_roles_setup,
            sender=apps.get_app_config("wagtailadmin"),
            dispatch_uid="practice-permissions",
        )
