"""Learner state on content pages: cms templates include ``courses/progress/lesson_widget.html``,
which loads this library, so the cms Python code never imports the learning app."""

from django import template
from django.conf import settings

from courses import selectors

register = template.Library()


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
