"""Reviewer load: per reviewer what is assigned, done and overdue; a registrar's reminder and the beat
sweep go through the site's notifications, name submissions by code only, and are sent once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from courses.notifications.models import Notification
from courses.practice import load
from courses.practice.models import (
    PracticeAction,
    PracticeEvent,
    ReviewAssignment,
    ReviewAssignmentState,
    SubmissionState,
)
from courses.practice.tasks import overdue_reviews_remind_task
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    made = defence_world.build(trainees=3)
    now = timezone.now()
    submissions = [
        defence_world.submission(made.assignment, t, state=SubmissionState.IN_REVIEW, score=None)
        for t in made.trainees
    ]
    busy, idle = made.members
    # busy: one done, one waiting (due tomorrow), one overdue; idle: one waiting.
    states = [
        (busy, submissions[0], ReviewAssignmentState.SUBMITTED, now - datetime.timedelta(days=3)),
        (busy, submissions[1], ReviewAssignmentState.ASSIGNED, now + datetime.timedelta(days=1)),
        (busy, submissions[2], ReviewAssignmentState.ASSIGNED, now - datetime.timedelta(days=2)),
        (idle, submissions[0], ReviewAssignmentState.ASSIGNED, now + datetime.timedelta(days=5)),
    ]
    made.reviews = [
        ReviewAssignment.objects.create(submission=s, reviewer=r, state=state, due_at=due)
        for r, s, state, due in states
    ]
    made.submissions = submissions
    return made


def test_the_load_per_reviewer_counts_assigned_done_and_overdue(world):
    busy, idle = world.members
    loads = {row.reviewer_id: row for row in load.reviewer_loads()}
    assert (loads[busy.pk].assigned, loads[busy.pk].done, loads[busy.pk].overdue) == (2, 1, 1)
    assert (loads[idle.pk].assigned, loads[idle.pk].done, loads[idle.pk].overdue) == (1, 0, 0)
    assert loads[idle.pk].external and not loads[busy.pk].external
    assert list(loads)[0] == busy.pk  # the most overdue first


def test_the_registrars_page_shows_the_load_and_reminds_once_a_day(world, client):
    busy, _idle = world.members
    client.force_login(world.registrar)
    page = client.get(reverse("reviewer_load:list")).content.decode()
    assert busy.reviewer_profile.display_name in page and "欧阳学员" not in page
    response = client.post(reverse("reviewer_load:remind", args=[busy.pk]))
    assert response.status_code == 302
    client.post(reverse("reviewer_load:remind", args=[busy.pk]))
    (notification,) = Notification.objects.filter(recipient=busy, kind="review_reminder")
    rendered = notification.render("en")
    assert "2 practical reports" in rendered.body and "1 of them overdue" in rendered.body
    assert (
        PracticeEvent.objects.filter(action=PracticeAction.REVIEW_REMINDED, actor=world.registrar).count()
        == 1
    )


def test_only_registrars_remind_and_see_the_load(world, client):
    busy, _idle = world.members
    for someone in (world.chair, busy, world.trainees[0]):
        with pytest.raises(PermissionDenied):
            load.reviewer_remind(reviewer=busy, actor=someone)
        client.force_login(someone)
        assert client.get(reverse("reviewer_load:list")).status_code == 404
        assert client.post(reverse("reviewer_load:remind", args=[busy.pk])).status_code == 404
    assert not Notification.objects.exists()


def test_the_sweep_tells_each_overdue_reviewer_once_by_code_only(world):
    busy, idle = world.members
    assert overdue_reviews_remind_task() == 1
    assert overdue_reviews_remind_task() == 0
    (notification,) = Notification.objects.filter(kind="review_overdue")
    assert notification.recipient == busy
    for language in ("zh-hans", "en"):
        rendered = notification.render(language)
        text = rendered.title + rendered.body
        assert world.submissions[2].code in text
        assert "欧阳学员" not in text and world.trainees[2].username not in text
    assert not Notification.objects.filter(recipient=idle).exists()
