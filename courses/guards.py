"""The rules the learning services are guarded by (``core.guards``), with the courses layer's roles.

``core.guards`` knows no roles; the roles themselves are ``core.roles`` (registrar, learning staff:
one truth for who holds which), and this module adds the object-level ones of this layer (roster
staff of a cohort, grader of a course). Certification's services use the same rules. Those
selectors are imported when a rule is checked: services import this module early.
"""

import dataclasses

from django.utils.translation import gettext_lazy as _

from core.guards import SELF, SIGNED_IN, SYSTEM, SYSTEM_ONLY, Rule, allowed_when, owner, role
from core.roles import is_learning_staff, is_registrar

__all__ = [
    "GRADER_OF_ITEM",
    "GRADER_OF_COURSE",
    "LEARNING_STAFF",
    "REGISTRAR",
    "REGISTRAR_IN_PERSON",
    "ROSTER_STAFF",
    "SELF",
    "SIGNED_IN",
    "SYSTEM",
    "SYSTEM_ONLY",
    "grader_of",
    "owner",
    "roster_staff_of",
]


REGISTRAR = role(is_registrar, _("Only registrars may do this."), name="registrar")
LEARNING_STAFF = role(
    is_learning_staff, _("Only instructors and registrars may do this."), name="learning staff"
)


def roster_staff_of(cohort_of) -> Rule:
    """Registrars, and instructors teaching the cohort ``cohort_of(arguments)`` (``can_read_roster``)."""

    def check(actor, arguments) -> bool:
        from courses.selectors.enrolments import can_read_roster

        cohort = cohort_of(arguments)
        return cohort is not None and can_read_roster(user=actor, cohort=cohort)

    return allowed_when(
        check, _("Only the cohort's instructors and registrars may do this."), name="roster staff"
    )


def grader_of(course_of) -> Rule:
    """Registrars, and graders of the course ``course_of(arguments)`` (a CoursePage or its id)."""

    def check(actor, arguments) -> bool:
        from courses.exams.selectors import can_grade

        course = course_of(arguments)
        return course is not None and can_grade(user=actor, course=course)

    return allowed_when(check, _("Only the course's graders and registrars may do this."), name="grader")


def _course_of_item(arguments) -> int | None:
    from courses.exams.models import AttemptItem

    return (
        AttemptItem.objects.filter(pk=arguments["item_id"])
        .values_list("attempt__paper__course_id", flat=True)
        .first()
    )


# A grader of the course of the attempt item ``item_id`` (or a registrar), marking in person.
GRADER_OF_ITEM = Rule(
    name="grader of the item",
    check=grader_of(_course_of_item).check,
    message=_("Only the course's graders and registrars may do this."),
    needs_person=True,
)

# A registrar acting in person (the service records or logs who): SYSTEM is refused.
REGISTRAR_IN_PERSON = dataclasses.replace(REGISTRAR, name="registrar in person", needs_person=True)

# Cohort-level staff where the cohort is an argument of the service.
ROSTER_STAFF = roster_staff_of(lambda arguments: arguments.get("cohort"))
GRADER_OF_COURSE = grader_of(lambda arguments: arguments.get("course"))
