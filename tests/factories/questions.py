"""Builders for question banks and questions."""

import itertools

from core.guards import SYSTEM
from courses.questions import services
from courses.questions.models import QuestionBank, QuestionType

_numbers = itertools.count(1)

SAMPLE_DATA = {
    QuestionType.SINGLE_CHOICE: {
        "options": [
            {"text": "《促进科技成果转化法》", "fraction": "1"},
            {"text": "《专利法》", "fraction": "0"},
            {"text": "《民法典》", "fraction": "0"},
        ]
    },
    QuestionType.MULTIPLE_CHOICE: {
        "options": [
            {"text": "许可", "fraction": "0.5"},
            {"text": "转让", "fraction": "0.5"},
            {"text": "赠与", "fraction": "-1"},
        ]
    },
    QuestionType.TRUE_FALSE: {"correct": True},
    QuestionType.SHORT_ANSWER: {"answers": [{"text": "技术合同", "fraction": "1"}]},
    QuestionType.NUMERICAL: {"answers": [{"value": "3", "tolerance": "0.5", "fraction": "1"}]},
    QuestionType.MATCHING: {
        "pairs": [{"prompt": "许可", "answer": "license"}, {"prompt": "转让", "answer": "assignment"}]
    },
    QuestionType.ESSAY: {"grader_info": "要点：收益分配"},
    QuestionType.CASE_ANALYSIS: {"rubric": [{"criterion": "识别问题", "points": "5"}]},
}


def question_bank(**fields) -> QuestionBank:
    fields.setdefault("name", f"题库 {next(_numbers)}")
    return QuestionBank.objects.create(**fields)


def question(bank: QuestionBank | None = None, *, qtype: str = QuestionType.SINGLE_CHOICE, **fields):
    fields.setdefault("name", f"试题 {next(_numbers)}")
    fields.setdefault("text", "以下哪部法律规定了科技成果转化的收益分配？")
    fields.setdefault("data", SAMPLE_DATA[qtype])
    fields.setdefault("user", SYSTEM)
    return services.question_create(bank=bank or question_bank(), qtype=qtype, **fields)
