from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _templates_review_setup(sender, **kwargs):
    # The certificate template review workflow; the Registrars' permissions are core.roles' table,
    # granted after every migrate by core.
    from certification.services.templates import certificate_templates_setup

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
        # Bulk issuance and registry changes run on core.jobs: one runner, one stall sweep.
        from certification.services.batches import BATCH_JOB
        from certification.services.bulk import REGISTRY_CHANGE_JOB
        from core.jobs import job_kind_register

        job_kind_register(BATCH_JOB)
        job_kind_register(REGISTRY_CHANGE_JOB)
        # Names are checked when entered with the same function that refuses issuing and rendering.
        register_printable_check(fonts.missing_glyphs)
        # "Hours required" on every screen is the number eligibility compares with: the rule's.
        register_hours_requirement(eligibility.program_hours_required)
        # ... and the courses counted on every screen are those eligibility counts: the rule's.
        register_course_requirement(eligibility.programs_named_courses)
        post_migrate.connect(
            _templates_review_setup,
            sender=apps.get_app_config("wagtailadmin"),
            dispatch_uid="certification-roles",
        )
