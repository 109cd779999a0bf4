"""The waiting room in a real browser: the start button turns on at the opening, by the server's clock."""

import datetime

import pytest
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import sittings
from courses.exams.models import Attempt, AttemptStatus, Sitting
from tests.factories import exams as factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_waiting_room_opens_the_start_at_the_opening_and_starts_the_prepared_paper(login, site):
    setup = factories.exam_setup()
    sitting = Sitting.objects.create(
        paper=setup.paper,
        cohort=setup.trainee.enrolments.get().cohort,
        title="上午场",
        opens_at=timezone.now() + datetime.timedelta(seconds=6),
    )
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    prepared = Attempt.all_objects.get(sitting=sitting, user=setup.trainee, status=AttemptStatus.PREPARED)

    page = login(setup.trainee).new_page()
    page.goto(f"{site.url}/exams/papers/{setup.paper.pk}/")
    button = page.locator("#sitting-start button")
    assert button.is_disabled()
    page.wait_for_function(
        "document.getElementById('sitting-countdown').textContent.startsWith('距开考还有')"
    )
    button.wait_for(state="attached")
    page.wait_for_function("!document.querySelector('#sitting-start button').disabled", timeout=30_000)
    button.click()
    page.wait_for_url(f"**/exams/attempts/{prepared.pk}/")
    prepared.refresh_from_db()
    assert prepared.status == AttemptStatus.IN_PROGRESS
