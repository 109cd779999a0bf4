from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _grant_registrar_permissions(sender, **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from certification.services.roles import certification_roles_setup

    # Runs after wagtailadmin's migrations, but possibly before auth has created the permissions
    # this needs (handlers run in the order apps are listed): create them first (idempotent).
    for label in ("certification", "wagtailadmin"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=kwargs.get("using", "default"))
    certification_roles_setup()
    from certification.services.rendering import certificate_templates_setup

    certificate_templates_setup()


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certification")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from certification import eligibility, fonts, signals
        from courses.names import register_printable_check
        from courses.selectors.standing import register_course_requirement, register_hours_requirement

        signals.connect()
        # Names are checked when entered with the same function that refuses issuing and rendering.
        register_printable_check(fonts.missing_glyphs)
        # "Hours required" on every screen is the number eligibility compares with: the rule's.
        register_hours_requirement(eligibility.program_hours_required)
        # ... and the courses counted on every screen are those eligibility counts: the rule's.
        register_course_requirement(eligibility.programs_named_courses)
        post_migrate.connect(
            _grant_registrar_permissions,
            sender=apps.get_app_config("wagtailadmin"),
            dispatch_uid="certification-roles",
        )
