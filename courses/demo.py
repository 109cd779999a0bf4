"""Demo learner state on top of the content demo: a cohort per program, trainees at every stage.

Run after ``load_demo`` (which builds the curriculum and the demo accounts); the content app
never imports this module. Safe to run again: nothing is duplicated.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.choices import Level
from cms.models import LessonPage, ProgramPage
from core.guards import SYSTEM
from core.roles import roles_setup
from courses import services
from courses.models import (
    Cohort,
    Enrolment,
    EnrolmentMode,
    EnrolmentStatus,
    HoursEntry,
    HoursSource,
    LessonCompletion,
)
from courses.selectors.cohorts import cohort_courses
from courses.services.progress import course_completion_evaluate

DEMO_TRAINEE = "trainee"
DEMO_REGISTRAR = "registrar"

# username, real name, organisation, stage. Stages: "progress:N" (N% of the cohort's required
# lessons done, hours to match), "completed", "waitlisted", "pending", "rejected". The completed
# ones (every lesson and hour, so the enrolment completes itself) hold the demo certificates.
PRIMARY_TRAINEES = [
    ("demo-zhangwei", "张伟", "上海技术交易所", "completed"),
    ("demo-wangfang", "王芳", "复旦大学技术转移中心", "progress:50"),
    ("demo-liqiang", "李强", "苏州工业园区科技局", "progress:20"),
    ("demo-liuyang", "刘洋", "中国科学院上海分院", "progress:0"),
    ("demo-chenjing", "陈静", "浙江大学科技成果转化研究院", "completed"),
    ("demo-yangmin", "杨敏", "深圳市技术转移促进中心", "progress:35"),
    ("demo-zhaolei", "赵磊", "合肥综合性国家科学中心", "completed"),
    ("demo-huangli", "黄丽", "广州知识产权运营中心", "waitlisted"),
    ("demo-zhoujie", "周杰", "南京工业大学", "waitlisted"),
]
INTERMEDIATE_TRAINEES = [
    ("demo-wuhao", "吴昊", "北京技术市场管理办公室", "progress:40"),
    ("demo-xuting", "徐婷", "清华大学技术转移研究院", "pending"),
    ("demo-sunpeng", "孙鹏", "武汉东湖高新区", "pending"),
    ("demo-majun", "马骏", "某医药创新企业", "rejected"),
]
COHORTS = {
    Level.PRIMARY: {
        "code": "P-2026-SPRING",
        "title": "初级技术经理人 2026 春季班",
        "title_en": "Primary Technology Managers, Spring 2026",
        # The demo trainee + 7 others fill the places; the last two wait.
        "capacity": 8,
        "enrolment_mode": EnrolmentMode.OPEN,
        "location": "上海市徐汇区 培训基地二楼报告厅",
        "location_en": "Lecture hall, 2nd floor, Training Base, Xuhui District, Shanghai",
        "fee": Decimal("0"),
        "trainees": PRIMARY_TRAINEES,
    },
    Level.INTERMEDIATE: {
        "code": "I-2026-SPRING",
        "title": "中级技术经理人 2026 春季班",
        "title_en": "Intermediate Technology Managers, Spring 2026",
        "capacity": 20,
        "enrolment_mode": EnrolmentMode.APPROVAL,
        "location": "上海市徐汇区 培训基地三楼研讨室",
        "location_en": "Seminar room, 3rd floor, Training Base, Xuhui District, Shanghai",
        "fee": Decimal("2800"),
        "trainees": INTERMEDIATE_TRAINEES,
    },
}


@dataclass
class LearningDemoReport:
    cohorts: list[str] = field(default_factory=list)
    enrolments: dict[str, int] = field(default_factory=dict)


def _trainee(username: str, real_name: str, organisation: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "first_name": real_name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    if apps.is_installed("courses.accounts"):
        from courses.accounts.services import trainee_profile_save

        trainee_profile_save(user=user, real_name=real_name, organisation=organisation)
    return user


def _progress(user, cohort: Cohort, percent: int) -> None:
    """Complete the first ``percent`` of the cohort's required lessons and credit hours to match,
    then let the progress service decide, as after a trainee's own step: a course whose rule is
    met is recorded completed, and an enrolment whose courses are all done is completed."""
    for course in cohort_courses(cohorts=[cohort])[cohort.pk]:
        lessons = list(LessonPage.objects.live().child_of(course).filter(required=True).order_by("path"))
        done = lessons[: round(len(lessons) * percent / 100)]
        for lesson in done:
            LessonCompletion.objects.get_or_create(user=user, lesson=lesson)
        hours = (course.learning_hours * Decimal(percent) / 100).quantize(Decimal("0.1"))
        if hours and not HoursEntry.objects.filter(user=user, course=course).exists():
            HoursEntry.objects.create(
                user=user, course=course, cohort=cohort, source=HoursSource.ONLINE, hours=hours
            )
        course_completion_evaluate(actor=SYSTEM, user=user, course=course)


def load_demo_learning() -> LearningDemoReport:
    """Create or complete the demo cohorts and their trainees. Atomic; idempotent."""
    report = LearningDemoReport()
    roles_setup()
    User = get_user_model()
    registrar = User.objects.filter(username=DEMO_REGISTRAR).first()
    demo_trainee = User.objects.filter(username=DEMO_TRAINEE).first()
    today = timezone.localdate()
    with transaction.atomic():
        for level, spec in COHORTS.items():
            program = ProgramPage.objects.filter(level=level, locale=Locale.get_default()).first()
            if program is None:
                continue
            cohort, _ = Cohort.objects.get_or_create(
                code=spec["code"],
                defaults={
                    "title": spec["title"],
                    "program": program,
                    "starts_on": today - datetime.timedelta(days=14),
                    "ends_on": today + datetime.timedelta(days=120),
                    "capacity": spec["capacity"],
                    "enrolment_mode": spec["enrolment_mode"],
                    "location": spec["location"],
                    "location_en": spec["location_en"],
                    "title_en": spec["title_en"],
                    "fee": spec["fee"],
                    "enrolment_opens_at": timezone.now() - datetime.timedelta(days=30),
                    "enrolment_closes_at": timezone.now() + datetime.timedelta(days=60),
                },
            )
            report.cohorts.append(cohort.code)
            people = list(spec["trainees"])
            if level == Level.PRIMARY and demo_trainee is not None:
                people.insert(0, (demo_trainee.username, "", "", "progress:30"))
            for username, real_name, organisation, stage in people:
                user = (
                    demo_trainee
                    if demo_trainee and username == demo_trainee.username
                    else _trainee(username, real_name, organisation)
                )
                _enrol(user, cohort, stage, registrar)
            report.enrolments[cohort.code] = cohort.enrolments.count()
    return report


def _enrol(user, cohort: Cohort, stage: str, registrar) -> None:
    # Loading again must not replay the story (a rejected trainee may not re-apply, for one).
    enrolment = Enrolment.objects.filter(user=user, cohort=cohort).first() or services.enrolment_create(
        user=user, cohort=cohort
    )
    if registrar is None:
        return
    if stage in ("pending", "rejected", "waitlisted"):
        if stage == "rejected" and enrolment.status == EnrolmentStatus.PENDING:
            services.enrolment_reject(
                enrolment=enrolment, actor=registrar, reason="报名材料不完整，请补充后下期再报。"
            )
        return
    if enrolment.status == EnrolmentStatus.PENDING:
        enrolment = services.enrolment_approve(enrolment=enrolment, actor=registrar)
    if enrolment.status not in (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED):
        return
    # "completed": every lesson and hour; the progress service then completes the enrolment itself.
    _progress(user, cohort, 100 if stage == "completed" else int(stage.split(":")[1]))
