from django.core.management.base import BaseCommand

from certification.reports.demo import load_demo_reports


class Command(BaseCommand):
    help = (
        "Create the reports' demo cohorts (120 primary trainees with hours, exam answers and certificates; "
        "an intermediate cohort in progress). Run after the other demo loaders. Safe to run again."
    )

    def handle(self, *args, **options):
        cohort = load_demo_reports()
        if cohort is None:
            self.stderr.write("Load the curriculum and exam demo first (load_demo, load_demo_exam).")
            return
        self.stdout.write(self.style.SUCCESS(f"Reports demo cohort: {cohort.code} {cohort.title}"))
