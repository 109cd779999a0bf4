"""The learning demo: a cohort per program with trainees at every stage, loaded again safely."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale

from cms.demo.loader import load_demo
from cms.models import CoursePage, LessonPage
from courses.demo import load_demo_learning
from courses.models import Cohort, Enrolment, EnrolmentEvent, EnrolmentStatus, HoursEntry, LessonCompletion

S = EnrolmentStatus


@pytest.mark.django_db
def test_demo_cohorts_hold_trainees_at_every_stage_and_load_again_unchanged(client):
    load_demo()
    load_demo_learning()

    primary = Cohort.objects.get(code="P-2026-SPRING")
    intermediate = Cohort.objects.get(code="I-2026-SPRING")
    statuses = set(primary.enrolments.values_list("status", flat=True)) | set(
        intermediate.enrolments.values_list("status", flat=True)
    )
    assert {S.ENROLLED, S.COMPLETED, S.WAITLISTED, S.PENDING, S.REJECTED} <= statuses
    assert primary.enrolments.filter(status__in=[S.ENROLLED, S.COMPLETED]).count() == primary.capacity
    assert LessonCompletion.objects.exists() and HoursEntry.objects.exists()

    trainee = get_user_model().objects.get(username="trainee")
    assert Enrolment.objects.get(user=trainee, cohort=primary).status == S.ENROLLED

    counts = (Enrolment.objects.count(), EnrolmentEvent.objects.count(), HoursEntry.objects.count())
    call_command("load_demo_learning", verbosity=0)
    assert (Enrolment.objects.count(), EnrolmentEvent.objects.count(), HoursEntry.objects.count()) == counts

    # The demo trainee reads primary lessons, and is invited to enrol for intermediate ones.
    client.force_login(trainee)
    primary_lesson = LessonPage.objects.child_of(
        CoursePage.objects.get(code="P-01", locale=Locale.get_default())
    ).first()
    intermediate_lesson = LessonPage.objects.child_of(
        CoursePage.objects.get(code="I-01", locale=Locale.get_default())
    ).first()
    assert client.get(primary_lesson.url).status_code == 200
    assert (
        client.get(primary_lesson.get_translation(Locale.objects.get(language_code="en")).url).status_code
        == 200
    )
    locked = client.get(intermediate_lesson.url)
    assert locked.status_code == 403 and "I-2026-SPRING" in locked.content.decode()
