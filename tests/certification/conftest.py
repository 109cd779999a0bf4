import pytest

from cms.choices import Level
from core.guards import SYSTEM
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories

# Certificate PDFs go to a per-test private folder (the fixture lives with the rendering tests).
from .render_fixtures import private_storage  # noqa: F401


@pytest.fixture
def courses(catalogue):
    """Three primary courses of 16 hours each (48 in all)."""
    return [cms_factories.course_page(catalogue, learning_hours=16, level=Level.PRIMARY) for _ in range(3)]


@pytest.fixture
def rule(program, courses):
    """Three courses, 48 hours, the last course's exam passed."""
    return cert_factories.rule(program=program, courses=courses, exams=[(courses[-1], None)])


@pytest.fixture
def trainee(db):
    return cert_factories.trainee(real_name="张三丰", username="zhangsan")


@pytest.fixture
def registrar(db):
    return course_factories.registrar()


@pytest.fixture
def eligible(trainee, courses, rule):
    """``trainee`` meets ``rule``: every course complete with its hours, the exam passed."""
    for course in courses:
        cert_factories.complete(user=trainee, course=course)
    cert_factories.exam_result(user=trainee, course=courses[-1], percent=80)
    return trainee


@pytest.fixture
def training_base(home):
    from wagtail.models import Site

    from cms.models import TrainingBaseSettings

    base = TrainingBaseSettings.for_site(Site.objects.get(is_default_site=True))
    base.accreditation_number = "GJJS-2026-017"
    base.save()
    return base


@pytest.fixture
def certificate(eligible, program, training_base, no_rendering, private_storage):  # noqa: F811
    from certification import services

    return services.certificate_issue(actor=SYSTEM, user=eligible, program=program).certificate
