"""Many tabs of one trainee beating at the same moment, on PostgreSQL: the clock lock keeps time real."""

import time
from decimal import Decimal

import pytest

from courses.models import LessonStudy
from tests.concurrency import run_concurrently
from tests.courses.page_views import heartbeat
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

INTERVAL = 30


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_tabs_credit_real_time_only(settings):
    settings.HEARTBEAT_INTERVAL_SECONDS = INTERVAL
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    course = cms_factories.course_page(catalogue, learning_hours=Decimal("1"))
    lessons = [cms_factories.lesson_page(course) for _ in range(2)]
    trainee = factories.enrolment(cohort=factories.cohort(course=course)).user
    tabs, beats = 8, 5

    def tab(number):
        for seq in range(1, beats + 1):
            heartbeat(user=trainee, lesson=lessons[number % 2], tab=f"tab-{number}", seq=seq)

    started = time.monotonic()
    run_concurrently(tab, tabs)
    elapsed = time.monotonic() - started

    total = sum(LessonStudy.objects.filter(user=trainee).values_list("active_seconds", flat=True))
    # 40 heartbeats, each claiming up to 30 s, would be 1200 s without the lock: only the first
    # interval plus the real time the burst took may be credited.
    assert total <= INTERVAL + int(elapsed) + 1, (total, elapsed)
