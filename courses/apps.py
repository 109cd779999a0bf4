from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Learning")

    def ready(self):
        # Registrars manage cohorts on every install: core.roles grants it after every migrate.
        from courses.selectors.lesson_facts import connect_receivers

        connect_receivers()
