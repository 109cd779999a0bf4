"""A panel member scores a defence on a phone (390 × 844): the sheet fits the screen, its buttons are big
enough to tap, and every change is saved as it is made, without pressing Save."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.practice import defence
from courses.practice.models import DefenceScore
from tests.browser import PHONE
from tests.practice import defence_world
from tests.waiting import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Comfortable on a touch screen during a defence (WCAG's minimum is 24).
TOUCH = 44


def test_a_panel_member_scores_a_defence_on_a_phone(site, login):
    world = defence_world.build(trainees=1)
    submission = defence_world.submission(world.assignment, world.trainees[0])
    starts = timezone.now() + datetime.timedelta(hours=1)
    session = defence.defence_session_create(
        assignment=world.assignment,
        panel=world.panel,
        title="高级实务答辩",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=30),
        slot_minutes=30,
        online_link="https://meeting.example.org/d",
        actor=world.registrar,
    )
    slot = session.slots.get()
    defence.defence_slot_assign(slot=slot, trainee=world.trainees[0], actor=world.registrar)
    member = world.members[1]  # the external expert
    presentation, answers = world.assignment.defence_criteria.order_by("sort_order")

    context = login(member, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site.url}/practice/defence/panel/slots/{slot.pk}/score/")
    assert submission.code in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for button in page.locator("button.step").all() + page.locator(".score-input input").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert box["height"] >= TOUCH and box["width"] >= TOUCH, box

    rows = page.locator("form[data-score-row]")
    plus = rows.nth(0).locator("button.step[data-step='1']")
    for _ in range(3):
        plus.tap()
    rows.nth(0).locator(".score-status").filter(has_text="已保存").wait_for()
    rows.nth(1).locator("input[name=points]").fill("52.5")
    rows.nth(1).locator("input[name=points]").dispatch_event("change")
    rows.nth(1).locator(".score-status").filter(has_text="已保存").wait_for()
    assert wait_for(
        lambda: (
            (score := DefenceScore.objects.filter(slot=slot, member=member).first()) is not None
            and score.total == Decimal("55.5")
        ),
        timeout=10,
    )
    score = DefenceScore.objects.get(slot=slot, member=member)
    assert {row["criterion"]: row["points"] for row in score.criteria} == {
        presentation.pk: "3.00",
        answers.pk: "52.50",
    }
    assert page.locator("[data-total]").inner_text() == "55.5"

    # Too many points: the row says why, in Chinese, and nothing changes.
    rows.nth(1).locator("input[name=points]").fill("99")
    rows.nth(1).locator("input[name=points]").dispatch_event("change")
    rows.nth(1).locator(".score-status.error").wait_for()
    assert "60" in rows.nth(1).locator(".score-status").inner_text()
    assert DefenceScore.objects.get(slot=slot, member=member).total == Decimal("55.5")
    context.close()
