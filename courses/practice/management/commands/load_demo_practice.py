from django.core.management.base import BaseCommand

from courses.practice.demo import load_demo_practice


class Command(BaseCommand):
    help = (
        "Create the demo's practical assessment: the Advanced program's report at every stage, reviewers "
        "and a defence session (run after load_demo and load_demo_learning). Safe to run again."
    )

    def handle(self, *args, **options):
        report = load_demo_practice()
        if report.assignment is None:
            self.stderr.write("Load the curriculum demo first (load_demo).")
        elif report.created:
            stages = ", ".join(f"{username}: {state}" for username, state in sorted(report.stages.items()))
            self.stdout.write(
                self.style.SUCCESS(f"Demo practical assignment: {report.assignment.title} ({stages})")
            )
        else:
            self.stdout.write(f"Demo practical assignment already there: {report.assignment.title}")
