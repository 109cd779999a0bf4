"""Builders for certification: rules, learning state that meets them, certificates."""

from decimal import Decimal

from django.utils import timezone

from certification.models import CertificateRule, CertificateRuleExam, CourseSelection
from courses.models import CourseCompletion, HoursEntry, HoursSource


def trainee(*, real_name: str, **fields):
    """A trainee account with a trainee profile carrying ``real_name`` (when the accounts app is installed)."""
    from django.apps import apps

    from tests.factories import courses as course_factories

    user = course_factories.user(**fields)
    try:
        profile_model = apps.get_model("accounts", "TraineeProfile")
    except LookupError:
        user.first_name = real_name
        user.save(update_fields=["first_name"])
    else:
        profile_model.objects.create(user=user, real_name=real_name)
    return user


def rule(*, program, courses=None, exams=(), **fields) -> CertificateRule:
    """A rule for ``program``: the chosen ``courses`` (or every course of its level), 48 hours by default."""
    if courses is not None:
        fields.setdefault("course_selection", CourseSelection.CHOSEN)
    fields.setdefault("validity_months", 36)
    fields.setdefault("auto_issue", False)
    made = CertificateRule.objects.create(program=program, **fields)
    if courses is not None:
        made.courses.set(courses)
        made.save()  # a ParentalManyToManyField is written on save
    for position, (course, min_score) in enumerate(exams):
        CertificateRuleExam.objects.create(rule=made, course=course, min_score=min_score, sort_order=position)
    return made


def hours(*, user, course, amount, source=HoursSource.ONLINE, **fields) -> HoursEntry:
    return HoursEntry.objects.create(
        user=user, course=course, source=source, hours=Decimal(str(amount)), **fields
    )


def complete(*, user, course, with_hours: bool = True) -> CourseCompletion:
    """Record ``course`` as completed by ``user`` (with the course's learning hours credited)."""
    if with_hours:
        hours(user=user, course=course, amount=course.learning_hours)
    return CourseCompletion.objects.get_or_create(user=user, course=course)[0]


def exam_result(*, user, course, percent, passed=None, released=True):
    """A completed (and by default released) exam attempt at a paper of ``course`` with ``percent``."""
    from courses.exams.models import Attempt, AttemptStatus, ExamPaper

    paper = ExamPaper.objects.filter(course=course).first() or ExamPaper.objects.create(
        title=f"{course.title} 结业考试", course=course
    )
    number = Attempt.objects.filter(user=user, paper=paper).count() + 1
    now = timezone.now()
    return Attempt.objects.create(
        paper=paper,
        user=user,
        number=number,
        status=AttemptStatus.COMPLETED,
        started_at=now,
        submitted_at=now,
        score=Decimal(str(percent)),
        max_score=Decimal("100"),
        passed=(Decimal(str(percent)) >= paper.pass_mark) if passed is None else passed,
        released_at=now if released else None,
    )


def certificate(*, user, program, **issue_fields):
    """A certificate issued by the real service, without checking eligibility."""
    from certification.services import certificate_issue
    from core.guards import SYSTEM

    issue_fields.setdefault("check_eligibility", False)
    issue_fields.setdefault("actor", SYSTEM)
    return certificate_issue(user=user, program=program, **issue_fields).certificate
