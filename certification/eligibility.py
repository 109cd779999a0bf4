"""Whether a trainee has earned a program's certificate, criterion by criterion, explained in their language.

Reads only ``courses.selectors.standing`` (courses completed, hours credited, exams passed) and the ledger. Example explanation:
"已完成 2/3 门课程，学时 31/48，结业考试尚未通过".
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from certification.models import CertificateRule, CourseSelection
from certification.practice import practice_criteria
from cms.models import CoursePage, ProgramPage
from core.memo import scoped_memo
from courses.models import HoursSource
from courses.selectors import standing

ZERO = Decimal("0")


format_hours = standing.format_hours  # the one way hours are printed (issuing and renewal read it here)


@dataclass
class Criterion:
    """One requirement of a rule: what it asks for, where the trainee stands, and a sentence saying so.

    The sentence is rendered when read, in the language active then.
    """

    key: str
    met: bool
    message: object
    params: dict = field(default_factory=dict)
    current: Decimal | int = 0
    required: Decimal | int = 0

    @property
    def text(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


@dataclass
class Eligibility:
    program: ProgramPage
    rule: CertificateRule | None
    criteria: list[Criterion] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return self.rule is not None and all(c.met for c in self.criteria)

    @property
    def missing(self) -> list[Criterion]:
        return [c for c in self.criteria if not c.met]

    @property
    def explanation(self) -> str:
        """All criteria in one sentence, in the active language."""
        if self.rule is None:
            return _("This program does not issue certificates yet.")
        # Translators: separator between the parts of an eligibility explanation.
        return _(", ").join(c.text for c in self.criteria) or _("No requirements.")


@scoped_memo(key=lambda *, program: program.translation_key)
def rule_for(*, program: ProgramPage) -> CertificateRule | None:
    """The rule of ``program`` or of any of its translations."""
    return (
        CertificateRule.objects.filter(program__translation_key=program.translation_key)
        .select_related("program")
        .prefetch_related("exams__course")
        .first()
    )


def rule_hours_required(rule: CertificateRule) -> Decimal:
    """The hours ``rule`` requires: its minimum hours, else its program's required hours (0: none)."""
    return rule.min_hours if rule.min_hours is not None else (rule.program.required_hours or ZERO)


def program_hours_required(*, program: ProgramPage) -> Decimal | None:
    """The hours the certificate rule of ``program`` requires (0 when it asks for none), or None
    without a rule.

    Registered with ``courses.selectors.standing`` at start-up: its ``hours_required_for`` (the
    dashboard, the roster, the reports, the API) then shows the number eligibility compares with.
    """
    # One query (a screen asks this beside its own figures): rule_for would prefetch the exams too.
    rule = (
        CertificateRule.objects.filter(program__translation_key=program.translation_key)
        .select_related("program")
        .first()
    )
    if rule is None:
        return None
    return rule_hours_required(rule)  # 0 is the rule's answer, not a missing one


def required_courses(*, rule: CertificateRule) -> list[CoursePage]:
    """The courses a rule requires, in the program's language."""
    if rule.course_selection == CourseSelection.NONE:
        return []
    if rule.course_selection == CourseSelection.CHOSEN:
        return _in_code_order(rule.courses.all())
    return _level_courses(rule.program)


def hours_courses(*, rule: CertificateRule, required: list[CoursePage] | None = None) -> list[CoursePage]:
    """The courses whose hours count toward ``rule``: those it requires, or, when it requires none,
    every live course of its program's level, as the screens count a cohort's courses. Hours earned
    in another level's courses never count toward this certificate. ``required``: the rule's
    ``required_courses`` when the caller has them."""
    required = required_courses(rule=rule) if required is None else required
    return required or _level_courses(rule.program)


@scoped_memo(key=lambda program: (program.level, program.locale_id))
def _level_courses(program: ProgramPage) -> list[CoursePage]:
    return list(
        CoursePage.objects.live().filter(level=program.level, locale_id=program.locale_id).order_by("code")
    )


def _in_code_order(courses) -> list[CoursePage]:
    return sorted(courses, key=lambda course: (course.code, course.pk))


def programs_named_courses(*, programs: list[ProgramPage]) -> dict[int, list[CoursePage]]:
    """``{program id: required_courses}`` for each of ``programs`` whose rule names its courses
    (chosen ones, at least one). One query, however many programs.

    Registered with ``courses.selectors.standing`` at start-up: the dashboard, the roster, the
    reports, the API and the trainee record then count progress over the courses eligibility counts.
    A rule taking every course of the level counts the cohort's own (the same courses).
    """
    chosen: dict = {}
    for link in CertificateRule.courses.through.objects.filter(
        certificaterule__program__translation_key__in={program.translation_key for program in programs},
        certificaterule__course_selection=CourseSelection.CHOSEN,
    ).select_related("certificaterule__program", "coursepage"):
        chosen.setdefault(link.certificaterule.program.translation_key, []).append(link.coursepage)
    return {
        program.pk: _in_code_order(chosen[program.translation_key])
        for program in programs
        if program.translation_key in chosen
    }


def _offline_hours(*, user_ids, courses: list[CoursePage]) -> dict[int, Decimal]:
    """Offline attendance hours credited (standing: each course capped at its hours, as every hour is)."""
    return standing.credited_hours_total(user_ids=user_ids, courses=courses, source=HoursSource.OFFLINE)


def _exam_met(result: standing.ExamResult | None, requirement) -> bool:
    if result is None or not result.passed:
        return False
    return requirement.min_score is None or (result.percent or 0) >= requirement.min_score


def eligibility_for(*, user, program: ProgramPage, rule: CertificateRule | None = None) -> Eligibility:
    """Where ``user`` stands against the certification rule of ``program``, with one criterion per requirement.

    ``rule``: the program's rule when the caller has loaded it already (else it is looked up).
    """
    rule = rule or rule_for(program=program)
    return eligibility_for_users(user_ids=[user.pk], program=program, rule=rule)[user.pk]


def eligibility_for_users(
    *, user_ids, program: ProgramPage, rule: CertificateRule | None = None
) -> dict[int, Eligibility]:
    """``eligibility_for`` of each user in ``user_ids`` (a list), in a fixed number of queries
    (about nine) however many users: the bulk form for lists (bulk issuance, the cohort report).

    Courses completed, hours credited (each course capped at its hours) and exams passed are
    ``courses.selectors.standing``'s definitions; this module only combines them with the rule.
    """
    user_ids = list(user_ids)
    rule = rule or rule_for(program=program)
    if rule is None:
        return {pk: Eligibility(program=program, rule=None) for pk in user_ids}
    courses = required_courses(rule=rule)
    progress = standing.progress_for_users(user_ids=user_ids, courses=courses) if courses else {}
    required_hours = rule_hours_required(rule)
    counted = hours_courses(rule=rule, required=courses)
    hours = standing.credited_hours_total(user_ids=user_ids, courses=counted) if required_hours > 0 else {}
    offline = _offline_hours(user_ids=user_ids, courses=counted) if rule.min_offline_hours > 0 else {}
    exams = list(rule.exams.all())
    results = (
        standing.exam_results(user_ids=user_ids, course_keys=[r.course.translation_key for r in exams])
        if exams
        else {}
    )
    eligibilities = {
        pk: _eligibility(
            user_id=pk,
            program=program,
            rule=rule,
            courses=courses,
            progress=progress.get(pk, {}),
            hours=hours.get(pk, ZERO),
            required_hours=required_hours,
            offline=offline.get(pk) or ZERO,
            exams=exams,
            results=results,
        )
        for pk in user_ids
    }
    if rule.requires_practical:
        criteria = practice_criteria(user_ids=user_ids, program=program, criterion_class=Criterion)
        for pk, criterion in criteria.items():
            eligibilities[pk].criteria.append(criterion)
    return eligibilities


def _eligibility(
    *, user_id, program, rule, courses, progress, hours, required_hours, offline, exams, results
) -> Eligibility:
    result = Eligibility(program=program, rule=rule)
    if courses:
        done = sum(1 for course in courses if progress[course.pk].completed)
        result.criteria.append(
            Criterion(
                key="courses",
                met=done >= len(courses),
                current=done,
                required=len(courses),
                message=ngettext_lazy(
                    "%(done)d of %(total)d course complete",
                    "%(done)d of %(total)d courses complete",
                    len(courses),
                ),
                params={"done": done, "total": len(courses)},
            )
        )

    if required_hours > 0:
        result.criteria.append(
            Criterion(
                key="hours",
                met=hours >= required_hours,
                current=hours,
                required=required_hours,
                message=gettext_lazy("%(hours)s of %(required)s learning hours"),
                params={
                    "hours": format_hours(hours, against=required_hours),
                    "required": format_hours(required_hours, against=required_hours),
                },
            )
        )

    if rule.min_offline_hours > 0:
        result.criteria.append(
            Criterion(
                key="offline",
                met=offline >= rule.min_offline_hours,
                current=offline,
                required=rule.min_offline_hours,
                message=gettext_lazy("%(hours)s of %(required)s offline attendance hours"),
                params={
                    "hours": format_hours(offline, against=rule.min_offline_hours),
                    "required": format_hours(rule.min_offline_hours, against=rule.min_offline_hours),
                },
            )
        )

    def met(requirement) -> bool:
        return _exam_met(results.get((user_id, requirement.course.translation_key)), requirement)

    if len(exams) == 1:
        passed = met(exams[0])
        result.criteria.append(
            Criterion(
                key="exams",
                met=passed,
                current=int(passed),
                required=1,
                message=gettext_lazy("final exam passed")
                if passed
                else gettext_lazy("final exam not yet passed"),
            )
        )
    elif exams:
        passed = sum(1 for requirement in exams if met(requirement))
        result.criteria.append(
            Criterion(
                key="exams",
                met=passed >= len(exams),
                current=passed,
                required=len(exams),
                message=ngettext_lazy(
                    "%(passed)d of %(total)d exam passed", "%(passed)d of %(total)d exams passed", len(exams)
                ),
                params={"passed": passed, "total": len(exams)},
            )
        )
    return result
