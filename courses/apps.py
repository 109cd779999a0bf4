from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Learning")

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_grant_learning_roles, sender=self)

        from courses.selectors.lesson_facts import connect_receivers

        connect_receivers()


def _grant_learning_roles(sender, **kwargs):
    """Registrars manage cohorts on every install, not only where the demo was loaded."""
    from django.contrib.auth.management import create_permissions

    from courses.services import learning_roles_setup

    using = kwargs.get("using", "default")
    # This app is listed before django.contrib.auth, so make sure its permissions exist first.
    create_permissions(sender, verbosity=0, using=using)
    learning_roles_setup(using=using)
