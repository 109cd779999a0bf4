"""Lesson completion rules, the course rule, the ledger and the progress selectors."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from core.guards import SYSTEM
from courses import selectors, services
from courses.models import (
    CourseCompletion,
    CourseRule,
    EnrolmentStatus,
    HoursEntry,
    HoursSource,
    LessonCompletion,
    LessonStudy,
)
from tests.courses.page_views import heartbeat
from tests.factories import cms as cms_factories
from tests.factories import courses as factories


def video_body(duration="1:00"):
    """A lesson body with an uploaded video file of the given length, whose watched share the page can measure."""
    document = Document.objects.create(title="讲座录像", file=ContentFile(b"\x00" * 64, name="lecture.mp4"))
    return [
        {"type": "video", "value": {"embed": None, "file": document.pk, "duration": duration, "caption": ""}}
    ]


EMBED_BODY = [{"type": "video", "value": {"embed": "https://example.com/v/1", "file": None, "caption": ""}}]


@pytest.fixture
def course(db):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, learning_hours=Decimal("1"))


@pytest.fixture
def trainee(course):
    enrolment = factories.enrolment(cohort=factories.cohort(course=course))
    return enrolment.user


def study(user, lesson, seconds):
    LessonStudy.objects.update_or_create(user=user, lesson=lesson, defaults={"active_seconds": seconds})


def test_mark_complete_needs_the_rules_share_of_estimated_minutes(course, trainee):
    lesson = cms_factories.lesson_page(course, estimated_minutes=20)
    study(trainee, lesson, 9 * 60)  # default rule: half of 20 minutes

    with pytest.raises(services.ProgressError, match="再学习本课节约 1 分钟"):
        services.lesson_mark_complete(user=trainee, lesson=lesson)
    assert not LessonCompletion.objects.exists()

    study(trainee, lesson, 10 * 60)
    services.lesson_mark_complete(user=trainee, lesson=lesson)
    services.lesson_mark_complete(user=trainee, lesson=lesson)  # idempotent
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).count() == 1


def test_mark_complete_threshold_is_a_setting_of_the_course_rule(course, trainee):
    lesson = cms_factories.lesson_page(course, estimated_minutes=20)
    CourseRule.objects.create(course=course, mark_complete_min_share=Decimal("0"))
    services.lesson_mark_complete(user=trainee, lesson=lesson)
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).exists()


def test_video_lessons_cannot_be_marked_complete_by_hand(course, trainee):
    lesson = cms_factories.lesson_page(course, body=video_body())
    study(trainee, lesson, 3600)
    with pytest.raises(services.ProgressError, match="视频"):
        services.lesson_mark_complete(user=trainee, lesson=lesson)


def test_embedded_videos_cannot_be_measured_so_they_follow_the_mark_complete_rule(course, trainee):
    lesson = cms_factories.lesson_page(course, body=EMBED_BODY, estimated_minutes=10)
    assert not selectors.lesson_has_video(lesson=lesson)
    study(trainee, lesson, 5 * 60)
    services.lesson_mark_complete(user=trainee, lesson=lesson)
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).exists()


def test_trainee_who_is_not_enrolled_cannot_mark_complete(course):
    lesson = cms_factories.lesson_page(course)
    outsider = factories.user()
    study(outsider, lesson, 3600)
    with pytest.raises(services.ProgressError, match="报名"):
        services.lesson_mark_complete(user=outsider, lesson=lesson)


def test_video_lesson_completes_itself_at_the_rules_fraction(course, trainee):
    lesson = cms_factories.lesson_page(course, body=video_body())
    start = timezone.now()
    result = heartbeat(user=trainee, lesson=lesson, tab="t", seq=1, video_fraction=0.5, now=start)
    assert result.status == "credited" and not result.lesson_completed
    result = heartbeat(
        user=trainee, lesson=lesson, tab="t", seq=2, video_fraction=0.95, now=start + timedelta(seconds=30)
    )
    assert result.lesson_completed
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).exists()


def test_a_stricter_video_rule_needs_more_watching(course, trainee):
    CourseRule.objects.create(course=course, min_video_fraction=Decimal("1"))
    lesson = cms_factories.lesson_page(course, body=video_body())
    heartbeat(user=trainee, lesson=lesson, tab="t", seq=1, video_fraction=0.95)
    assert not LessonCompletion.objects.exists()
    # A lower fraction reported later never lowers the maximum watched.
    heartbeat(user=trainee, lesson=lesson, tab="t", seq=2, video_fraction=0.2)
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).video_fraction == Decimal("0.95")


def add_hours(user, course, hours):
    HoursEntry.objects.create(user=user, course=course, source=HoursSource.OFFLINE, hours=hours)


def test_default_rule_needs_required_lessons_and_the_courses_hours(course, trainee):
    required = cms_factories.lesson_page(course)
    cms_factories.lesson_page(course, required=False)
    add_hours(trainee, course, Decimal("1"))
    progress = selectors.course_progress(user=trainee, course=course)
    assert (progress.required_lessons, progress.completed_required, progress.completed) == (1, 0, False)
    assert progress.hours == Decimal("1") and progress.hours_required == Decimal("1")

    LessonCompletion.objects.create(user=trainee, lesson=required)
    assert services.course_completion_evaluate(actor=SYSTEM, user=trainee, course=course)
    assert CourseCompletion.objects.filter(user=trainee, course=course).exists()
    assert list(selectors.completed_courses(user=trainee)) == [course]


def test_hours_short_of_the_course_keep_it_open(course, trainee):
    lesson = cms_factories.lesson_page(course)
    LessonCompletion.objects.create(user=trainee, lesson=lesson)
    add_hours(trainee, course, Decimal("0.9"))
    assert not services.course_completion_evaluate(actor=SYSTEM, user=trainee, course=course)
    assert not CourseCompletion.objects.exists()


def test_rule_configured_per_course(course, trainee):
    cms_factories.lesson_page(course)
    CourseRule.objects.create(
        course=course, require_required_lessons=False, hours_share_required=Decimal("0.5")
    )
    add_hours(trainee, course, Decimal("0.5"))
    progress = selectors.course_progress(user=trainee, course=course)
    assert progress.hours_required == Decimal("0.5")
    assert progress.completed


def test_completing_every_course_completes_the_enrolment(course):
    lesson = cms_factories.lesson_page(course)
    enrolment = factories.enrolment(cohort=factories.cohort(course=course))
    add_hours(enrolment.user, course, Decimal("1"))
    LessonCompletion.objects.create(user=enrolment.user, lesson=lesson)
    services.course_completion_evaluate(actor=SYSTEM, user=enrolment.user, course=course)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_hours_adjust_needs_a_registrar_and_a_reason(course, trainee):
    registrar = factories.registrar()
    with pytest.raises(PermissionDenied):
        services.hours_adjust(user=trainee, course=course, hours=Decimal("1"), reason="补录", actor=trainee)
    with pytest.raises(services.ProgressError):
        services.hours_adjust(user=trainee, course=course, hours=Decimal("1"), reason="  ", actor=registrar)
    with pytest.raises(services.ProgressError):
        services.hours_adjust(
            user=trainee, course=course, hours=Decimal("-1"), reason="更正", actor=registrar
        )
    assert not HoursEntry.objects.exists()

    entry = services.hours_adjust(
        user=trainee, course=course, hours=Decimal("1.5"), reason="线下补课", actor=registrar
    )
    assert (entry.source, entry.created_by, entry.reason) == (HoursSource.MANUAL, registrar, "线下补课")
    assert selectors.hours_total(user=trainee) == Decimal("1.5")
    assert selectors.hours_total(user=trainee, courses=[course]) == Decimal("1.5")
    assert selectors.hours_by_source(user=trainee, course=course) == {"manual": Decimal("1.5")}
