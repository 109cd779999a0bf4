"""Reviewer load (评审工作量): per reviewer, what is assigned, done and overdue; reminders through the
site's notifications; the beat sweep that tells reviewers of overdue reviews.

Reviewers are told of submissions by their anonymous code only, never of a trainee.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.guards import SYSTEM_ONLY, guarded
from courses.guards import REGISTRAR
from courses.notifications.kinds import NotificationKind, per_language
from courses.notifications.services import notify

from .models import PracticeAction, ReviewAssignment, ReviewAssignmentState, ReviewerProfile
from .services import PracticeError, _event

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReviewerLoad:
    reviewer_id: int
    name: str
    organisation: str
    external: bool
    assigned: int  # waiting for the review
    done: int
    overdue: int  # waiting, past their due date
    withdrawn: int


def reviewer_loads(*, now: datetime | None = None) -> list[ReviewerLoad]:
    """Every reviewer with a review assignment or a reviewer profile, most overdue first. One query
    for the counts, one for the profiles."""
    now = now or timezone.now()
    waiting = Q(practice_reviews__state=ReviewAssignmentState.ASSIGNED)
    counted = (
        get_user_model()
        .objects.filter(Q(practice_reviews__isnull=False) | Q(reviewer_profile__isnull=False))
        .annotate(
            assigned=Count("practice_reviews", filter=waiting, distinct=True),
            done=Count(
                "practice_reviews",
                filter=Q(practice_reviews__state=ReviewAssignmentState.SUBMITTED),
                distinct=True,
            ),
            overdue=Count(
                "practice_reviews", filter=waiting & Q(practice_reviews__due_at__lt=now), distinct=True
            ),
            withdrawn=Count(
                "practice_reviews",
                filter=Q(practice_reviews__state=ReviewAssignmentState.WITHDRAWN),
                distinct=True,
            ),
        )
        .values("pk", "username", "first_name", "last_name", "assigned", "done", "overdue", "withdrawn")
    )
    rows = list(counted)
    profiles = {p.user_id: p for p in ReviewerProfile.objects.filter(user_id__in=[r["pk"] for r in rows])}
    loads = []
    for row in rows:
        profile = profiles.get(row["pk"])
        name = (profile.display_name if profile else "") or (
            f"{row['last_name']}{row['first_name']}".strip() or row["username"]
        )
        loads.append(
            ReviewerLoad(
                reviewer_id=row["pk"],
                name=name,
                organisation=profile.organisation if profile else "",
                external=bool(profile and profile.external),
                assigned=row["assigned"],
                done=row["done"],
                overdue=row["overdue"],
                withdrawn=row["withdrawn"],
            )
        )
    return sorted(loads, key=lambda load: (-load.overdue, -load.assigned, load.name))


def _waiting(reviewer_id: int):
    return ReviewAssignment.objects.filter(reviewer_id=reviewer_id, state=ReviewAssignmentState.ASSIGNED)


@guarded(REGISTRAR)
@transaction.atomic
def reviewer_remind(*, reviewer, actor, now: datetime | None = None) -> bool:
    """A registrar reminds a reviewer of their waiting reviews (an in-site notification, emailed if
    they want). At most one reminder per reviewer per day. Audited on each assignment concerned.
    Returns whether a reminder was sent."""
    now = now or timezone.now()
    waiting = list(_waiting(reviewer.pk).select_related("submission__assignment"))
    if not waiting:
        raise PracticeError(_("This reviewer has no review waiting."), code="nothing")
    overdue = sum(1 for ra in waiting if ra.due_at < now)
    notification = notify(
        recipient=reviewer,
        kind=NotificationKind.REVIEW_REMINDER,
        params={"open": len(waiting), "overdue": overdue},
        link=("practice:review_queue", []),
        once_key=f"review-reminder:{timezone.localdate(now).isoformat()}",
    )
    if notification is None:
        return False
    for assignment in {ra.submission.assignment for ra in waiting}:
        _event(
            assignment=assignment,
            action=PracticeAction.REVIEW_REMINDED,
            actor=actor,
            detail={"reviewer": reviewer.pk, "open": len(waiting), "overdue": overdue},
        )
    return True


@guarded(SYSTEM_ONLY)
def overdue_reviews_remind(*, actor, now: datetime | None = None) -> int:
    """Beat: tell each reviewer about each of their reviews that is past due, once per review
    (``once_key``), however often this runs. Returns how many notifications it made."""
    now = now or timezone.now()
    overdue = (
        ReviewAssignment.objects.filter(state=ReviewAssignmentState.ASSIGNED, due_at__lt=now)
        .select_related("reviewer", "submission__assignment")
        .order_by("due_at", "pk")
    )
    made = 0
    for review in overdue:
        assignment = review.submission.assignment
        due = timezone.localtime(review.due_at)
        try:
            with transaction.atomic():
                notification = notify(
                    recipient=review.reviewer,
                    kind=NotificationKind.REVIEW_OVERDUE,
                    params={
                        "code": review.submission.code,
                        "assignment": per_language(
                            lambda a=assignment: (
                                a.title_en or a.title if translation.get_language() == "en" else a.title
                            )
                        ),
                        "due": per_language(lambda d=due: date_format(d, "DATE_FORMAT")),
                    },
                    link=("practice:review", [review.pk]),
                    once_key=f"review-overdue:{review.pk}",
                )
                if notification is not None:
                    _event(
                        assignment=assignment,
                        action=PracticeAction.REVIEW_REMINDED,
                        actor=None,
                        submission=review.submission,
                        detail={"reviewer": review.reviewer_id, "review": review.pk, "overdue": True},
                    )
        except Exception:  # one reviewer's failure stops no one else's reminder
            logger.exception("could not remind reviewer %s of review %s", review.reviewer_id, review.pk)
            continue
        made += notification is not None
    return made
