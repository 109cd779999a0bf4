from django.core.management.base import BaseCommand

from courses.questions.demo import demo_question_bank_load
from courses.questions.selectors import bank_questions


class Command(BaseCommand):
    help = "Load the Chinese demo question bank for the primary program (idempotent)."

    def handle(self, *args, **options):
        bank = demo_question_bank_load()
        self.stdout.write(f"{bank}: {bank_questions(bank=bank).count()} questions")
