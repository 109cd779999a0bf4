"""Fixtures of the report tests: a primary program of three courses, its cohort, staff accounts,
and ``bulk_cohort``, which fills a cohort with thousands of trainees in a few ``bulk_create``s."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from certification.models import Certificate, CertificateStatus
from cms.choices import Level
from courses.exams.models import Attempt, AttemptStatus, ExamPaper
from courses.models import Enrolment, EnrolmentStatus, HoursEntry, HoursSource
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories

_batch = itertools.count(1)


@pytest.fixture
def courses(catalogue):
    """Three primary courses of 16 hours each: the program's 48 hours."""
    return [
        cms_factories.course_page(catalogue, learning_hours=16, level=Level.PRIMARY, title=f"课程{n}")
        for n in range(1, 4)
    ]


@pytest.fixture
def rule(program, courses):
    return cert_factories.rule(program=program, courses=courses)


@pytest.fixture
def cohort(program, courses):
    today = timezone.localdate()
    return course_factories.cohort(
        program=program,
        code="P-2026-TEST",
        title="初级 2026 测试班",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=30),
        capacity=10000,
    )


@pytest.fixture
def paper(courses, cohort):
    return ExamPaper.objects.create(title="结业考试", course=courses[-1], live=True, pass_mark=Decimal("60"))


@pytest.fixture
def registrar(db):
    return course_factories.registrar(username="reg")


@pytest.fixture
def instructor(db):
    """An instructor who may use the admin (as ``cms.services.editorial_setup`` grants on a real site)."""
    from django.contrib.auth.models import Permission

    teacher = course_factories.instructor(username="teacher")
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in teacher.groups.all():
        group.permissions.add(access)
    return teacher


@pytest.fixture
def trainee_user(db):
    return course_factories.user(username="just-a-trainee")


@pytest.fixture
def registrar_client(client, registrar):
    client.force_login(registrar)
    return client


def bulk_cohort(
    *, cohort, courses, paper, program, count: int, passed_every: int = 2, certified_every: int = 4
) -> list:
    """``count`` enrolled trainees in ``cohort`` with hours in each course, an exam result and, for
    some, a certificate: written with ``bulk_create`` (no services, no events) to keep tests fast.

    Trainee i earns ``i % 60`` hours in all (spread over the courses); every ``passed_every``-th
    passes the exam (the others fail it); every ``certified_every``-th holds a certificate.
    """
    batch = next(_batch)
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(username=f"bulk{batch}-{i}", email=f"bulk{batch}-{i}@example.com", password="!")
            for i in range(count)
        ]
    )
    if users[0].pk is None:  # databases that return no ids from bulk_create
        users = list(User.objects.filter(username__startswith=f"bulk{batch}-").order_by("pk"))
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=user,
                cohort=cohort,
                status=EnrolmentStatus.COMPLETED if i % 5 == 0 else EnrolmentStatus.ENROLLED,
            )
            for i, user in enumerate(users)
        ]
    )
    HoursEntry.objects.bulk_create(
        [
            HoursEntry(
                user=user,
                course=courses[i % len(courses)],
                cohort=cohort,
                source=HoursSource.ONLINE,
                hours=Decimal(i % 60),
            )
            for i, user in enumerate(users)
        ]
    )
    now = timezone.now()
    Attempt.objects.bulk_create(
        [
            Attempt(
                paper=paper,
                user=user,
                number=1,
                status=AttemptStatus.COMPLETED,
                started_at=now,
                submitted_at=now,
                released_at=now,
                score=Decimal(40 + (i % 60)),
                max_score=Decimal(100),
                passed=i % passed_every == 0,
            )
            for i, user in enumerate(users)
        ]
    )
    Certificate.objects.bulk_create(
        [
            Certificate(
                serial=f"TTA-B{batch}-{i:06d}",
                verification_code=f"code-{batch}-{i}",
                user=user,
                program=program,
                cohort=cohort,
                status=CertificateStatus.ISSUED,
                issued_at=now,
                snapshot={"holder_name": f"学员{i}"},
            )
            for i, user in enumerate(users)
            if i % certified_every == 0
        ]
    )
    return users
