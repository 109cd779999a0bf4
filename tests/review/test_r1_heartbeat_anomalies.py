"""Review r1: one tab reading lessons one after another is reported as too many concurrent page views.

heartbeat.js sends a heartbeat when a page is hidden (leaving it for the next lesson hides it), so a
trainee who clicks "next lesson" four times within a minute leaves four page views that each beat
within 2 × the interval. progress_record_heartbeat counts views that beat recently, not views that
are still open, and flags CONCURRENT_VIEWS although only one page was ever open at a time.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import page_views, services
from courses.models import AnomalyKind, ProgressAnomaly
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

INTERVAL = 30


@pytest.fixture(autouse=True)
def _heartbeat_settings(settings):
    settings.HEARTBEAT_INTERVAL_SECONDS = INTERVAL
    settings.HEARTBEAT_IDLE_SECONDS = 300
    settings.HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS = 4 * 3600
    settings.HEARTBEAT_MAX_CONCURRENT_VIEWS = 3


def test_reading_lessons_one_after_another_in_one_tab_is_not_flagged(db):
    course = cms_factories.course_page(cms_factories.catalogue_page(cms_factories.home_page()))
    lessons = [cms_factories.lesson_page(course) for _ in range(4)]
    trainee = factories.enrolment(cohort=factories.cohort(course=course)).user
    start = timezone.now()
    for number, lesson in enumerate(lessons):
        opened = start + timedelta(seconds=12 * number)
        view = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk, now=opened)
        # The page is left for the next lesson 12 s later: heartbeat.js beats once on 'hidden'.
        result = services.progress_record_heartbeat(
            user=trainee,
            lesson=lesson,
            page_view=view,
            seq=1,
            visible=True,
            interacted=True,
            closing=True,
            now=opened + timedelta(seconds=12),
        )
        assert result.status == "credited"
    assert not ProgressAnomaly.objects.filter(user=trainee, kind=AnomalyKind.CONCURRENT_VIEWS).exists()
