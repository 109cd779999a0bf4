"""Reads for people who have not joined yet: the cohorts the home page offers."""

from django.db.models import Count, Q
from django.utils import timezone

from courses.models import Cohort, EnrolmentMode
from courses.models.enrolments import PLACE_HOLDING


def cohorts_upcoming(*, at=None, limit: int = 6) -> list[Cohort]:
    """Cohorts anyone may apply to at ``at`` (now) and that have not ended, soonest first.

    Invitation-only cohorts and those whose enrolment window is shut are left out. Each carries
    ``places_left`` (capacity less the places held: enrolled or completed). One query.
    """
    at = at or timezone.now()
    cohorts = list(
        Cohort.objects.exclude(enrolment_mode=EnrolmentMode.INVITATION)
        .filter(Q(enrolment_opens_at__isnull=True) | Q(enrolment_opens_at__lte=at))
        .filter(Q(enrolment_closes_at__isnull=True) | Q(enrolment_closes_at__gt=at))
        .filter(ends_on__gte=timezone.localdate(at))
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=PLACE_HOLDING)))
        .select_related("course", "program")
        .order_by("starts_on", "code")[:limit]
    )
    for cohort in cohorts:
        cohort.places_left = max(cohort.capacity - cohort.taken, 0)
    return cohorts
