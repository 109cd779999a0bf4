"""The defence session page offers "Show check-in code" only to those the check-in screen admits
(``can_read_roster`` for the session's cohort): a chair who does not teach the cohort gets no button."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.exams.models import CourseGrader
from courses.practice import defence
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


def _session(world):
    starts = timezone.now() + datetime.timedelta(days=3)
    return defence.defence_session_create(
        assignment=world.assignment,
        panel=world.panel,
        title="高级实务答辩",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        slot_minutes=30,
        room="答辩室 301",
        cohort=world.cohort,
        actor=world.registrar,
    )


def _offers_code(client, user, session) -> bool:
    client.force_login(user)
    page = client.get(reverse("defence:staff_session", args=[session.pk]))
    assert page.status_code == 200
    screen = reverse("courses:checkin_screen", args=[session.offline_session_id])
    allowed = client.get(screen).status_code == 200
    offered = screen in page.content.decode()
    assert offered == allowed, "the button is offered exactly when the screen opens"
    return offered


def test_the_check_in_button_follows_the_check_in_screens_rule(client):
    world = defence_world.build(trainees=1)
    session = _session(world)
    assert _offers_code(client, world.registrar, session)
    assert not _offers_code(client, world.chair, session)  # an instructor not teaching the cohort
    CourseGrader.objects.create(course=world.course, user=world.chair)
    assert _offers_code(client, world.chair, session)
