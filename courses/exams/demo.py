"""The demo's final exam: a live (approved and published) paper for the primary program's first course."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cms.models import CoursePage
from courses.questions.demo import DEMO_BANK
from courses.questions.models import Question, QuestionBank, QuestionType

from .models import ExamPaper, PaperSection, ReviewMode, SectionKind

DEMO_PAPER = "初级技术经理人结业考试"
DEMO_PAPER_EN = "Final Exam for Primary Technology Managers"
DEMO_COURSE_CODE = "P-01"
QT = QuestionType
# (type, section title, questions to draw, points each): the usual layout of a Chinese exam paper.
SECTIONS = [
    (QT.SINGLE_CHOICE, "一、单项选择题", 4, Decimal("5")),
    (QT.MULTIPLE_CHOICE, "二、多项选择题", 2, Decimal("6")),
    (QT.TRUE_FALSE, "三、判断题", 2, Decimal("4")),
    (QT.SHORT_ANSWER, "四、填空题", 1, Decimal("6")),
    (QT.NUMERICAL, "五、计算题", 1, Decimal("6")),
    (QT.MATCHING, "六、匹配题", 1, Decimal("6")),
    (QT.ESSAY, "七、论述题", 1, Decimal("20")),
    (QT.CASE_ANALYSIS, "八、案例分析题", 1, Decimal("22")),
]


@transaction.atomic
def demo_exam_load() -> ExamPaper | None:
    """Create the demo's final exam once and publish it: one section per question type, drawn at random.

    Idempotent: an existing paper of that title is returned, published first if it is not live
    (demo data stands for a paper a registrar approved). Returns None if the demo course or the
    demo bank is missing (run ``load_demo`` and ``load_demo_questions`` first).
    """
    existing = ExamPaper.objects.filter(title=DEMO_PAPER).first()
    if existing:
        if not existing.live:
            (existing.latest_revision or existing.save_revision()).publish()
            existing.refresh_from_db()
        return existing
    course = CoursePage.objects.filter(code=DEMO_COURSE_CODE, locale__language_code="zh-hans").first()
    bank = QuestionBank.objects.filter(name=DEMO_BANK, parent=None).first()
    if course is None or bank is None:
        return None
    questions = Question.objects.filter(archived=False, bank__in=[bank, *bank.children.all()])
    now = timezone.now()
    paper = ExamPaper.objects.create(
        title=DEMO_PAPER,
        title_en=DEMO_PAPER_EN,
        course=course,
        instructions="本考试分客观题和主观题两类：客观题从题库中随机抽取，主观题由讲师评阅。"
        "请在规定时间内完成，答案会随时自动保存。",
        pass_mark=Decimal("60"),
        time_limit_minutes=90,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=365),
        max_attempts=2,
        review_mode=ReviewMode.ANSWERS,
        review_after_close=False,
        live=False,
    )
    order = 0
    for qtype, title, wanted, points in SECTIONS:
        available = questions.filter(qtype=qtype).count()
        if not available:
            continue
        section = PaperSection.objects.create(
            paper=paper,
            title=title,
            kind=SectionKind.RANDOM,
            question_type=qtype,
            draw_count=min(wanted, available),
            points_per_question=points,
            sort_order=order,
        )
        section.banks.set([bank])
        section.save()
        order += 1
    paper.save_revision().publish()
    paper.refresh_from_db()
    return paper
