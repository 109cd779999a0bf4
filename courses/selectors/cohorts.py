"""Which courses a cohort covers and which its progress counts. Below ``enrolments`` and
``progress``, which both ask it (a roster's staff, a dashboard), so neither imports the other late."""

from functools import reduce
from operator import or_

from django.db.models import Q

from cms.models import CoursePage
from courses.selectors.standing import courses_required_for


def cohort_courses(*, cohorts) -> dict[int, list[CoursePage]]:
    """The courses each cohort covers: its own course, or the live courses of its program's level
    and language, by code. One query for all program cohorts."""
    result: dict[int, list[CoursePage]] = {}
    programs = [c for c in cohorts if c.program_id]
    by_level: dict[tuple, list[CoursePage]] = {}
    if programs:
        condition = reduce(or_, (Q(level=c.program.level, locale_id=c.program.locale_id) for c in programs))
        for course in CoursePage.objects.live().filter(condition).order_by("code"):
            by_level.setdefault((course.level, course.locale_id), []).append(course)
    for cohort in cohorts:
        if cohort.course_id:
            result[cohort.pk] = [cohort.course]
        else:
            result[cohort.pk] = by_level.get((cohort.program.level, cohort.program.locale_id), [])
    return result


def cohort_progress_courses(*, cohorts) -> dict[int, list[CoursePage]]:
    """The courses a cohort's progress counts: those its program's certificate rule names, when it
    names them (eligibility counts them: a rule choosing 2 of the level's 3 courses makes every
    screen count those 2), in the program's language where they have a live translation; else the
    cohort's courses (``cohort_courses``). The dashboard, the roster, the reports, the API and the
    trainee record count these. Two queries (one more for a rule's courses in another language)."""
    programs = {c.program_id: c.program for c in cohorts if c.program_id}
    ruled = courses_required_for(programs=list(programs.values()))
    others = [c for c in cohorts if c.program_id not in ruled]
    result = cohort_courses(cohorts=others) if others else {}
    # A rule of the Chinese program names Chinese pages: an English cohort shows their English ones.
    elsewhere = {
        (course.translation_key, programs[pk].locale_id)
        for pk, courses in ruled.items()
        for course in courses
        if course.locale_id != programs[pk].locale_id
    }
    translated = {}
    if elsewhere:
        translated = {
            (page.translation_key, page.locale_id): page
            for page in CoursePage.objects.live().filter(
                translation_key__in={key for key, _locale in elsewhere},
                locale_id__in={locale for _key, locale in elsewhere},
            )
        }
    for cohort in cohorts:
        if cohort.program_id in ruled:
            locale = cohort.program.locale_id
            named = ruled[cohort.program_id]
            result[cohort.pk] = [translated.get((c.translation_key, locale), c) for c in named]
    return result
