"""Enrolment calls to action on content pages.

The cms templates include ``courses/includes/course_actions.html``, which loads this library:
content renders learner state without any Python import from ``cms`` to ``courses``.
"""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url

from cms.models import CoursePage
from core import roles
from courses import selectors
from courses.models import Enrolment

register = template.Library()


@register.inclusion_tag("courses/includes/enrolment_actions.html", takes_context=True)
def course_enrolment_actions(context, course: CoursePage):
    """What a visitor can do about ``course``: read it, or enrol in one of its open cohorts."""
    request = context.get("request")
    user = getattr(request, "user", None)
    is_enrolled = user is not None and selectors.is_enrolled(user=user, course=course)
    result = {
        "request": request,
        "course": course,
        "login_url": resolve_url(settings.LOGIN_URL),
        "is_enrolled": is_enrolled,
        "can_read": is_enrolled or (user is not None and roles.is_learning_staff(user=user)),
        "cohorts": [],
    }
    if is_enrolled:
        return result  # nothing to offer: the syllabus below is theirs
    cohorts = selectors.cohorts_open_for(course=course)
    mine = {}
    if user is not None and user.is_authenticated and cohorts:
        mine = {
            e.cohort_id: e for e in Enrolment.objects.filter(user=user, cohort__in=[c.pk for c in cohorts])
        }
    for cohort in cohorts:
        cohort.places_left = max(cohort.capacity - cohort.taken, 0)
        cohort.my_enrolment = mine.get(cohort.pk)
    result["cohorts"] = cohorts
    return result


@register.inclusion_tag("courses/includes/upcoming_cohorts.html", takes_context=True)
def upcoming_cohorts(context, limit: int = 6):
    """The home page's offer: cohorts open for application, with dates, places left, fee, and how to join."""
    from courses.selectors.joining import cohorts_upcoming

    request = context.get("request")
    cohorts = cohorts_upcoming(limit=limit)
    for cohort in cohorts:
        # Where to apply: the course's or program's page in the visitor's language.
        cohort.page = (cohort.course or cohort.program).localized
    return {
        "request": request,
        "cohorts": cohorts,
        "signed_in": bool(request and request.user.is_authenticated),
    }
