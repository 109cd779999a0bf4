"""Reads of the registrar reports. Each report runs a fixed number of queries, however many trainees
or certificates it covers: figures are aggregates in the database, never a loop over rows.

The learning half comes from ``courses.selectors.reports`` and the exams from
``courses.exams.selectors``; certificates are added here (imports point certification → courses).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DateField, Q, QuerySet
from django.db.models.functions import ExtractMonth, TruncMonth, TruncWeek
from django.utils.translation import pgettext
from wagtail.models import Locale

from certification.eligibility import Eligibility, eligibility_for_users, rule_for
from certification.models import Certificate, CertificateEvent, CertificateStatus
from cms.choices import Level
from cms.models import ProgramPage
from courses.exams import report_selectors as exam_selectors
from courses.models import Cohort, EnrolmentStatus
from courses.practice import reports as practice_reports
from courses.selectors import exam_results, roster, roster_progress
from courses.selectors import reports as learning_reports

# Certificates that show their holder is (or was) certified: not revoked, not replaced.
CERTIFIED_STATUSES = (CertificateStatus.ISSUED, CertificateStatus.SUSPENDED, CertificateStatus.EXPIRED)


def _status_counts() -> dict:
    return {status: Count("pk", filter=Q(status=status)) for status in CertificateStatus.values}


# --- Cohort report --------------------------------------------------------------------------


def cohort_certificates(*, cohort: Cohort) -> QuerySet[Certificate]:
    """Certificates of the cohort's trainees earned through it: issued for the cohort (bulk
    issuance), or, for a program cohort, any certificate of the program (automatic issuing
    records no cohort)."""
    condition = Q(cohort=cohort)
    if cohort.program_id:
        condition |= Q(program__translation_key=cohort.program.translation_key)
    return Certificate.objects.filter(
        condition, user_id__in=learning_reports.cohort_member_ids(cohort=cohort)
    )


@dataclass
class CohortReport:
    learning: learning_reports.CohortLearning
    sat: int
    passed: int
    certified: int
    eligible: int | None  # members who meet the program's rule now; None for a course cohort
    certificates_by_status: dict[str, int]
    certificates_by_week: dict[datetime.date, int] = field(default_factory=dict)
    eligibility: dict[int, Eligibility] = field(default_factory=dict)  # by member's user id

    @property
    def cohort(self) -> Cohort:
        return self.learning.cohort

    @property
    def certificates_total(self) -> int:
        return sum(self.certificates_by_status.values())

    def funnel(self) -> list[tuple[str, int]]:
        """The enrolment funnel: applied → enrolled → completed → passed → certified."""
        return [
            (pgettext("funnel", "Applied"), self.learning.applied),
            (pgettext("funnel", "Enrolled"), self.learning.enrolled),
            (pgettext("funnel", "Completed"), self.learning.completed),
            (pgettext("funnel", "Passed"), self.passed),
            (pgettext("funnel", "Certified"), self.certified),
        ]


def cohort_eligibility(*, cohort: Cohort) -> dict[int, Eligibility]:
    """Each member's standing against the program's rule (``certification.eligibility``, in bulk);
    empty for a course cohort or a program without a rule."""
    if not cohort.program_id:
        return {}
    rule = rule_for(program=cohort.program)
    if rule is None:
        return {}
    member_ids = list(learning_reports.cohort_member_ids(cohort=cohort).values_list("user_id", flat=True))
    return eligibility_for_users(user_ids=member_ids, program=cohort.program, rule=rule)


def cohort_report(*, cohort: Cohort, today: datetime.date | None = None) -> CohortReport:
    """The cohort report's figures: a fixed number of queries whatever the cohort's size."""
    learning = learning_reports.cohort_learning(cohort=cohort, today=today)
    certificates = cohort_certificates(cohort=cohort)
    eligibility = cohort_eligibility(cohort=cohort)
    # Sat and passed count the rows' "Exam passed" cells: the funnel is the table's own sum.
    exams = exams_passed(
        user_ids=learning_reports.cohort_member_ids(cohort=cohort),
        courses=learning.courses,
        eligibility=eligibility,
    )
    figures = certificates.aggregate(
        certified=Count("user", distinct=True, filter=Q(status__in=CERTIFIED_STATUSES)), **_status_counts()
    )
    # The trend's "Certified" ends where the funnel's does: holders of a certificate that counts
    # (CERTIFIED_STATUSES; a revoked one does not), each once, in the week it was issued.
    by_week = dict(
        certificates.filter(status__in=CERTIFIED_STATUSES)
        .annotate(week=TruncWeek("issued_at", output_field=DateField()))
        .values("week")
        .annotate(n=Count("user", distinct=True))
        .values_list("week", "n")
        .order_by()
    )
    return CohortReport(
        learning=learning,
        eligible=sum(1 for e in eligibility.values() if e.eligible) if cohort.program_id else None,
        eligibility=eligibility,
        sat=len(exams),
        passed=sum(1 for passed in exams.values() if passed),
        certified=figures.pop("certified"),
        certificates_by_status=figures,
        certificates_by_week=by_week,
    )


@dataclass
class TraineeRow:
    username: str
    name: str
    email: str
    status: str
    lessons: str
    hours: Decimal
    exam_passed: bool | None
    certificate_serial: str
    certificate_status: str
    enrolled_at: datetime.datetime
    courses: str = ""  # courses completed of the cohort's courses, "3/12"
    percent: int = 0
    hours_overflow: Decimal = Decimal("0")
    eligible: bool | None = None  # None: a course cohort, or a program without a rule
    eligibility: str = ""  # the explanation, in the active language


def _exam_passed(sat: bool | None, standing: Eligibility | None) -> bool | None:
    """The "Exam passed" cell: None ("—") before any released result; else, when the program's rule
    requires exams, eligibility's exam criterion (the rule's exams and minimum scores, so the column
    never says "yes" to a pass the rule does not accept); else whether any counted attempt passed."""
    if sat is None:
        return None
    criterion = next((c for c in standing.criteria if c.key == "exams"), None) if standing else None
    return criterion.met if criterion is not None else sat


def exams_passed(*, user_ids, courses, eligibility: dict[int, Eligibility]) -> dict[int, bool]:
    """The "Exam passed" cell of each trainee in ``user_ids`` (a list or a subquery) who has a
    released result at an exam of ``courses`` (``_exam_passed``); absent: none yet ("—"). The rows
    and the funnel's "Passed" both read it. One query."""
    results = exam_results(user_ids=user_ids, course_keys=[c.translation_key for c in courses])
    sat: dict[int, bool] = {}
    for (user_id, _key), result in results.items():
        sat[user_id] = sat.get(user_id, False) or result.passed
    return {user_id: _exam_passed(passed, eligibility.get(user_id)) for user_id, passed in sat.items()}


def cohort_trainees(
    *, cohort: Cohort, eligibility: dict[int, Eligibility] | None = None, hours_required=None
) -> list[TraineeRow]:
    """One row per trainee of the cohort (the roster) with their exam result and certificate.
    Five queries, whatever the cohort's size."""
    rows, required, courses = roster(cohort=cohort)
    eligibility = cohort_eligibility(cohort=cohort) if eligibility is None else eligibility
    passed = exams_passed(user_ids=rows.values("user_id"), courses=courses, eligibility=eligibility)
    certificates = {}
    for user_id, serial, status in (
        cohort_certificates(cohort=cohort)
        .exclude(status=CertificateStatus.SUPERSEDED)
        .order_by("issued_at", "pk")
        .values_list("user_id", "serial", "status")
    ):
        certificates[user_id] = (serial, CertificateStatus(status).label)
    result = []
    for row in roster_progress(
        rows=rows.iterator(chunk_size=2000), cohort=cohort, courses=courses, hours_required=hours_required
    ):
        serial, certificate_status = certificates.get(row.user_id, ("", ""))
        standing = eligibility.get(row.user_id)
        user = row.user
        result.append(
            TraineeRow(
                username=user.username,
                name=f"{user.first_name} {user.last_name}".strip(),
                email=user.email,
                status=str(EnrolmentStatus(row.status).label),
                lessons=f"{row.lessons_done}/{required}",
                hours=row.hours,
                exam_passed=passed.get(row.user_id),
                certificate_serial=serial,
                certificate_status=str(certificate_status),
                enrolled_at=row.created_at,
                courses=f"{row.progress.courses_done}/{row.progress.courses_total}",
                percent=row.progress.percent,
                hours_overflow=row.progress.hours_overflow,
                eligible=standing.eligible if standing else None,
                eligibility=standing.explanation if standing else "",
            )
        )
    return result


# --- Annual report --------------------------------------------------------------------------


@dataclass
class ProgramYear:
    """One row of the annual report: a program (one per level) and its figures for the year."""

    level: str
    level_label: str
    program: str
    trainees: int = 0
    completed: int = 0
    learners: int = 0
    hours: Decimal = Decimal("0")  # credited (``standing``): each course's hours at most
    recorded: Decimal = Decimal("0")  # the ledger's entries of the year, before the cap
    online: Decimal = Decimal("0")  # recorded, by source
    offline: Decimal = Decimal("0")
    manual: Decimal = Decimal("0")
    sat: int = 0
    passed: int = 0
    certificates: int = 0
    replacements: int = 0
    revoked: int = 0

    @property
    def pass_rate(self) -> Decimal | None:
        if not self.sat:
            return None
        return (Decimal(self.passed) * 100 / self.sat).quantize(Decimal("0.1"))


@dataclass
class AnnualReport:
    year: int
    rows: list[ProgramYear]
    total: ProgramYear
    hours_by_month: list[Decimal]
    certificates_by_month: list[int]
    # The practical assessment (实务考核): per assignment, results released in the year.
    practice: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        t = self.total
        return not (t.trainees or t.hours or t.sat or t.certificates or t.revoked)


_SUMMED = (
    "trainees",
    "completed",
    "learners",
    "hours",
    "recorded",
    "online",
    "offline",
    "manual",
    "sat",
    "passed",
    "certificates",
    "replacements",
    "revoked",
)


def annual_report(*, year: int) -> AnnualReport:
    """Trainees trained, hours credited (beside the hours recorded, by source), pass rates and certificates by program and level for
    ``year``, with the monthly hours and certificates. Eight queries, whatever the volume.

    The practical assessment: per assignment, results released in the year (number assessed, pass
    rate, mean score and mean per criterion), two queries more.

    Certificates: first certificates issued in the year, replacements (reissues and renewals)
    apart; revoked: revocations recorded during the year.
    """
    learning = learning_reports.annual_learning(year=year)
    exams = exam_selectors.annual_exam_figures(year=year)
    issued = (
        Certificate.objects.filter(issued_at__year=year)
        .values("program__level")
        .annotate(
            first=Count("pk", filter=Q(supersedes__isnull=True)),
            replacements=Count("pk", filter=Q(supersedes__isnull=False)),
        )
        .order_by()
    )
    revoked = dict(
        CertificateEvent.objects.filter(action="revoked", created_at__year=year)
        .values("certificate__program__level")
        .annotate(n=Count("certificate", distinct=True))
        .values_list("certificate__program__level", "n")
        .order_by()
    )
    monthly = dict(
        Certificate.objects.filter(issued_at__year=year)
        .annotate(month=ExtractMonth("issued_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
        .order_by()
    )
    programs = dict(
        ProgramPage.objects.filter(locale=Locale.get_default()).order_by("path").values_list("level", "title")
    )

    levels = {
        level: ProgramYear(level=level, level_label=str(label), program=programs.get(level, "—"))
        for level, label in Level.choices
    }
    for level, figures in learning.by_level.items():
        row = levels.get(level)
        if row is None:
            continue
        for name in ("trainees", "completed", "learners", "hours", "recorded", "online", "offline", "manual"):
            setattr(row, name, getattr(figures, name))
    for level, figures in exams.items():
        if level in levels:
            levels[level].sat, levels[level].passed = figures["sat"], figures["passed"]
    for row in issued:
        if row["program__level"] in levels:
            levels[row["program__level"]].certificates = row["first"]
            levels[row["program__level"]].replacements = row["replacements"]
    for level, count in revoked.items():
        if level in levels:
            levels[level].revoked = count

    rows = [
        row
        for level, row in levels.items()
        if level in programs or any(getattr(row, name) for name in _SUMMED)
    ]
    total = ProgramYear(level="", level_label="", program="")
    for name in _SUMMED:
        setattr(total, name, sum((getattr(row, name) for row in rows), type(getattr(total, name))()))
    return AnnualReport(
        year=year,
        rows=rows,
        total=total,
        hours_by_month=learning.hours_by_month,
        certificates_by_month=[monthly.get(month, 0) for month in range(1, 13)],
        practice=practice_reports.annual_practice(year=year),
    )


# --- Certificate registry -------------------------------------------------------------------


def registry_certificates(
    *,
    query: str = "",
    status: str = "",
    program: ProgramPage | None = None,
    cohort: Cohort | None = None,
    issued_from: datetime.date | None = None,
    issued_to: datetime.date | None = None,
) -> QuerySet[Certificate]:
    """Certificates matching the registry's filters, newest first, with holder, program and cohort."""
    certificates = Certificate.objects.select_related("user", "program", "cohort")
    if query:
        certificates = certificates.filter(
            Q(serial__icontains=query)
            | Q(user__username__icontains=query)
            | Q(snapshot__holder_name__icontains=query)
        )
    if status:
        certificates = certificates.filter(status=status)
    if program is not None:
        certificates = certificates.filter(program__translation_key=program.translation_key)
    if cohort is not None:
        certificates = certificates.filter(cohort=cohort)
    if issued_from:
        certificates = certificates.filter(issued_at__date__gte=issued_from)
    if issued_to:
        certificates = certificates.filter(issued_at__date__lte=issued_to)
    return certificates.order_by("-issued_at", "-pk")


@dataclass
class RegistryFigures:
    total: int
    by_status: dict[str, int]
    by_month: list[tuple[datetime.date, int]]


def registry_figures(*, certificates: QuerySet[Certificate], months: int = 24) -> RegistryFigures:
    """Counts by status and certificates issued per month (the latest ``months``) of a registry
    selection. Two queries."""
    plain = certificates.order_by().select_related(None)
    by_status = plain.aggregate(**_status_counts())
    per_month = dict(
        plain.annotate(month=TruncMonth("issued_at", output_field=DateField()))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return RegistryFigures(
        total=sum(by_status.values()), by_status=by_status, by_month=month_series(per_month, months=months)
    )


def month_series(counts: dict[datetime.date, int], *, months: int) -> list[tuple[datetime.date, int]]:
    """Every month from the first to the last with a count (gaps as 0), the latest ``months`` only."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    series = []
    month = first.replace(day=1)
    while month <= last:
        series.append((month, counts.get(month, 0)))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return series[-months:]
