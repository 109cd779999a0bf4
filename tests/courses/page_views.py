"""Heartbeats as a lesson page sends them, for tests: each (trainee, lesson, tab) gets one signed page
view, issued one heartbeat interval before that tab's first heartbeat, as if the page had just been
loaded. ``reset`` runs before every test (tests/courses/conftest.py)."""

import datetime

from django.conf import settings
from django.utils import timezone

from courses import page_views, services

_tokens: dict[tuple[int, int, str], str] = {}


def reset() -> None:
    _tokens.clear()


def token(user_id: int, lesson_id: int, tab: str = "t", at: datetime.datetime | None = None) -> str:
    """The page view of ``tab``, issued on its first use."""
    key = (user_id, lesson_id, tab)
    if key not in _tokens:
        at = at or timezone.now()
        issued = at - datetime.timedelta(seconds=settings.HEARTBEAT_INTERVAL_SECONDS)
        _tokens[key] = page_views.page_view_issue(user_id=user_id, lesson_id=lesson_id, now=issued)
    return _tokens[key]


def heartbeat(*, user, lesson, seq: int, tab: str = "t", now=None, visible=True, interacted=True, **video):
    """``progress_record_heartbeat`` from tab ``tab`` of a visible page the trainee is using."""
    now = now or timezone.now()
    return services.progress_record_heartbeat(
        user=user,
        lesson=lesson,
        page_view=token(user.pk, lesson.pk, tab, now),
        seq=seq,
        visible=visible,
        interacted=interacted,
        now=now,
        **video,
    )
