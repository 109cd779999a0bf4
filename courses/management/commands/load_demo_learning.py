from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from courses.demo import load_demo_learning


class Command(BaseCommand):
    help = "Create or complete the demo cohorts and trainees (run after load_demo). Safe to run again."

    def handle(self, *args, **options):
        report = load_demo_learning()
        for code, count in report.enrolments.items():
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo cohort %(code)s: %(count)d enrolments.") % {"code": code, "count": count}
                )
            )
