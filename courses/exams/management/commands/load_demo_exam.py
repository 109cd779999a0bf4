from django.core.management.base import BaseCommand
from django.urls import reverse

from courses.exams.demo import DEMO_INSTRUCTOR, demo_exam_load, demo_grading_load


class Command(BaseCommand):
    help = (
        "Create the demo's approved final exam for the primary program, and a written assignment "
        "with answers waiting for the demo instructor's grading (idempotent)."
    )

    def handle(self, *args, **options):
        paper = demo_exam_load()
        if paper is None:
            self.stderr.write("Run load_demo and load_demo_questions first.")
            return
        self.stdout.write(f"{paper}: /exams/papers/{paper.pk}/")
        assignment = demo_grading_load()
        if assignment is None:
            self.stderr.write("Run load_demo_learning first: the assignment is sat by the demo cohort.")
            return
        queue = reverse("exams:staff_grading_queue")
        self.stdout.write(f"{assignment}: answers waiting for {DEMO_INSTRUCTOR}'s grading at {queue}")
