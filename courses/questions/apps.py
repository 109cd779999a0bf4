from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_question_permissions(sender, app_config, using="default", **kwargs):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # `migrate` passes the migration state's apps; `flush` (after a transactional test) passes none.
    apps = kwargs.get("apps") or global_apps

    from courses.questions.services import question_permissions_setup

    # This app's post_migrate runs before auth's (INSTALLED_APPS order), also after a test flush:
    # make sure its permissions exist before granting them.
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    question_permissions_setup()


class QuestionsConfig(AppConfig):
    name = "courses.questions"
    label = "questions"
    verbose_name = _("Question banks")

    def ready(self):
        # Editorial groups are created by cms.services.editorial_setup, which may run before or
        # after this app's tables exist; granting after every migrate keeps both orders right.
        post_migrate.connect(_grant_question_permissions, sender=self, dispatch_uid="questions-permissions")
