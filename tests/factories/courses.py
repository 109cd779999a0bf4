"""Builders for learner state: users, cohorts, enrolments."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import INSTRUCTORS_GROUP, REGISTRARS_GROUP
from courses.models import Cohort, Enrolment, EnrolmentEvent, EnrolmentMode, EnrolmentStatus

_numbers = itertools.count(1)


def user(**fields):
    number = next(_numbers)
    fields.setdefault("username", f"trainee{number}")
    fields.setdefault("email", f"{fields['username']}@example.com")
    password = fields.pop("password", "correct-horse-battery")
    return get_user_model().objects.create_user(password=password, **fields)


def _member_of(group_name: str, **fields):
    member = user(**fields)
    member.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return member


def registrar(**fields):
    fields.setdefault("username", f"registrar{next(_numbers)}")
    return _member_of(REGISTRARS_GROUP, **fields)


def instructor(**fields):
    fields.setdefault("username", f"instructor{next(_numbers)}")
    return _member_of(INSTRUCTORS_GROUP, **fields)


def cohort(*, course=None, program=None, **fields) -> Cohort:
    """A cohort of ``course`` (or ``program``) that is open for enrolment now."""
    number = next(_numbers)
    today = timezone.localdate()
    fields.setdefault("code", f"C-{number:05d}")
    fields.setdefault("title", f"班期 {number}")
    fields.setdefault("starts_on", today + datetime.timedelta(days=7))
    fields.setdefault("ends_on", today + datetime.timedelta(days=60))
    fields.setdefault("capacity", 30)
    fields.setdefault("enrolment_mode", EnrolmentMode.OPEN)
    return Cohort.objects.create(course=course, program=program, **fields)


def enrolment(*, cohort: Cohort, user=None, status=EnrolmentStatus.ENROLLED, **fields) -> Enrolment:
    """An enrolment written directly (no capacity rules), with its first event. For arranging tests."""
    if status == EnrolmentStatus.WAITLISTED:
        fields.setdefault("waitlisted_at", timezone.now())
    row = Enrolment.objects.create(cohort=cohort, user=user or globals()["user"](), status=status, **fields)
    EnrolmentEvent.objects.create(enrolment=row, to_status=status)
    return row


def published_course(**fields):
    """A live course in a fresh site (home → catalogue → course)."""
    from tests.factories import cms

    catalogue = cms.catalogue_page(cms.home_page())
    return cms.course_page(catalogue, **fields)
