"""Demo data for the reports: a finished primary cohort of 120 trainees with a term's worth of
learning hours, exam attempts answered question by question, and certificates issued over the
following weeks, plus an intermediate cohort in progress. Run after the other demo loaders
(``load_demo_reports``). Idempotent: nothing is added if the demo cohort exists.

Rows are written with ``bulk_create`` (dates in the past, so the charts have a history), the rows
the progress services would have written: a trainee who completed the cohort has every required
lesson completed, each course's hours in the ledger and its course completion recorded, so
``courses.selectors.standing`` says completed too; those still enrolled have some hours and no
course done. The cohort's places are those taken, so nobody waits for a free one. The certificates
go through the issuing service with its eligibility check and the lifecycle services, as a
registrar's would, and are then moved back to their issue day with everything that follows from it
(expiry, printed dates, credential).
"""

import contextlib
import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from certification import credentials, services
from certification.eligibility import rule_for
from certification.models import Certificate, CertificateStatus
from cms.choices import Level
from cms.models import CoursePage, LessonPage, ProgramPage
from courses.exams.demo import DEMO_PAPER
from courses.exams.models import Attempt, AttemptItem, AttemptStatus, ExamPaper
from courses.models import (
    Cohort,
    CourseCompletion,
    Enrolment,
    EnrolmentEvent,
    EnrolmentMode,
    EnrolmentStatus,
    HoursEntry,
    HoursSource,
    LessonCompletion,
)
from courses.questions.demo import DEMO_BANK
from courses.questions.models import QuestionVersion

COHORT_CODE = "P-2026-SUMMER"
INTERMEDIATE_CODE = "I-2026-AUTUMN"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玲斌宇浩凯鹏飞琳晨曦雪梅海燕文博思远佳怡子涵雨轩"


@contextlib.contextmanager
def _keep_dates(*models, name: str = "created_at"):
    """Let ``bulk_create`` write the given ``created_at`` (or ``name``) instead of now (demo history)."""
    fields = [m._meta.get_field(name) for m in models]
    saved = [f.auto_now_add for f in fields]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, value in zip(fields, saved, strict=True):
            f.auto_now_add = value


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _users(prefix: str, count: int, rng: random.Random) -> list:
    User = get_user_model()
    User.objects.bulk_create(
        [
            User(
                username=f"{prefix}{i:03d}",
                first_name=_name(rng),
                email=f"{prefix}{i:03d}@example.com",
                password="!",
            )
            for i in range(1, count + 1)
        ]
    )
    return list(User.objects.filter(username__startswith=prefix).order_by("username"))


def _moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    at = datetime.datetime.combine(day, datetime.time(rng.randint(8, 21), rng.randint(0, 59)))
    return timezone.make_aware(at)


def _hours(user, cohort, courses, total: float, start, end, rng) -> list[HoursEntry]:
    entries, left = [], total
    span = max(1, (end - start).days)
    while left > 0.05:
        amount = min(left, rng.choice((1.5, 2, 2.5, 3, 4)))
        left -= amount
        day = start + datetime.timedelta(days=int(span * rng.random() ** 0.8))
        source = rng.choice((HoursSource.ONLINE, HoursSource.ONLINE, HoursSource.OFFLINE))
        entries.append(
            HoursEntry(
                user=user,
                course=rng.choice(courses),
                cohort=cohort,
                source=source,
                hours=Decimal(str(amount)),
                created_at=_moment(day, rng),
            )
        )
    return entries


def _course_hours(user, cohort, course, start, end, rng) -> list[HoursEntry]:
    """A course's whole hours in sessions between ``start`` and ``end``: what its rule asks for."""
    entries, left = [], course.learning_hours
    span = max(1, (end - start).days)
    while left > 0:
        amount = min(left, Decimal(str(rng.choice((1, 1.5, 2)))))
        left -= amount
        day = start + datetime.timedelta(days=int(span * rng.random()))
        source = rng.choice((HoursSource.ONLINE, HoursSource.ONLINE, HoursSource.OFFLINE))
        entries.append(
            HoursEntry(
                user=user,
                course=course,
                cohort=cohort,
                source=source,
                hours=amount,
                created_at=_moment(day, rng),
            )
        )
    return entries


def _completions(user_id, lessons, courses, finished: datetime.datetime):
    """The rows ``lesson_complete`` and ``course_completion_evaluate`` write for a finished trainee."""
    return (
        [LessonCompletion(user_id=user_id, lesson=lesson, completed_at=finished) for lesson in lessons],
        [CourseCompletion(user_id=user_id, course=course, completed_at=finished) for course in courses],
    )


def _backdate(certificate: Certificate, *, issued_at: datetime.datetime, rule) -> None:
    """Move a certificate issued just now to ``issued_at`` in the demo's past, with what follows from
    the issue date: the expiry (issue date plus the rule's validity), the dates its snapshot prints,
    its signed credential's validity period and the time of its "issued" audit event. Its serial
    keeps the year it was drawn in (serials are never drawn again)."""
    certificate.issued_at = issued_at
    certificate.expires_at = services.certificate_expiry(
        program=certificate.program, issued_at=issued_at, rule=rule
    )
    expires_at = certificate.expires_at
    certificate.snapshot = {
        **certificate.snapshot,
        "issued_on": timezone.localtime(issued_at).date().isoformat(),
        "expires_on": timezone.localtime(expires_at).date().isoformat() if expires_at else "",
    }
    certificate.credential = {}  # else credential_for returns the stored one, signed with today's dates
    certificate.credential = credentials.credential_for(certificate)
    certificate.save(update_fields=["issued_at", "expires_at", "snapshot", "credential"])
    certificate.events.filter(to_status=CertificateStatus.ISSUED, from_status="").update(created_at=issued_at)


def _program(level):
    return ProgramPage.objects.filter(level=level, locale=Locale.get_default()).first()


@transaction.atomic
def load_demo_reports(*, seed: int = 2026) -> Cohort | None:
    """Create the reports' demo cohorts once. Returns the primary demo cohort (None if the
    curriculum demo is missing)."""
    existing = Cohort.objects.filter(code=COHORT_CODE).first()
    if existing:
        return existing
    program = _program(Level.PRIMARY)
    paper = ExamPaper.objects.filter(title=DEMO_PAPER).select_related("course").first()
    if program is None or paper is None:
        return None
    rng = random.Random(seed)
    today = timezone.localdate()
    starts, ends = today - datetime.timedelta(days=150), today - datetime.timedelta(days=20)
    S = EnrolmentStatus
    plan = [S.PENDING] * 6 + [S.WAITLISTED] * 5 + [S.REJECTED] * 4 + [S.WITHDRAWN] * 5
    plan += [S.COMPLETED] * 68 + [S.ENROLLED] * (120 - len(plan) - 68)
    cohort = Cohort.objects.create(
        code=COHORT_CODE,
        title="初级技术经理人 2026 夏季班",
        program=program,
        starts_on=starts,
        ends_on=ends,
        # Every place is taken (so the waiting list waits for one to free up, as the service keeps it).
        capacity=sum(1 for status in plan if status in (S.ENROLLED, S.COMPLETED)),
        enrolment_mode=EnrolmentMode.APPROVAL,
        location="上海市徐汇区 培训基地二楼报告厅",
    )
    courses = list(
        CoursePage.objects.live().filter(level=Level.PRIMARY, locale=program.locale).order_by("code")
    )
    users = _users("summer", 120, rng)
    required = [
        lesson
        for course in courses
        for lesson in LessonPage.objects.live().child_of(course).filter(required=True).defer("body")
    ]
    rng.shuffle(plan)
    applied_at = _moment(starts - datetime.timedelta(days=20), rng)
    with (
        _keep_dates(Enrolment, EnrolmentEvent, HoursEntry),
        _keep_dates(LessonCompletion, CourseCompletion, name="completed_at"),
    ):
        enrolments = Enrolment.objects.bulk_create(
            [
                Enrolment(user=user, cohort=cohort, status=status, created_at=applied_at)
                for user, status in zip(users, plan, strict=True)
            ]
        )
        enrolments = list(
            Enrolment.objects.filter(cohort=cohort).select_related("user").order_by("user__username")
        )
        events, entries, completed_on, lessons_done, courses_done = [], [], {}, [], []
        for enrolment in enrolments:
            if enrolment.status not in (S.ENROLLED, S.COMPLETED):
                continue
            if enrolment.status == S.COMPLETED:
                finished = starts + datetime.timedelta(days=rng.randint(60, 128))
                completed_on[enrolment.user_id] = finished
                for course in courses:
                    entries += _course_hours(enrolment.user, cohort, course, starts, finished, rng)
                done_at = _moment(finished, rng)
                lessons, completions = _completions(enrolment.user_id, required, courses, done_at)
                lessons_done += lessons
                courses_done += completions
                events.append(
                    EnrolmentEvent(
                        enrolment=enrolment,
                        from_status=S.ENROLLED,
                        to_status=S.COMPLETED,
                        reason="班期全部课程已完成",
                        created_at=done_at,
                    )
                )
            else:
                total = rng.choice((0, 6, 12, 18, 24, 28, 32, 36, 40, 44))
                entries += _hours(enrolment.user, cohort, courses, total, starts, ends, rng)
        EnrolmentEvent.objects.bulk_create(events)
        HoursEntry.objects.bulk_create(entries)
        LessonCompletion.objects.bulk_create(lessons_done)
        CourseCompletion.objects.bulk_create(courses_done)

    # The final exam, question by question: ability decides most answers; one weak question does not.
    bank = Q(question__bank__name=DEMO_BANK) | Q(question__bank__parent__name=DEMO_BANK)
    versions = {}
    for version in QuestionVersion.objects.filter(bank).order_by("question_id", "-pk"):
        versions.setdefault(version.question_id, version)
    chosen = list(versions.values())[:12]
    weak = chosen[len(chosen) // 2] if chosen else None
    points = Decimal("100") / len(chosen) if chosen else Decimal("0")
    sitters = [
        e for e in enrolments if e.status == S.COMPLETED or (e.status == S.ENROLLED and rng.random() < 0.4)
    ]
    for enrolment in sitters:
        ability = rng.uniform(0.25, 0.98) if enrolment.status == S.COMPLETED else rng.uniform(0.1, 0.7)
        day = completed_on.get(enrolment.user_id, ends) + datetime.timedelta(days=rng.randint(1, 6))
        when = _moment(min(day, today), rng)
        items, score = [], Decimal("0")
        for position, version in enumerate(chosen, start=1):
            difficulty = (position % 5) * 0.08
            chance = 0.55 if version is weak else min(0.97, ability + 0.25 - difficulty)
            earned = points if rng.random() < chance else Decimal("0")
            score += earned
            items.append((position, version, earned))
        attempt = Attempt.objects.create(
            paper=paper,
            user=enrolment.user,
            number=1,
            status=AttemptStatus.COMPLETED,
            started_at=when - datetime.timedelta(minutes=80),
            submitted_at=when,
            released_at=when,
            score=score.quantize(Decimal("0.01")),
            max_score=Decimal("100"),
            passed=score >= paper.pass_mark,
        )
        AttemptItem.objects.bulk_create(
            [
                AttemptItem(
                    attempt=attempt, position=p, version=v, points=points.quantize(Decimal("0.01")), score=e
                )
                for p, v, e in items
            ]
        )

    # Certificates for those who completed and passed, issued in the weeks after.
    registrar = get_user_model().objects.filter(username="registrar").first()
    passed = set(
        Attempt.objects.filter(
            paper=paper, passed=True, user__in=[e.user_id for e in enrolments]
        ).values_list("user_id", flat=True)
    )
    rule = rule_for(program=program)
    issued = []
    for enrolment in enrolments:
        if enrolment.status != S.COMPLETED or enrolment.user_id not in passed:
            continue
        certificate = services.certificate_issue(
            user=enrolment.user, program=program, actor=registrar, cohort=cohort
        ).certificate
        day = min(today, completed_on[enrolment.user_id] + datetime.timedelta(days=rng.randint(7, 21)))
        _backdate(certificate, issued_at=_moment(day, rng), rule=rule)
        issued.append(certificate)
    if len(issued) > 3:
        services.certificate_suspend(certificate=issued[0], actor=registrar, reason="学时记录复核中")
        services.certificate_revoke(
            certificate=issued[1], actor=registrar, reason="结业考试存在代考行为，经基地复核予以撤销。"
        )

    # An intermediate cohort in progress, for the annual report's second level.
    intermediate = _program(Level.INTERMEDIATE)
    if intermediate is not None:
        i_starts = today - datetime.timedelta(days=45)
        i_cohort = Cohort.objects.create(
            code=INTERMEDIATE_CODE,
            title="中级技术经理人 2026 秋季班",
            program=intermediate,
            starts_on=i_starts,
            ends_on=today + datetime.timedelta(days=75),
            capacity=40,
            enrolment_mode=EnrolmentMode.APPROVAL,
        )
        i_courses = list(
            CoursePage.objects.live()
            .filter(level=Level.INTERMEDIATE, locale=intermediate.locale)
            .order_by("code")
        )
        i_users = _users("autumn", 36, rng)
        with _keep_dates(Enrolment, HoursEntry):
            Enrolment.objects.bulk_create(
                [
                    Enrolment(user=u, cohort=i_cohort, status=S.ENROLLED, created_at=applied_at)
                    for u in i_users
                ]
            )
            entries = []
            for user in i_users:
                entries += _hours(
                    user, i_cohort, i_courses, rng.choice((4, 8, 12, 16, 20, 24)), i_starts, today, rng
                )
            HoursEntry.objects.bulk_create(entries)
    return cohort
