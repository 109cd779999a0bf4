"""Learner state on content pages: cms templates include ``courses/progress/lesson_widget.html``,
which loads this library, so the cms Python code never imports the learning app."""

from django import template
from django.conf import settings
from django.utils.html import format_html

from courses import page_views, selectors
from courses.selectors.standing import format_hours

register = template.Library()


@register.filter
def hours_shown(value, against=None):
    """Hours as every surface prints them (``standing.format_hours``): ``{{ credited|hours_shown:required }}``
    beside ``{{ required|hours_shown:required }}``; alone, ``{{ credited|hours_shown }}``."""
    return format_hours(value, against=against)


@register.simple_tag(takes_context=True)
def lesson_progress(context, lesson):
    """The progress box data for the current user on ``lesson``, or None for anyone but its trainees."""
    request = context.get("request")
    if request is None or lesson is None:
        return None
    return selectors.lesson_widget(user=request.user, lesson=lesson)


@register.simple_tag
def heartbeat_interval() -> int:
    return settings.HEARTBEAT_INTERVAL_SECONDS


@register.simple_tag(takes_context=True)
def page_view_token(context, lesson) -> str:
    """A new signed page view for this rendering of ``lesson``: the page's heartbeats carry it, so
    only a page the server served to this trainee earns study time (see ``courses.page_views``)."""
    return page_views.page_view_issue(user_id=context["request"].user.pk, lesson_id=lesson.pk)


@register.simple_tag
def heartbeat_idle_seconds() -> int:
    return settings.HEARTBEAT_IDLE_SECONDS


@register.simple_tag
def mark_complete_seconds_left(widget) -> int:
    """Seconds of active study still needed before ``widget``'s lesson may be marked complete (0: now).

    The rule is the course's (``CourseRule.seconds_before_mark_complete``); the lesson page counts it
    down and the server's heartbeat answers (``credited_seconds``) correct it."""
    if widget.completed or widget.video or widget.can_mark_complete:
        return 0
    rule = selectors.course_rule_for(course=widget.course)
    needed = rule.seconds_before_mark_complete(estimated_minutes=widget.lesson.estimated_minutes)
    return max(0, needed - widget.active_seconds)


def _clock(seconds: int) -> str:
    """``seconds`` as a clock reads: 4:05, or 1:02:05 from an hour on (the page's script writes the same)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@register.filter
def clock_in(seconds, role: str):
    """A clock of ``seconds`` in a ``<span data-role=role>`` that the lesson page's script keeps up to date."""
    return format_html('<span class="clock" data-role="{}">{}</span>', role, _clock(seconds))
