"""Where a trainee stands: the one definition of each learning fact every screen reports.

- **Course completed**: the course's rule is met now (required lessons done and the rule's share of
  the course's hours earned), or a completion was recorded once (never withdrawn by later rule
  changes).
- **A course's hours**: the learning hours of its source page (the default language's; without one,
  its oldest translation), whichever translation a screen holds (``course_hours``): a translation
  that says otherwise changes neither the cap nor the course's requirement.
- **Hours credited** for a course: what the ledger holds for it (any language), capped at the
  course's hours, 0 included; the excess is kept as ``hours_overflow`` (shown, never lost).
- **Program progress**: courses completed of the courses counted (the certificate rule's courses
  when it names them, else the cohort's), hours credited over the hours required (the rule's, else
  the program's, else the courses' own), and one percentage.
- **Exam passed**: per paper, the attempts that count under the paper's result policy (best: every
  released attempt, so passing once is enough, as Moodle's "highest grade"; last: only the latest
  released attempt); a course's exam is passed if a counted attempt at one of its papers passed.

Eligibility for a certificate combines these in ``certification.eligibility`` (certification reads
courses, never the reverse). Every function runs a fixed number of queries however many trainees
and courses: the bulk forms (``progress_for_users``, ``exam_results``) serve lists, and the SQL
forms (``credited_hours_sql``, ``counted_attempts``) serve sortable tables and aggregates; the
consistency test (tests/consistency) checks they agree with the Python forms.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from functools import reduce
from operator import add, or_

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Floor, Least
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant

from cms.models import CoursePage, LessonPage
from courses.exams.models import Attempt, AttemptStatus, ResultPolicy
from courses.models import CourseCompletion, CourseRule, HoursEntry, LessonCompletion

ZERO = Decimal("0")
HOURS = DecimalField(max_digits=12, decimal_places=3)


TENTH = Decimal("0.1")


def _exact(value) -> Decimal:
    return Decimal(str(value or 0))


def hours_shown(value: Decimal | int | float | str | None, *, against=None) -> Decimal:
    """Hours as every screen, export and certificate prints them: to a tenth, rounded DOWN; beside
    the requirement ``against`` set finer than a tenth (47.94), to the requirement's own precision.

    A requirement is compared exactly (47.96 < 48); rounding to nearest would print 48.0 of 48 for an
    unmet criterion, so a printed figure never claims more than is credited. A requirement printed
    with itself as ``against`` is printed exactly, so "47.9 of 47.94" and "47.94 of 47.94" read as
    the comparison does (at a tenth both would read "47.9 of 47.9", met or not).
    """
    step = TENTH
    if against is not None:
        exponent = _exact(against).normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -1:
            step = Decimal(1).scaleb(exponent)
    return _exact(value).quantize(step, rounding=ROUND_DOWN)


def format_hours(value: Decimal | int | float | str | None, *, against=None) -> str:
    """``hours_shown`` as text, without trailing zeros: 48, 31.5, 47.9 for 47.96 (never "48 of 48"
    while unmet), 47.94. The one way every template, sentence, certificate and export prints hours;
    print a requirement with ``against=`` itself and what is compared with it with ``against=`` it."""
    return f"{hours_shown(value, against=against).normalize():f}"


def _source_first() -> list:
    """The order of a course's translations that puts its source page first: the default
    language's, then the oldest."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return [Case(When(locale__language_code=default, then=Value(0)), default=Value(1)), "pk"]


def course_hours(*, courses: list[CoursePage]) -> dict:
    """The hours of each course by translation key: its source page's learning hours (see the
    module's docstring), whatever translation ``courses`` holds. One query."""
    keys = {c.translation_key for c in courses}
    if not keys:
        return {}
    hours: dict = {}
    for key, value in (
        CoursePage.objects.filter(translation_key__in=keys)
        .order_by(*_source_first())
        .values_list("translation_key", "learning_hours")
    ):
        hours.setdefault(key, value or ZERO)  # the first row of a key is its source page
    return hours


def course_hours_sql(key) -> Subquery:
    """The SQL form of ``course_hours`` for the course of translation key ``key`` (a value or an
    ``OuterRef``)."""
    return Subquery(
        CoursePage.objects.filter(translation_key=key)
        .order_by(*_source_first())
        .values("learning_hours")[:1],
        output_field=HOURS,
    )


def credited(*, earned: Decimal, hours: Decimal) -> Decimal:
    """Hours credited out of ``earned`` in the ledger for a course of ``hours`` (``course_hours``):
    at most the course's hours."""
    return min(earned or ZERO, hours or ZERO)


@dataclass
class CourseProgress:
    """Where a trainee stands in one course against the course's rule."""

    course: CoursePage
    required_lessons: int
    completed_required: int
    hours: Decimal  # credited: the ledger's hours for the course, at most the course's hours
    hours_required: Decimal
    completed: bool
    lessons: list[LessonPage] = field(default_factory=list)
    completed_lesson_ids: set[int] = field(default_factory=set)
    next_lesson: LessonPage | None = None
    hours_earned: Decimal = ZERO  # the ledger's sum, before the cap

    @property
    def hours_overflow(self) -> Decimal:
        """Hours in the ledger beyond the course's hours: shown, not credited."""
        return max(ZERO, self.hours_earned - self.hours)

    @property
    def percent(self) -> int:
        """One figure for a progress bar: the mean of the lesson share and the hours share that apply."""
        if self.completed:
            return 100
        shares = []
        if self.required_lessons:
            shares.append(Decimal(self.completed_required) / self.required_lessons)
        if self.hours_required > 0:
            shares.append(min(Decimal(1), self.hours / self.hours_required))
        if not shares:
            return 0
        return int(sum(shares) / len(shares) * 100)


def lessons_by_course(courses: list[CoursePage]) -> dict[int, list[LessonPage]]:
    """The live lessons of each course, in page order. One query."""
    if not courses:
        return {}
    children = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
    lessons = LessonPage.objects.live().filter(children).defer("body").order_by("path")
    by_path = {c.path: c.pk for c in courses}
    grouped: dict[int, list[LessonPage]] = {c.pk: [] for c in courses}
    for lesson in lessons:
        grouped[by_path[lesson.path[: -LessonPage.steplen]]].append(lesson)
    return grouped


def progress_for_users(
    *, user_ids, courses: list[CoursePage], hours: dict | None = None
) -> dict[int, dict[int, CourseProgress]]:
    """Progress of each user in each course: ``{user id: {course id: CourseProgress}}``.

    ``user_ids``: a list or a subquery of user ids. Six queries whatever the number of users and
    courses (five when the caller passes ``hours``, ``course_hours`` of the courses). Every user in
    a list gets an entry, with nothing done if nothing is recorded.
    """
    courses = list({c.pk: c for c in courses}.values())
    listed = [] if isinstance(user_ids, QuerySet) else list(user_ids)
    if not courses:
        return {pk: {} for pk in listed}
    keys = {c.translation_key for c in courses}
    hours_of = course_hours(courses=courses) if hours is None else hours
    rules = {rule.course_id: rule for rule in CourseRule.objects.filter(course__in=courses)}
    lessons = lessons_by_course(courses)
    lesson_keys = {lesson.translation_key for group in lessons.values() for lesson in group}
    done_keys: dict[int, set] = {}
    for user_id, key in (
        LessonCompletion.objects.filter(user_id__in=user_ids, lesson__translation_key__in=lesson_keys)
        .values_list("user_id", "lesson__translation_key")
        .distinct()
    ):
        done_keys.setdefault(user_id, set()).add(key)
    earned: dict[int, dict] = {}
    for user_id, key, total in (
        HoursEntry.objects.filter(user_id__in=user_ids, course__translation_key__in=keys)
        .values_list("user_id", "course__translation_key")
        .annotate(total=Sum("hours"))
        .order_by()
    ):
        earned.setdefault(user_id, {})[key] = total or ZERO
    recorded: dict[int, set] = {}
    for user_id, key in CourseCompletion.objects.filter(
        user_id__in=user_ids, course__translation_key__in=keys
    ).values_list("user_id", "course__translation_key"):
        recorded.setdefault(user_id, set()).add(key)

    result = {}
    for user_id in {*listed, *done_keys, *earned, *recorded}:
        done, hours, completions = (
            done_keys.get(user_id, set()),
            earned.get(user_id, {}),
            recorded.get(user_id, set()),
        )
        result[user_id] = {
            course.pk: _course_progress(
                course=course,
                course_hours=hours_of[course.translation_key],
                rule=rules.get(course.pk) or CourseRule(course=course),
                lessons=lessons[course.pk],
                done_keys=done,
                earned=hours.get(course.translation_key) or ZERO,
                recorded=course.translation_key in completions,
            )
            for course in courses
        }
    return result


def course_hours_required(*, hours: Decimal, rule: CourseRule) -> Decimal:
    """The hours a course's rule asks for: its share of the course's ``hours`` (``course_hours``)."""
    return (hours * rule.hours_share_required).quantize(Decimal("0.001"))


def _course_progress(*, course, course_hours, rule, lessons, done_keys, earned, recorded) -> CourseProgress:
    required = [lesson for lesson in lessons if lesson.required]
    done = {lesson.pk for lesson in lessons if lesson.translation_key in done_keys}
    completed_required = sum(1 for lesson in required if lesson.pk in done)
    hours = credited(earned=earned, hours=course_hours)
    hours_required = course_hours_required(hours=course_hours, rule=rule)
    rule_met = (
        not rule.require_required_lessons or completed_required >= len(required)
    ) and hours >= hours_required
    return CourseProgress(
        course=course,
        required_lessons=len(required),
        completed_required=completed_required,
        hours=hours,
        hours_required=hours_required,
        completed=rule_met or recorded,
        lessons=lessons,
        completed_lesson_ids=done,
        next_lesson=next((lesson for lesson in lessons if lesson.pk not in done), None),
        hours_earned=earned,
    )


def progress_for_courses(
    *, user, courses: list[CoursePage], hours: dict | None = None
) -> dict[int, CourseProgress]:
    """Progress of one user in each course, keyed by course id. Six queries whatever the number of
    courses (five with ``hours``, as ``progress_for_users``)."""
    return progress_for_users(user_ids=[user.pk], courses=courses, hours=hours)[user.pk]


def _credited_sql(course: CoursePage, user_ref: str, hours=None):
    """The SQL form of ``credited`` for one course: the ledger's sum for it, capped at its hours
    (``hours`` when the caller read them, else ``course_hours_sql``, computed once by the database)."""
    earned = Coalesce(
        Subquery(
            HoursEntry.objects.filter(user=OuterRef(user_ref), course__translation_key=course.translation_key)
            .order_by()
            .values("user")
            .annotate(total=Sum("hours"))
            .values("total"),
            output_field=HOURS,
        ),
        Value(ZERO),
        output_field=HOURS,
    )
    cap = course_hours_sql(course.translation_key) if hours is None else Value(hours, output_field=HOURS)
    return Least(earned, Coalesce(cap, Value(ZERO), output_field=HOURS), output_field=HOURS)


def credited_hours_sql(*, courses: list[CoursePage], user_ref: str = "user_id"):
    """The SQL form of the hours credited in ``courses``: per course the ledger's sum capped at the
    course's hours, summed. One correlated subquery per course (a cohort has a dozen at most), so a
    table can sort by it and a report can aggregate it in one query."""
    terms = [_credited_sql(course, user_ref) for course in {c.pk: c for c in courses}.values()]
    if not terms:
        return Value(ZERO, output_field=HOURS)
    return reduce(lambda a, b: a + b, terms)


# Floating point in SQL: a share of exactly 1/2 may come out a hair below; the Python form is exact.
_EPSILON = 1e-9


def percent_sql(*, courses: list[CoursePage], user_ref: str = "user_id"):
    """The SQL form of ``ProgramProgress.percent`` over ``courses`` (each course's ``CourseProgress.percent``,
    their mean, both truncated), so a table can sort by it. Three queries to build it (the courses'
    rules, lessons and hours), then correlated subqueries per course in the one SELECT."""
    courses = list({c.pk: c for c in courses}.values())
    if not courses:
        return Value(0, output_field=IntegerField())
    rules = {rule.course_id: rule for rule in CourseRule.objects.filter(course__in=courses)}
    lessons = lessons_by_course(courses)
    hours_of = course_hours(courses=courses)
    terms = []
    for course in courses:
        rule = rules.get(course.pk) or CourseRule(course=course)
        required = [lesson.translation_key for lesson in lessons[course.pk] if lesson.required]
        hours = _credited_sql(course, user_ref, hours_of[course.translation_key])
        hours_required = course_hours_required(hours=hours_of[course.translation_key], rule=rule)
        done = Coalesce(
            Subquery(
                LessonCompletion.objects.filter(user=OuterRef(user_ref), lesson__translation_key__in=required)
                .order_by()
                .values("user")
                .annotate(n=Count("lesson__translation_key", distinct=True))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        )
        shares = []
        if required:
            shares.append(Cast(done, FloatField()) / len(required))
        if hours_required > 0:
            shares.append(Least(Cast(hours, FloatField()) / float(hours_required), Value(1.0)))
        met = GreaterThanOrEqual(hours, Value(hours_required, output_field=HOURS))
        if rule.require_required_lessons and required:
            met = met & GreaterThanOrEqual(done, Value(len(required)))
        recorded = Exists(
            CourseCompletion.objects.filter(
                user=OuterRef(user_ref), course__translation_key=course.translation_key
            )
        )
        partial = Floor(reduce(add, shares) * (100.0 / len(shares)) + _EPSILON) if shares else Value(0.0)
        terms.append(
            Case(When(recorded | met, then=Value(100.0)), default=partial, output_field=FloatField())
        )
    return Cast(Floor(reduce(add, terms) / len(terms) + _EPSILON), IntegerField())


# --- Program progress -------------------------------------------------------------------------


@dataclass
class ProgramProgress:
    """A trainee's progress through a set of courses (a cohort's, a program's)."""

    courses: list[CourseProgress]
    hours_required: Decimal

    @property
    def courses_total(self) -> int:
        return len(self.courses)

    @property
    def courses_done(self) -> int:
        return sum(1 for p in self.courses if p.completed)

    @property
    def hours(self) -> Decimal:
        return sum((p.hours for p in self.courses), ZERO)

    @property
    def hours_overflow(self) -> Decimal:
        return sum((p.hours_overflow for p in self.courses), ZERO)

    @property
    def completed(self) -> bool:
        return bool(self.courses) and all(p.completed for p in self.courses)

    @property
    def percent(self) -> int:
        """The mean of the courses' percentages."""
        if not self.courses:
            return 0
        return int(sum(p.percent for p in self.courses) / len(self.courses))


# The hours a program's certificate rule requires: certification sits above this app and registers
# its reading at start-up (``register_hours_requirement``), so courses never imports certification.
_hours_requirement: Callable[..., Decimal | None] | None = None


def register_hours_requirement(requirement: Callable[..., Decimal | None]) -> None:
    """Set ``requirement(program=...)``: the hours the program's certificate rule requires (0 when it
    asks for none), or None when the program has no rule. Idempotent."""
    global _hours_requirement
    _hours_requirement = requirement


# The courses a program's certificate rule names: registered by certification as well
# (``register_course_requirement``), so the screens count the courses eligibility counts.
_course_requirement: Callable[..., dict] | None = None


def register_course_requirement(requirement: Callable[..., dict]) -> None:
    """Set ``requirement(programs=[...])``: ``{program id: [course pages]}`` for each program whose
    certificate rule names its courses (any language); a program without a rule, or whose rule takes
    every course of its level, is absent. Idempotent."""
    global _course_requirement
    _course_requirement = requirement


def courses_required_for(*, programs: list) -> dict[int, list[CoursePage]]:
    """The courses each program's certificate rule names, by program id (``register_course_requirement``);
    programs absent count their cohort's courses."""
    if not programs or _course_requirement is None:
        return {}
    return _course_requirement(programs=programs)


def hours_required_for(*, program=None, courses: list[CoursePage], hours: dict | None = None) -> Decimal:
    """Hours a trainee must be credited: the one figure every screen shows as "hours required".

    The program's certificate rule decides when it has one, 0 included (it is what eligibility
    compares with, so no screen may show another target); else the program's required hours; else
    the courses' hours (``hours``: their ``course_hours`` when the caller has read them).
    """
    if program is not None:
        ruled = _hours_requirement(program=program) if _hours_requirement is not None else None
        if ruled is not None:
            return ruled
        if program.required_hours:
            return program.required_hours
    hours = course_hours(courses=courses) if hours is None else hours
    return sum((hours[course.translation_key] for course in {c.pk: c for c in courses}.values()), ZERO)


def program_progress(
    *, progress: dict[int, CourseProgress], courses: list[CoursePage], program=None, hours_required=None
) -> ProgramProgress:
    """``hours_required``: ``hours_required_for(program, courses)`` when the caller has it (a list
    of rows asks once), else it is read here."""
    return ProgramProgress(
        courses=[progress[c.pk] for c in courses],
        hours_required=hours_required
        if hours_required is not None
        else hours_required_for(program=program, courses=courses),
    )


# --- Exams ------------------------------------------------------------------------------------


def released_attempts() -> QuerySet[Attempt]:
    return Attempt.objects.filter(status=AttemptStatus.COMPLETED, released_at__isnull=False)


def counted_attempts(attempts: QuerySet[Attempt] | None = None) -> QuerySet[Attempt]:
    """The released attempts that count under their paper's result policy: all of them at a
    "best" paper, only the latest released one at a "last" paper. The SQL form of ``_counted``."""
    attempts = (
        released_attempts()
        if attempts is None
        else attempts.filter(status=AttemptStatus.COMPLETED, released_at__isnull=False)
    )
    later = released_attempts().filter(
        paper=OuterRef("paper"), user=OuterRef("user"), number__gt=OuterRef("number")
    )
    return attempts.filter(Q(paper__result_policy=ResultPolicy.BEST) | ~Exists(later))


@dataclass
class ExamResult:
    """A trainee's result in a course's exam: the attempt that counts and whether it passed."""

    attempt: Attempt | None
    passed: bool

    @property
    def percent(self) -> Decimal | None:
        return self.attempt.percent if self.attempt else None


def _counted(attempts: list[Attempt]) -> ExamResult:
    """The result of one trainee at one paper, from their released attempts at it."""
    if not attempts:
        return ExamResult(None, False)
    policy = attempts[0].paper.result_policy
    if policy == ResultPolicy.LAST:
        last = max(attempts, key=lambda a: a.number)
        return ExamResult(last, bool(last.passed))
    best = max(attempts, key=lambda a: (bool(a.passed), a.percent or 0, a.number))
    return ExamResult(best, bool(best.passed))


def exam_results(*, user_ids, course_keys=None, papers=None) -> dict[tuple[int, object], ExamResult]:
    """Each user's exam result per course (any language), ``{(user id, course translation key): ExamResult}``;
    with ``papers``, per paper instead (``{(user id, paper id): ...}``). One query.

    A course with several papers: the best of the papers' results (a passed one first).
    """
    attempts = released_attempts().filter(user_id__in=user_ids).select_related("paper", "paper__course")
    if papers is not None:
        attempts = attempts.filter(paper__in=papers)
    else:
        attempts = attempts.filter(paper__course__translation_key__in=course_keys)
    by_paper: dict[tuple, list[Attempt]] = {}
    for attempt in attempts.order_by("pk"):
        by_paper.setdefault((attempt.user_id, attempt.paper_id), []).append(attempt)
    results: dict[tuple, ExamResult] = {}
    for (user_id, paper_id), group in by_paper.items():
        result = _counted(group)
        key = (user_id, paper_id) if papers is not None else (user_id, group[0].paper.course.translation_key)
        current = results.get(key)
        if current is None or (result.passed, result.percent or 0) > (current.passed, current.percent or 0):
            results[key] = result
    return results


def exam_result(*, user, course: CoursePage | None = None, paper=None) -> ExamResult:
    """One user's result at ``paper``, or in ``course``'s exam (any of its papers, any language)."""
    if paper is not None:
        return exam_results(user_ids=[user.pk], papers=[paper]).get(
            (user.pk, paper.pk), ExamResult(None, False)
        )
    key = course.translation_key
    return exam_results(user_ids=[user.pk], course_keys=[key]).get((user.pk, key), ExamResult(None, False))


def credited_hours_total(
    *, user_ids, courses: list[CoursePage] | None = None, source: str | None = None
) -> dict[int, Decimal]:
    """Hours credited to each user over ``courses`` (or over every course in their ledger), each
    course capped at its hours: ``{user id: hours}``. With ``source`` (offline, say), only the ledger's
    entries of that source, still capped per course: 4.2 hours of check-in in a 4-hour course credit 4.
    One query."""
    entries = HoursEntry.objects.filter(user_id__in=user_ids)
    if source is not None:
        entries = entries.filter(source=source)
    if courses is not None:
        entries = entries.filter(course__translation_key__in=[c.translation_key for c in courses])
    # Translations share hours: sum by translation key, cap by the course's hours (its source page's).
    rows = (
        entries.values_list("user_id", "course__translation_key")
        .annotate(total=Sum("hours"), cap=course_hours_sql(OuterRef("course__translation_key")))
        .order_by()
    )
    totals: dict[int, Decimal] = {}
    for user_id, _key, total, cap in rows:
        totals[user_id] = totals.get(user_id, ZERO) + credited(earned=total, hours=cap)
    return totals


def credited_hours_since(*, user_id: int, since) -> Decimal:
    """Hours credited to ``user_id`` after ``since`` in any course (continuing education): what the
    ledger added since, each course counting only up to what it had left under its hours then
    (``credited_gained``). One query."""
    later = max(timezone.now(), since) + datetime.timedelta(days=1)  # after every entry so far
    gained = credited_gained(bounds=[since, later], entries=HoursEntry.objects.filter(user_id=user_id))
    return gained.aggregate(total=Sum("gained_1"))["total"] or ZERO


def credited_gained(*, bounds: list, entries: QuerySet[HoursEntry] | None = None) -> QuerySet:
    """The SQL form of the hours credited between consecutive ``bounds`` (datetimes, ascending):
    the ledger grouped per trainee and course (any language), annotated with ``level`` (the
    course's) and ``gained_1`` … ``gained_n``, the hours credited from ``bounds[i-1]`` to
    ``bounds[i]``: what is credited up to the later bound (the ledger's sum then, capped at the
    course's hours) less what was credited up to the earlier one. Over-credit gains nothing once the
    course's hours are reached, as in ``credited``. A report aggregates over it in one query
    (``.aggregate(Sum("gained_1", filter=...))``)."""
    entries = HoursEntry.objects.all() if entries is None else entries
    grouped = (
        entries.values("user_id", "course__translation_key")
        .annotate(
            level=Max("course__level"),
            cap=course_hours_sql(OuterRef("course__translation_key")),
            **{
                f"earned_{i}": Coalesce(
                    Sum("hours", filter=Q(created_at__lt=bound)), Value(ZERO), output_field=HOURS
                )
                for i, bound in enumerate(bounds)
            },
        )
        .order_by()
    )

    def upto(i):
        return Least(
            F(f"earned_{i}"), Coalesce(F("cap"), Value(ZERO), output_field=HOURS), output_field=HOURS
        )

    return grouped.annotate(**{f"gained_{i}": upto(i) - upto(i - 1) for i in range(1, len(bounds))})
