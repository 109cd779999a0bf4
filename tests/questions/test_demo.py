from django.core.management import call_command

from courses.questions.demo import QUESTIONS
from courses.questions.models import Question, QuestionType


def test_demo_bank_has_every_type_and_loads_once(db):
    call_command("load_demo_questions")
    call_command("load_demo_questions")
    assert Question.objects.count() == len(QUESTIONS)
    assert set(Question.objects.values_list("qtype", flat=True)) == set(QuestionType.values)
