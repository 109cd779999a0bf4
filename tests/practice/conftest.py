"""A course with a published practical assignment, its enrolled trainee (employer 甲大学), a panel of
four reviewers (one of them at the trainee's employer), a chair and a registrar."""

from dataclasses import dataclass

import pytest

from courses.accounts.models import TraineeProfile
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import practice as practice_factories

TRAINEE_NAME = "欧阳娜娜"
TRAINEE_EMPLOYER = "甲大学技术转移中心"
TRAINEE_USERNAME = "ouyang_trainee"
TRAINEE_EMAIL = "ouyang.nana@example.org"


@pytest.fixture(autouse=True)
def _practice_storage(settings, tmp_path):
    """Submitted reports live in the private records storage: a per-test folder here."""
    settings.STORAGES = {
        **settings.STORAGES,
        "records": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private-records"), "base_url": None},
        },
    }
    return tmp_path / "private-records"


@dataclass
class World:
    course: object
    assignment: object
    panel: object
    trainee: object
    other_trainee: object
    reviewers: list
    conflicted: object
    chair: object
    registrar: object
    outsider: object  # an instructor on no panel


@pytest.fixture
def world(db) -> World:
    cms_factories.ensure_page_tree()
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    course = cms_factories.course_page(catalogue, title="高级实务项目与答辩")
    cohort = course_factories.cohort(course=course)
    trainee = course_factories.user(
        username=TRAINEE_USERNAME, email=TRAINEE_EMAIL, first_name="娜娜", last_name="欧阳"
    )
    TraineeProfile.objects.create(user=trainee, real_name=TRAINEE_NAME, organisation=TRAINEE_EMPLOYER)
    course_factories.enrolment(cohort=cohort, user=trainee)
    other = course_factories.user(username="other_trainee")
    TraineeProfile.objects.create(user=other, real_name="李四", organisation="乙公司")
    course_factories.enrolment(cohort=cohort, user=other)
    reviewers = [
        practice_factories.reviewer(organisation="丙研究院"),
        practice_factories.reviewer(organisation="丁律师事务所"),
        practice_factories.reviewer(external=True, organisation="戊基金"),
    ]
    # Same employer as the trainee, written with other spacing: a conflict all the same.
    conflicted = practice_factories.reviewer(organisation=" 甲大学 技术转移中心 ")
    chair = course_factories.instructor(username="chair")
    panel = practice_factories.panel(chair=chair, members=[conflicted, *reviewers])
    assignment = practice_factories.assignment(course=course, panel=panel)
    return World(
        course=course,
        assignment=assignment,
        panel=panel,
        trainee=trainee,
        other_trainee=other,
        reviewers=reviewers,
        conflicted=conflicted,
        chair=chair,
        registrar=course_factories.registrar(),
        outsider=course_factories.instructor(username="outsider"),
    )
