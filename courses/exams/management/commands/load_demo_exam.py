from django.core.management.base import BaseCommand

from courses.exams.demo import demo_exam_load


class Command(BaseCommand):
    help = "Create the demo's approved final exam for the primary program (idempotent)."

    def handle(self, *args, **options):
        paper = demo_exam_load()
        if paper is None:
            self.stderr.write("Run load_demo and load_demo_questions first.")
            return
        self.stdout.write(f"{paper}: /exams/papers/{paper.pk}/")
