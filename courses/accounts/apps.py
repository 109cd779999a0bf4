from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "courses.accounts"
    label = "accounts"
    verbose_name = _("Trainee accounts")

    def ready(self):
        from core.jobs import job_kind_register

        from . import checks, signals  # noqa: F401  (registers the system check and signal receivers)
        from .services import RECORDS_EXPORT_JOB

        # Cohort record exports run on core.jobs: one stall sweep with the registrars' other jobs.
        job_kind_register(RECORDS_EXPORT_JOB)
