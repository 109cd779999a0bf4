"""Learner state on content pages: cms templates include ``courses/progress/lesson_widget.html``,
which loads this library, so the cms Python code never imports the learning app."""

from django import template
from django.conf import settings

from courses import page_views, selectors

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


@register.simple_tag(takes_context=True)
def page_view_token(context, lesson) -> str:
    """A new signed page view for this rendering of ``lesson``: the page's heartbeats carry it, so
    only a page the server served to this trainee earns study time (see ``courses.page_views``)."""
    return page_views.page_view_issue(user_id=context["request"].user.pk, lesson_id=lesson.pk)


@register.simple_tag
def heartbeat_idle_seconds() -> int:
    return settings.HEARTBEAT_IDLE_SECONDS
