from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.guards import SYSTEM


def _exam_roles_setup(sender, using="default", **kwargs):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from courses.exams.services import exam_permissions_setup

    # Runs once wagtailsnippets has added publish/lock permissions to snippet models; this app's
    # own permissions come from auth's handler, which may run later: create them first (idempotent).
    # `flush` (after a transactional test) passes no apps registry.
    apps = kwargs.get("apps") or global_apps
    create_permissions(global_apps.get_app_config("exams"), verbosity=0, using=using, apps=apps)
    exam_permissions_setup()


def _pin_published_paper(sender, instance, **kwargs):
    # Wagtail's `published` signal: a registrar's approval (or any publish) fixes what trainees draw.
    from courses.exams.services import paper_pin_versions
    from courses.exams.sittings import sittings_paper_published

    paper_pin_versions(actor=SYSTEM, paper=instance)
    sittings_paper_published(
        actor=SYSTEM, paper=instance
    )  # papers prepared from the earlier version are drawn again


class ExamsConfig(AppConfig):
    name = "courses.exams"
    label = "exams"
    verbose_name = _("Exams")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        post_migrate.connect(
            _exam_roles_setup, sender=apps.get_app_config("wagtailadmin"), dispatch_uid="exams-permissions"
        )
        from wagtail.signals import published

        from .models import ExamPaper

        published.connect(_pin_published_paper, sender=ExamPaper, dispatch_uid="exams-pin-published-paper")
