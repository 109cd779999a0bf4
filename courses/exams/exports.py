"""Excel export of a paper's results and item statistics (openpyxl). Pure: data in, bytes out."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from core.spreadsheets import append_row, save


def _sheet(workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title)
    append_row(sheet, header, bold=True)
    for row in rows:
        append_row(sheet, row)  # a trainee's name is never a formula
    sheet.freeze_panes = "A2"


def results_workbook(
    *, paper, attempts, statistics: list[dict], identity, distribution: list | None = None
) -> bytes:
    """Results (one row per attempt), question statistics and, if given, the score distribution
    (``(band label, attempts)`` pairs), one sheet each. ``identity(attempt)`` gives the (username,
    name) the reader may see (``grading.examinee_identity``: a code while a blind paper is graded)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    local = timezone.localtime
    _sheet(
        workbook,
        _("Results"),
        [
            _("Username"),
            _("Name"),
            _("Attempt"),
            _("Status"),
            _("Score"),
            pgettext("points", "Maximum"),
            _("Percent"),
            _("Passed"),
            _("Started"),
            pgettext("exam", "Submitted"),
            _("How submitted"),
        ],
        [
            [
                *identity(a),
                a.number,
                str(a.get_status_display()),
                float(a.score) if a.score is not None else None,
                float(a.max_score),
                float(a.percent) if a.percent is not None else None,
                None if a.passed is None else (_("yes") if a.passed else _("no")),
                local(a.started_at).replace(tzinfo=None),
                local(a.submitted_at).replace(tzinfo=None) if a.submitted_at else None,
                str(a.get_submitted_by_display()) if a.submitted_by else "",
            ]
            for a in attempts
        ],
    )
    _sheet(
        workbook,
        _("Questions"),
        [_("Question"), _("Answers"), _("Facility"), _("Discrimination (r)"), _("Upper − lower 27%")],
        [
            [row["label"], row["count"], row["facility"], row["discrimination"], row["upper_lower"]]
            for row in statistics
        ],
    )
    if distribution is not None:
        _sheet(
            workbook,
            _("Score distribution"),
            [_("Score (%)"), _("Attempts")],
            [list(r) for r in distribution],
        )
    return save(workbook)
