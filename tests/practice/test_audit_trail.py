"""Every step is audited, and a registrar reads the trail: the assignment page lists its latest
official acts (what, which submission by code, who, when), newest first, capped."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.practice import defence, views
from courses.practice.models import PracticeAction, PracticeEvent
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


def test_the_registrar_reads_the_assignments_audit_trail_newest_first(client, monkeypatch):
    world = defence_world.build(trainees=1)
    submission = defence_world.submission(world.assignment, world.trainees[0])
    starts = timezone.now() + datetime.timedelta(days=5)
    session = defence.defence_session_create(
        assignment=world.assignment,
        panel=world.panel,
        title="答辩",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=30),
        slot_minutes=30,
        online_link="https://meeting.example.org/d",
        actor=world.registrar,
    )
    defence.defence_slot_assign(slot=session.slots.get(), trainee=world.trainees[0], actor=world.registrar)
    booked = PracticeEvent.objects.filter(action=PracticeAction.DEFENCE_BOOKED, submission=submission).get()

    client.force_login(world.registrar)
    url = reverse("practice:staff_assignment", args=[world.assignment.pk])
    response = client.get(url)
    events = list(response.context["events"])
    assert events[0] == booked and len(events) == PracticeEvent.objects.count() == 2
    html = response.content.decode()
    history = html[html.index('id="practice-history"') :]
    assert "已预约答辩时段" in history and submission.code in history and world.registrar.username in history

    monkeypatch.setattr(views, "HISTORY_SHOWN", 1)
    assert list(client.get(url).context["events"]) == [booked]
