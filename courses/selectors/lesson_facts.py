"""What a heartbeat needs to know about a lesson, from the cache: no page query per heartbeat.

A heartbeat names a lesson by id. Loading the page (a Wagtail page query, its StreamField body parsed
to find videos, the parent course, the course's rule) cost more than crediting the time. The facts
change only when editors publish, unpublish, move or delete pages or change a course's rule, so
they are cached per lesson and dropped on those events (``courses.apps`` connects the receivers);
``FACTS_TTL`` bounds what a missed event could leave stale.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache

FACTS_TTL = datetime.timedelta(minutes=10)
_MISSING = "missing"  # cached for ids that are no live lesson, so probing them costs no query either


@dataclass(frozen=True)
class LessonFacts:
    lesson_id: int
    course_id: int
    course_translation_key: str  # the course in any language: its cohorts cover this lesson
    course_level: str  # and so do the cohorts of its level's program
    has_video: bool  # plays an uploaded video whose watched share the page reports
    video_length: int | None  # the editors' total length of those videos, if every one gives it
    min_video_fraction: Decimal  # the course rule's share of the video that completes the lesson
    hours_required: Decimal  # the course rule's hours: below them, new hours cannot complete the course


def _key(lesson_id: int) -> str:
    return f"tta:lesson-facts:v1:{lesson_id}"  # v1: bump when LessonFacts changes shape


def lesson_facts(*, lesson_id: int) -> LessonFacts | None:
    """The facts of the live lesson ``lesson_id``, None if there is none. Cached."""
    facts = cache.get(_key(lesson_id))
    if facts is None:
        facts = _load(lesson_id) or _MISSING
        cache.set(_key(lesson_id), facts, FACTS_TTL.total_seconds())
    return None if facts == _MISSING else facts


def lesson_facts_of(lesson) -> LessonFacts:
    """The facts of a loaded lesson page (callers that hold one already), uncached."""
    from cms.models import CoursePage
    from courses import selectors
    from courses.selectors import standing

    course = CoursePage.objects.get(path=lesson.path[: -lesson.steplen])
    rule = selectors.course_rule_for(course=course)
    return LessonFacts(
        lesson_id=lesson.pk,
        course_id=course.pk,
        course_translation_key=str(course.translation_key),
        course_level=course.level,
        has_video=selectors.lesson_has_video(lesson=lesson),
        video_length=selectors.lesson_video_length(lesson=lesson),
        min_video_fraction=rule.min_video_fraction,
        hours_required=standing.course_hours_required(
            hours=standing.course_hours(courses=[course])[course.translation_key], rule=rule
        ),
    )


def _load(lesson_id: int) -> LessonFacts | None:
    from cms.models import LessonPage

    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    return lesson_facts_of(lesson) if lesson is not None else None


def lesson_facts_forget(*, lesson_ids) -> None:
    """Drop the cached facts of these lessons (after an editor changed them or their course)."""
    cache.delete_many([_key(pk) for pk in lesson_ids])


def forget_page(page) -> None:
    """Drop what is cached for ``page`` and the lessons below it (a course and its lessons)."""
    from wagtail.models import Page

    ids = [
        page.pk,
        *Page.objects.filter(path__startswith=page.path, depth__gt=page.depth).values_list("pk", flat=True),
    ]
    lesson_facts_forget(lesson_ids=ids)


def connect_receivers() -> None:
    """Drop cached facts whenever what they say may have changed (called from ``CoursesConfig.ready``)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.models import CoursePage, LessonPage
    from courses.models import CourseRule

    def on_page_changed(sender, instance, **kwargs):
        forget_page(instance)

    def on_page_deleted(sender, instance, **kwargs):
        lesson_facts_forget(lesson_ids=[instance.pk])

    def on_page_moved(sender, instance, **kwargs):
        moved = Page.objects.filter(pk=instance.pk).first()  # its path after the move
        forget_page(moved or instance)

    def on_rule_changed(sender, instance, **kwargs):
        course = Page.objects.filter(pk=instance.course_id).first()
        if course is not None:
            forget_page(course)

    page_published.connect(on_page_changed, dispatch_uid="lesson-facts-published", weak=False)
    page_unpublished.connect(on_page_changed, dispatch_uid="lesson-facts-unpublished", weak=False)
    post_page_move.connect(on_page_moved, dispatch_uid="lesson-facts-moved", weak=False)
    # Only these page types: a receiver for every sender would end Django's fast deletes everywhere.
    for model in (LessonPage, CoursePage):
        post_delete.connect(
            on_page_deleted, sender=model, dispatch_uid=f"lesson-facts-deleted-{model.__name__}", weak=False
        )
    post_save.connect(on_rule_changed, sender=CourseRule, dispatch_uid="lesson-facts-rule-saved", weak=False)
    post_delete.connect(
        on_rule_changed, sender=CourseRule, dispatch_uid="lesson-facts-rule-deleted", weak=False
    )
