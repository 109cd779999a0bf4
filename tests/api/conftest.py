"""Builders for the API tests: a course with lessons, a cohort, trainees with records, tokens."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.accounts.services import trainee_profile_save
from courses.api.models import ApiScope
from courses.api.services import integration_token_accept, integration_token_request
from courses.models import EnrolmentStatus
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

IDENTITY_NUMBER = "110101199003070011"


@pytest.fixture
def course(db):
    course = factories.published_course(title="技术评价基础", code="TTA-P-09", learning_hours=Decimal("8"))
    for _ in range(2):
        cms_factories.lesson_page(course)
    return course


@pytest.fixture
def cohort(course):
    return factories.cohort(course=course, code="2026-SPRING", title="2026春季班", capacity=100)


def trainee_with_record(*, cohort, course, real_name: str, identity_number: str = IDENTITY_NUMBER, **fields):
    """A trainee enrolled in ``cohort`` with a profile, two ledger entries and a released exam result."""
    user = factories.user(**fields)
    trainee_profile_save(
        user=user,
        real_name=real_name,
        organisation="某大学技术转移中心",
        phone="13800138000",
        identity_number=identity_number,
    )
    factories.enrolment(cohort=cohort, user=user, status=EnrolmentStatus.ENROLLED)
    cert_factories.hours(user=user, course=course, amount="2.5", cohort=cohort)
    cert_factories.hours(user=user, course=course, amount="-0.5", source="manual", reason="更正")
    cert_factories.exam_result(user=user, course=course, percent=85)
    return user


@pytest.fixture
def trainee(cohort, course):
    return trainee_with_record(cohort=cohort, course=course, real_name="张三丰", username="zhangsan")


@pytest.fixture
def other_trainee(cohort, course):
    return trainee_with_record(
        cohort=cohort, course=course, real_name="李四", username="lisi", identity_number="11010519491231002X"
    )


@pytest.fixture
def registrar(db):
    return factories.registrar()


@pytest.fixture
def instructor(course):
    """An instructor who teaches ``course`` (a ``CourseGrader`` of it): its cohorts' rosters are theirs."""
    from courses.exams.models import CourseGrader

    user = factories.instructor()
    CourseGrader.objects.create(course=course, user=user)
    return user


def make_token(*, owner, registrar, name="HR system", scopes=tuple(ApiScope.values), days=90) -> str:
    """The secret of a token ``registrar`` requested and ``owner`` accepted (every scope by default)."""
    token, secret = integration_token_request(
        name=name, owner=owner, scopes=scopes, days=days, actor=registrar
    )
    if secret is None:
        _token, secret = integration_token_accept(token=token, actor=owner)
    return secret


@pytest.fixture
def staff_token(instructor, registrar) -> str:
    """The secret of a token owned by an instructor (learning staff)."""
    return make_token(owner=instructor, registrar=registrar)


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def assert_error(response, status: int, code: str):
    """The one error shape: {"error": {"code", "message", "details"}}, as JSON."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
