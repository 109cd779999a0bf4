"""Excel files of the registrar reports. Pure: report figures in, .xlsx bytes out, no database."""

from django.utils import timezone
from django.utils.translation import gettext as _

from certification.models import CertificateStatus
from cms.choices import Level
from courses.reporting import Chart, Sheet, chart_sheet, workbook
from courses.selectors.standing import hours_shown

from .selectors import AnnualReport, CohortReport, ProgramYear, TraineeRow


def _generated_at() -> str:
    return _("Generated at %(when)s") % {"when": f"{timezone.localtime():%Y-%m-%d %H:%M}"}


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    return _("yes") if value else _("no")


def cohort_workbook(*, report: CohortReport, charts: list[Chart], trainees: list[TraineeRow]) -> bytes:
    """Summary, one sheet per chart, and every trainee with hours, exam result and certificate."""
    cohort = report.cohort
    learning = report.learning
    summary = Sheet(
        title=_("Summary"),
        intro=[
            _("Cohort report"),
            f"{cohort.code} {cohort.title}",
            f"{cohort.starts_on:%Y-%m-%d} – {cohort.ends_on:%Y-%m-%d}",
            _generated_at(),
        ],
        header=[_("Figure"), _("Value")],
        rows=[
            *([label, count] for label, count in report.funnel()),
            [_("Sat the exam"), report.sat],
            [_("Eligible for the certificate"), "—" if report.eligible is None else report.eligible],
            [_("Waiting (approval or waiting list)"), learning.waiting],
            [_("Rejected"), learning.rejected],
            [_("Withdrawn"), learning.withdrawn],
            [_("Hours required"), learning.hours_required],
            [_("Mean hours per trainee"), learning.hours_mean],
            [_("Trainees with the hours required"), learning.hours_met],
            [_("Hours delivered"), learning.hours_total],
            [_("Certificates issued"), report.certificates_total],
        ],
    )
    roster = Sheet(
        title=_("Trainees"),
        header=[
            _("Username"),
            _("Name"),
            _("Email"),
            _("Status"),
            _("Required lessons completed"),
            _("Courses completed"),
            _("Progress (%)"),
            _("Learning hours"),
            _("Hours beyond the courses' hours"),
            _("Exam passed"),
            _("Eligible for the certificate"),
            _("Why not yet"),
            _("Certificate"),
            _("Certificate status"),
            _("Enrolled at"),
        ],
        rows=[
            [
                row.username,
                row.name,
                row.email,
                row.status,
                row.lessons,
                row.courses,
                row.percent,
                hours_shown(row.hours),  # as every screen prints it: never rounded up to "met"
                row.hours_overflow,
                _yes_no(row.exam_passed),
                _yes_no(row.eligible),
                "" if row.eligible is not False else row.eligibility,
                row.certificate_serial,
                row.certificate_status,
                row.enrolled_at,
            ]
            for row in trainees
        ],
    )
    return workbook([summary, *(chart_sheet(chart) for chart in charts), roster])


def _program_cells(row: ProgramYear) -> list:
    return [
        row.trainees,
        row.completed,
        row.learners,
        row.hours,
        row.recorded,
        row.online,
        row.offline,
        row.manual,
        row.sat,
        row.passed,
        row.pass_rate,
        row.certificates,
        row.replacements,
        row.revoked,
    ]


def annual_header() -> list[str]:
    return [
        _("Level"),
        _("Program"),
        _("Trainees trained"),
        _("Trainees completed"),
        _("Trainees with hours"),
        _("Hours delivered"),
        _("Hours recorded"),
        _("Recorded online"),
        _("Recorded offline"),
        _("Recorded manually"),
        _("Sat an exam"),
        _("Passed"),
        _("Pass rate (%)"),
        _("Certificates issued"),
        _("Reissued or renewed"),
        _("Revoked"),
    ]


def annual_workbook(*, report: AnnualReport, base_name: str, accreditation_number: str) -> bytes:
    """The annual training report for the supervising authority: by program and level, and by month."""
    intro = [
        _("Annual training report %(year)d") % {"year": report.year},
        base_name + (f" · {_('Accreditation No.')} {accreditation_number}" if accreditation_number else ""),
        _generated_at(),
    ]
    by_program = Sheet(
        title=_("By program and level"),
        intro=intro,
        header=annual_header(),
        rows=[[row.level_label, row.program, *_program_cells(row)] for row in report.rows]
        + [[_("Total"), "", *_program_cells(report.total)]],
    )
    by_month = Sheet(
        title=_("By month"),
        header=[_("Month"), _("Hours delivered"), _("Certificates issued")],
        rows=[
            [
                f"{report.year}-{month:02d}",
                report.hours_by_month[month - 1],
                report.certificates_by_month[month - 1],
            ]
            for month in range(1, 13)
        ],
    )
    practice = Sheet(
        title=_("Practical assessment"),
        header=[
            _("Level"),
            _("Assignment"),
            _("Assessed"),
            _("Passed"),
            _("Pass rate (%)"),
            _("Mean score (%)"),
            _("Mean defence score"),
            _("Criterion"),
            _("Maximum points"),
            _("Mean points"),
        ],
        rows=_practice_rows(report.practice),
    )
    return workbook([by_program, by_month, practice])


def _practice_rows(practice) -> list[list]:
    """An assignment's figures, then one row per rubric criterion with its mean."""
    levels = dict(Level.choices)
    rows = []
    for row in practice:
        level = str(levels.get(row.level, row.level))
        rows.append(
            [level, row.title, row.assessed, row.passed, row.pass_rate, row.mean_percent, row.mean_defence]
        )
        rows += [[level, row.title, "", "", "", "", "", c.name, c.max_points, c.mean] for c in row.criteria]
    return rows


def registry_workbook(*, certificates) -> bytes:
    """The given certificates, one row each (``certificates`` may be a queryset: read once)."""
    rows = []
    for certificate in certificates:
        snapshot = certificate.snapshot or {}
        rows.append(
            [
                certificate.serial,
                snapshot.get("holder_name", ""),
                certificate.user.get_username(),
                certificate.program.title,
                str(Level(certificate.program.level).label) if certificate.program.level else "",
                certificate.cohort.code if certificate.cohort_id else "",
                str(CertificateStatus(certificate.status).label),
                certificate.status_reason,
                certificate.issued_at,
                certificate.expires_at,
                snapshot.get("hours", ""),
            ]
        )
    return workbook(
        [
            Sheet(
                title=_("Certificates"),
                header=[
                    _("Serial number"),
                    _("Holder"),
                    _("Username"),
                    _("Program"),
                    _("Level"),
                    _("Cohort"),
                    _("Status"),
                    _("Reason for the status"),
                    _("Issued at"),
                    _("Valid until"),
                    _("Learning hours"),
                ],
                rows=rows,
            )
        ]
    )
