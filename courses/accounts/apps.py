from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "courses.accounts"
    label = "accounts"
    verbose_name = _("Trainee accounts")

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the system check and signal receivers)
