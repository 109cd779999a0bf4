"""The platform's bottom layer: what every app shares (roles, private storage, downloads, rate
limiting, spreadsheets, jobs). Dependencies point one way: certification → courses → cms → core;
``core`` imports none of them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.roles import roles_setup_after_migrate

        # Sent once per app: the receiver acts on the last one (see roles_setup_after_migrate).
        post_migrate.connect(roles_setup_after_migrate, dispatch_uid="core-roles")
