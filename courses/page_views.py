"""Signed lesson page views: the token a lesson page carries to its heartbeats. Pure: no database.

Every time the server renders a lesson page for a trainee it signs a small token naming the trainee,
the lesson, a random page-view id and the moment it was issued. The page's script sends it with
each heartbeat, so a heartbeat proves the server served that lesson to that trainee, in that tab,
not long ago. Checking it costs one HMAC and no query. The page-view id is the key under which the
study clock keeps the view's sequence numbers, so a token copied to a second tab or script shares
its counter with the first instead of earning twice.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SALT = "tta.courses.lesson-page-view"
# A token issued further ahead than this (clock skew between web processes) is not believed.
FUTURE_TOLERANCE = datetime.timedelta(minutes=1)


class PageViewRefusal:
    """Why a heartbeat's page view was refused; the values are the anomaly kinds they are recorded as."""

    MISSING = "heartbeat_missing_token"
    INVALID = "heartbeat_invalid_token"
    EXPIRED = "heartbeat_expired_token"


MESSAGES = {
    PageViewRefusal.MISSING: _("This page cannot record study time. Reload the lesson page."),
    PageViewRefusal.INVALID: _(
        "This heartbeat does not belong to a lesson page opened by you. Nothing was credited."
    ),
    PageViewRefusal.EXPIRED: _(
        "This lesson page has been open too long to record study time. Reload it to go on."
    ),
}


class PageViewRefused(Exception):
    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind

    @property
    def message(self) -> str:
        return str(MESSAGES[self.kind])


@dataclass(frozen=True)
class PageView:
    view_id: str
    issued_at: datetime.datetime


def page_view_issue(*, user_id: int, lesson_id: int, now: datetime.datetime | None = None) -> str:
    """A new signed token for one rendering of a lesson page (each tab gets its own)."""
    now = now or timezone.now()
    payload = {"u": user_id, "l": lesson_id, "v": secrets.token_urlsafe(9), "t": int(now.timestamp())}
    return signing.dumps(payload, salt=SALT)


def page_view_read(*, token: str, user_id: int, lesson_id: int, now: datetime.datetime) -> PageView:
    """The page view ``token`` names, if it was signed here for this trainee and lesson and is younger
    than ``HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS``. Raises PageViewRefused otherwise."""
    if not token:
        raise PageViewRefused(PageViewRefusal.MISSING)
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise PageViewRefused(PageViewRefusal.INVALID) from None
    if not isinstance(data, dict) or data.get("u") != user_id or data.get("l") != lesson_id:
        raise PageViewRefused(PageViewRefusal.INVALID)
    view_id, issued = data.get("v"), data.get("t")
    if not isinstance(view_id, str) or not isinstance(issued, int) or isinstance(issued, bool):
        raise PageViewRefused(PageViewRefusal.INVALID)
    issued_at = datetime.datetime.fromtimestamp(issued, tz=datetime.UTC)
    if issued_at > now + FUTURE_TOLERANCE:
        raise PageViewRefused(PageViewRefusal.INVALID)
    if (now - issued_at).total_seconds() > settings.HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS:
        raise PageViewRefused(PageViewRefusal.EXPIRED)
    return PageView(view_id=view_id, issued_at=issued_at)
