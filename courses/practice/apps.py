from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "courses.practice"
    label = "practice"
    verbose_name = _("Practical assessment")
    # Who may do what here (instructors draft assignments, registrars run the rest, reviewers hold no
    # permission) is core.roles' table, granted after every migrate.
