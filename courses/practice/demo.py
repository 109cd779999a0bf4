"""The demo's practical assessment (实务考核): the Advanced program's report, at every stage, so that a
new user sees the workflow on first run.

An advanced cohort; the assignment of course A-08 with its brief, rubric and defence rubric, due a
few days ago; a panel chaired by the demo ``instructor`` (also a reviewer) with two external
experts, each in conflict with one trainee (one works at her employer, the other declared it); and
four trainees:

- 吴昊's report is in review: one expert has scored it, the demo instructor's review is waiting;
- 郑雪's two reviews differ by more than the margin: it awaits the chair's reconciliation;
- 林峰's reviews agree: it is reconciled and his defence is booked in the session next week;
- the demo ``trainee`` has an extension and has not submitted yet: they may upload on first login.

Everything goes through the services (versions, reviewers, reviews, extension, defence session and
booking) as a registrar, reviewers and trainees would. Run after ``load_demo`` and
``load_demo_learning``. Safe to run again: an existing demo assignment is left as it is.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.choices import Level
from cms.models import CoursePage, ProgramPage
from core.roles import PRACTICE_REVIEWERS_GROUP, roles_setup
from courses import services as learning_services
from courses.accounts.services import trainee_profile_save
from courses.models import Cohort, EnrolmentMode

from . import defence, services
from .models import (
    AssignmentStatus,
    ConflictOfInterest,
    DefenceCriterion,
    DefenceSession,
    OverMarginAction,
    PanelMember,
    PracticalAssignment,
    ReviewAssignment,
    ReviewerProfile,
    ReviewPanel,
    RubricCriterion,
)

DEMO_INSTRUCTOR, DEMO_REGISTRAR, DEMO_TRAINEE = "instructor", "registrar", "trainee"
COHORT = {
    "code": "A-2026-SPRING",
    "title": "高级技术经理人 2026 春季班",
    "title_en": "Advanced Technology Managers, Spring 2026",
    "location": "上海市徐汇区 培训基地四楼研讨室",
    "location_en": "Seminar room, 4th floor, Training Base, Xuhui District, Shanghai",
}
TITLE = "高级实务项目报告（2026 春季）"
TITLE_EN = "Advanced practical project report (Spring 2026)"
BRIEF = (
    "<p>选择你近两年亲身参与的一个技术转移项目（许可、转让、作价投资或技术服务），写成一份案例报告："
    "项目背景与技术、价值评估与交易结构、谈判与合同要点、实施结果与复盘。</p>"
    "<p>报告 6000 至 12000 字，PDF 或 Word 格式；涉及商业秘密的内容请作脱敏处理。报告经评审组匿名评审后，"
    "你将在答辩中用 15 分钟陈述、15 分钟回答评委提问。</p>"
)
BRIEF_EN = (
    "<p>Choose a technology transfer project you took part in during the last two years (a licence, an "
    "assignment, an equity deal or a technical service) and write it up as a case report: background and "
    "technology, valuation and deal structure, negotiation and contract, results and lessons.</p>"
    "<p>6,000 to 12,000 words, PDF or Word; anonymise trade secrets. After the panel's blind review you "
    "defend it: 15 minutes of presentation and 15 minutes of questions.</p>"
)
RUBRIC = (
    ("问题分析", "Analysis", "40", "项目背景、技术与市场需求的分析是否准确、深入"),
    ("方案设计", "Deal design", "40", "价值评估、交易结构与合同条款是否合理、可执行"),
    ("表达规范", "Writing", "20", "结构清晰、数据可靠、引用规范"),
)
DEFENCE_RUBRIC = (("陈述", "Presentation", "40"), ("答辩", "Answers", "60"))
# username, name, organisation, account is an external expert
EXPERTS = [
    ("demo-expert-qian", "钱卫东", "上海知识产权交易中心", True),
    ("demo-expert-sun", "孙雅琴", "浙江大学科技成果转化研究院", True),
]
# username, real name, organisation, stage; scores per criterion of each review (in order of the
# reviewers the service assigns); stage "in_review" leaves the demo instructor's review waiting.
TRAINEES = [
    ("demo-wuhao", "吴昊", "北京技术市场管理办公室", "in_review", [("34", "30", "16")]),
    (
        "demo-zhengxue",
        "郑雪",
        "浙江大学科技成果转化研究院",
        "reconciliation",
        [("36", "34", "17"), ("22", "20", "12")],
    ),
    ("demo-linfeng", "林峰", "中科院上海药物研究所", "defence", [("33", "32", "16"), ("30", "31", "15")]),
]
COMMENT = "案例选取恰当，交易结构分析较完整；建议补充可比交易数据，说明许可费率的确定依据。"


@dataclass
class PracticeDemoReport:
    assignment: PracticalAssignment | None = None
    created: bool = False
    stages: dict[str, str] = field(default_factory=dict)  # username → marking state


def _report_pdf(name: str) -> bytes:
    """A short case report (PDF) written for the demo: a title and two paragraphs."""
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    text = (
        f"技术转移案例报告：{name}参与的专利许可项目\n\n"
        "一、项目背景：某高校课题组研发的新型催化剂技术，经成果披露与价值评估后，"
        "以普通许可方式许可给一家化工企业，许可费采用入门费加销售提成的组合。\n\n"
        "二、交易结构与复盘：谈判中双方就提成基数与最低年费反复磋商，最终约定三年内逐年提高最低年费，"
        "并保留学校在非化工领域的再许可权利。"
    )
    page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontname="china-s", fontsize=11)
    data = document.tobytes()
    document.close()
    return data


def _account(username: str, name: str, *, groups=()):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "first_name": name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def _panel(*, chair, registrar) -> ReviewPanel:
    panel = ReviewPanel.objects.create(name="高级实务评审组", chair=chair)
    ReviewerProfile.objects.get_or_create(
        user=chair,
        defaults={"display_name": "陈立华", "organisation": "培训基地", "created_by": registrar},
    )
    PanelMember.objects.create(panel=panel, user=chair, sort_order=0)
    for order, (username, name, organisation, external) in enumerate(EXPERTS, 1):
        expert = _account(username, name, groups=[PRACTICE_REVIEWERS_GROUP])
        ReviewerProfile.objects.get_or_create(
            user=expert,
            defaults={
                "display_name": name,
                "organisation": organisation,
                "external": external,
                "created_by": registrar,
            },
        )
        PanelMember.objects.create(panel=panel, user=expert, sort_order=order)
    return panel


def _assignment(*, course, panel, due_at) -> PracticalAssignment:
    assignment = PracticalAssignment.objects.create(
        title=TITLE,
        title_en=TITLE_EN,
        course=course,
        brief=BRIEF,
        brief_en=BRIEF_EN,
        due_at=due_at,
        word_max=12000,
        panel=panel,
        reconcile_margin=Decimal("10"),
        over_margin=OverMarginAction.CHAIR,
        defence_required=True,
        status=AssignmentStatus.PUBLISHED,
    )
    for order, (name, name_en, points, description) in enumerate(RUBRIC):
        RubricCriterion.objects.create(
            assignment=assignment,
            sort_order=order,
            name=name,
            name_en=name_en,
            max_points=Decimal(points),
            description=description,
        )
    for order, (name, name_en, points) in enumerate(DEFENCE_RUBRIC):
        DefenceCriterion.objects.create(
            assignment=assignment, sort_order=order, name=name, name_en=name_en, max_points=Decimal(points)
        )
    return assignment


def _reviews(*, assignment, submission, stage: str, scores: list, instructor) -> None:
    criteria = list(assignment.criteria.all())
    waiting = list(ReviewAssignment.objects.filter(submission=submission).order_by("reviewer_id"))
    if stage == "in_review":
        # Leave one review waiting: the demo instructor's if they have one.
        others = [w for w in waiting if w.reviewer_id != instructor.pk]
        waiting = others[: len(waiting) - 1]
    for review_assignment, points in zip(waiting, scores, strict=False):
        services.review_submit(
            review_assignment=review_assignment,
            reviewer=review_assignment.reviewer,
            scores={c.pk: (p, "") for c, p in zip(criteria, points, strict=True)},
            comment=COMMENT,
        )


def load_demo_practice() -> PracticeDemoReport:
    """Create the demo's practical assessment (see the module). Atomic; idempotent: nothing is done
    when the demo assignment exists, or when the Advanced program, course A-08 or the demo accounts
    are missing (run ``load_demo`` first)."""
    report = PracticeDemoReport()
    User = get_user_model()
    registrar = User.objects.filter(username=DEMO_REGISTRAR).first()
    instructor = User.objects.filter(username=DEMO_INSTRUCTOR).first()
    locale = Locale.get_default()
    program = ProgramPage.objects.filter(level=Level.ADVANCED, locale=locale).first()
    course = CoursePage.objects.filter(code="A-08", locale=locale).first()
    existing = PracticalAssignment.objects.filter(title=TITLE).first()
    if existing is not None:
        report.assignment = existing
        return report
    if None in (registrar, instructor, program, course):
        return report
    roles_setup()
    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        cohort, _created = Cohort.objects.get_or_create(
            code=COHORT["code"],
            defaults={
                **{key: value for key, value in COHORT.items() if key != "code"},
                "program": program,
                "starts_on": today - datetime.timedelta(days=60),
                "ends_on": today + datetime.timedelta(days=60),
                "capacity": 30,
                "enrolment_mode": EnrolmentMode.OPEN,
                "fee": Decimal("4800"),
                "enrolment_opens_at": now - datetime.timedelta(days=90),
                "enrolment_closes_at": now + datetime.timedelta(days=30),
            },
        )
        panel = _panel(chair=instructor, registrar=registrar)
        due_at = (now - datetime.timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
        assignment = _assignment(course=course, panel=panel, due_at=due_at)
        submissions = {}
        for username, name, organisation, _stage, _scores in TRAINEES:
            trainee = _account(username, name)
            trainee_profile_save(user=trainee, real_name=name, organisation=organisation)
            learning_services.enrolment_create(user=trainee, cohort=cohort, actor=registrar)
            version = services.version_submit(
                assignment=assignment,
                trainee=trainee,
                report=SimpleUploadedFile("案例报告.pdf", _report_pdf(name), content_type="application/pdf"),
                declaration_signed=True,
                now=due_at - datetime.timedelta(days=2),
            )
            submissions[username] = version.submission
        # 孙雅琴 works where 郑雪 works (a conflict by employer); 钱卫东 declares one with 林峰.
        ConflictOfInterest.objects.create(
            reviewer=User.objects.get(username=EXPERTS[0][0]),
            trainee=submissions["demo-linfeng"].trainee,
            reason="曾为其所在单位的该项目提供估值咨询。",
        )
        # One by one, in this order, so that the demo instructor reviews 吴昊's report.
        for username, *_rest in TRAINEES:
            services.submission_assign_reviewers(submission=submissions[username], actor=registrar)
        for username, _name, _organisation, stage, scores in TRAINEES:
            _reviews(
                assignment=assignment,
                submission=submissions[username],
                stage=stage,
                scores=scores,
                instructor=instructor,
            )
        session = _defence_session(assignment=assignment, panel=panel, cohort=cohort, registrar=registrar)
        for username, *_rest, stage, _scores in TRAINEES:
            if stage == "defence":
                slot = session.slots.filter(trainee__isnull=True).order_by("starts_at").first()
                defence.defence_slot_assign(slot=slot, trainee=submissions[username].trainee, actor=registrar)
        trainee = User.objects.filter(username=DEMO_TRAINEE).first()
        if trainee is not None:
            learning_services.enrolment_create(user=trainee, cohort=cohort, actor=registrar)
            services.extension_grant(
                assignment=assignment,
                trainee=trainee,
                due_at=now + datetime.timedelta(days=14),
                reason="因参与单位重大项目谈判出差，经申请延期两周提交。",
                actor=registrar,
            )
    report.assignment, report.created = assignment, True
    report.stages = {
        submission.trainee.username: submission.state for submission in assignment.submissions.all()
    }
    return report


def _defence_session(*, assignment, panel, cohort, registrar) -> DefenceSession:
    """Next week, 09:00 to 11:00 local time, four slots of 30 minutes, in a room with its check-in."""
    day = timezone.localdate() + datetime.timedelta(days=7)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
    return defence.defence_session_create(
        assignment=assignment,
        panel=panel,
        title="高级实务答辩 第一场",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        slot_minutes=30,
        room="培训基地 301 答辩室",
        cohort=cohort,
        course=assignment.course,
        actor=registrar,
    )
