"""The demo's exams: a live (approved and published) final exam for the primary program's first
course, and a written assignment the demo instructor grades on first run (blind, double marked)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms.models import CoursePage
from core.guards import SYSTEM
from courses.demo import DEMO_REGISTRAR
from courses.questions.demo import DEMO_BANK
from courses.questions.models import Question, QuestionBank, QuestionType

from . import services
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


# The written assignment of the case-studies course: graded blind by two graders, so the demo
# instructor (linked as a grader of both demo courses) finds answers waiting on first sign-in.
DEMO_INSTRUCTOR = "instructor"
DEMO_ASSIGNMENT = "典型案例研讨课程作业"
DEMO_ASSIGNMENT_EN = "Case Studies: Written Assignment"
DEMO_ASSIGNMENT_COURSE_CODE = "P-12"
ASSIGNMENT_SECTIONS = [
    (QT.ESSAY, "一、论述题", Decimal("10")),
    (QT.CASE_ANALYSIS, "二、案例分析题", Decimal("15")),  # the demo case's rubric shares out 15
]
# What three trainees of the primary cohort wrote (by username; those the cohort does not admit are skipped).
ASSIGNMENT_ANSWERS = {
    "demo-wangfang": (
        "技术经理人连接实验室与市场：先挖掘企业需求，再组织成果评价和定价，设计许可或作价投资的交易结构，"
        "并陪同双方谈判。例如我们中心撮合的一项催化剂专利，正是通过中试数据打消了企业的顾虑。",
        "该方案的问题：许可期限 20 年超过专利剩余保护期；全球独占而专利只在国内授权；一次性支付 50 万元"
        "没有体现后续收益。建议改为入门费加销售提成，限定地域和期限，并履行学校的决策和公示程序。",
    ),
    "demo-liqiang": (
        "技术经理人的作用主要是对接供需、评估价值和控制风险。园区企业常常找不到合适的技术，"
        "我们通过需求调研和成果路演帮助双方建立联系。",
        "独占许可范围过大，价格偏低。应该先做价值评估，再决定许可方式，合同中加入实施义务条款。",
    ),
    "demo-yangmin": (
        "在成果转化中，技术经理人负责知识产权布局、交易谈判和合规审查，使成果能够顺利落地。",
        "主要风险是全球独占和期限过长。建议采用普通许可或分地域许可，按销售额提成，并完成内部审批。",
    ),
}


def demo_grading_load() -> ExamPaper | None:
    """Let the demo instructor grade: a grader of the demo courses, with answers waiting.

    Through the services a registrar and trainees use: the registrar links the instructor as a
    grader of the final exam's course and of the case-studies course (``course_grader_add``); the
    case-studies course gets a live written assignment (an essay and a case analysis) graded blind
    and double marked; three trainees of the primary cohort sit and submit it. Their answers wait
    in the instructor's grading queue (the registrar, or another grader, gives the second mark).

    Idempotent: an existing assignment is returned as it is. Returns None if the demo accounts,
    courses or bank are missing (run ``load_demo``, ``load_demo_learning`` and
    ``load_demo_questions`` first).
    """
    users = get_user_model().objects
    instructor = users.filter(username=DEMO_INSTRUCTOR).first()
    registrar = users.filter(username=DEMO_REGISTRAR).first()
    courses = {
        code: CoursePage.objects.filter(code=code, locale__language_code="zh-hans").first()
        for code in (DEMO_COURSE_CODE, DEMO_ASSIGNMENT_COURSE_CODE)
    }
    bank = QuestionBank.objects.filter(name=DEMO_BANK, parent=None).first()
    if instructor is None or registrar is None or None in courses.values() or bank is None:
        return None
    with transaction.atomic():
        for course in courses.values():
            services.course_grader_add(course=course, user=instructor, actor=registrar)
        existing = ExamPaper.objects.filter(title=DEMO_ASSIGNMENT).first()
        if existing:
            return existing
        paper = _assignment(course=courses[DEMO_ASSIGNMENT_COURSE_CODE], bank=bank)
        if paper is None:
            return None
        for username, answers in ASSIGNMENT_ANSWERS.items():
            trainee = users.filter(username=username).first()
            if trainee is not None:
                _sit(paper=paper, trainee=trainee, answers=answers)
    return paper


def _assignment(*, course: CoursePage, bank: QuestionBank) -> ExamPaper | None:
    questions = Question.objects.filter(archived=False, bank__in=[bank, *bank.children.all()])
    if any(not questions.filter(qtype=qtype).exists() for qtype, _title, _points in ASSIGNMENT_SECTIONS):
        return None
    now = timezone.now()
    paper = ExamPaper.objects.create(
        title=DEMO_ASSIGNMENT,
        title_en=DEMO_ASSIGNMENT_EN,
        course=course,
        instructions="结合课程中的案例作答。本作业由两位讲师匿名评阅：阅卷时只显示考生编号。",
        pass_mark=Decimal("60"),
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=60),
        shuffle_questions=False,
        blind_grading=True,
        double_marking=True,
        marking_margin=Decimal("3"),
        live=False,
    )
    for order, (qtype, title, points) in enumerate(ASSIGNMENT_SECTIONS):
        section = PaperSection.objects.create(
            paper=paper,
            title=title,
            kind=SectionKind.RANDOM,
            question_type=qtype,
            draw_count=1,
            points_per_question=points,
            sort_order=order,
        )
        section.banks.set([bank])
        section.save()  # banks is a parental many-to-many: saved with the section
    paper.save_revision().publish()  # demo data stands for a paper a registrar approved
    paper.refresh_from_db()
    return paper


def _sit(*, paper: ExamPaper, trainee, answers: tuple[str, str]) -> None:
    try:
        attempt = services.attempt_start(paper=paper, user=trainee)
    except services.ExamError:
        return  # not admitted (say, waitlisted): no attempt
    items = attempt.items.select_related("version").order_by("position")
    written = dict(zip((QT.ESSAY, QT.CASE_ANALYSIS), answers, strict=True))
    saves = [
        services.AnswerSave(position=item.position, response=written[item.version.qtype], seq=1)
        for item in items
    ]
    services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
    services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
