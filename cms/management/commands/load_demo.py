from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create or update the demo site (curriculum, settings, accounts). Safe to run again."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo content ready: %(courses)d courses, %(lessons)d lessons (%(created)d pages created, "
                    "%(updated)d updated)."
                )
                % {
                    "courses": report.course_count,
                    "lessons": report.lesson_count,
                    "created": len(report.created),
                    "updated": len(report.updated),
                }
            )
        )
        self.stdout.write(_("Demo accounts (username / password / role):"))
        for username, password, role in report.accounts:
            self.stdout.write(f"  {username:<12} {password:<18} {role}")
