"""The annual training report as a printable PDF/A-3b (A4 portrait), with WeasyPrint and the CJK
fonts the certificates use, set in one typeface that every PDF reader draws alike. Pure: report figures
in, PDF bytes out; nothing fetched, no database."""

from django.template.loader import render_to_string

from certification import pdf
from cms.choices import Level

from .selectors import AnnualReport

PAGE_CSS = """
@page { size: A4 portrait; margin: 18mm 16mm 20mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
"""


def _bar_widths(values: list) -> list[int]:
    """Each value as a share (0–100) of the largest, for the bars drawn with CSS."""
    largest = max((float(v) for v in values), default=0)
    return [int(float(v) * 100 / largest) if largest else 0 for v in values]


def _practice_rows(practice: list, *, english: bool) -> list[dict]:
    """The practical assessment's figures per assignment, named in the report's language."""
    levels = dict(Level.choices)

    def named(item, name: str) -> str:
        return (english and getattr(item, f"{name}_en", "")) or getattr(item, name)

    return [
        {
            "level": levels.get(row.level, row.level),
            "title": named(row, "title"),
            "row": row,
            "criteria": [
                {"name": named(c, "name"), "mean": c.mean, "max_points": c.max_points} for c in row.criteria
            ],
        }
        for row in practice
    ]


def annual_report_pdf(
    *, report: AnnualReport, base_name: str, accreditation_number: str, generated_at, language: str
) -> bytes:
    """Render the annual report. The caller activates the language the report is printed in."""
    months = [
        {
            "month": month,
            "hours": hours,
            "certificates": certificates,
            "hours_bar": hours_bar,
            "cert_bar": cert_bar,
        }
        for month, hours, certificates, hours_bar, cert_bar in zip(
            range(1, 13),
            report.hours_by_month,
            report.certificates_by_month,
            _bar_widths(report.hours_by_month),
            _bar_widths(report.certificates_by_month),
            strict=True,
        )
    ]
    html = render_to_string(
        "certification/reports/annual_pdf.html",
        {
            "report": report,
            "months": months,
            "practice": _practice_rows(report.practice, english=language == "en"),
            "base_name": base_name,
            "accreditation_number": accreditation_number,
            "generated_at": generated_at,
            "lang": language,
        },
    )
    # The certificates' renderer: their fonts, the one-typeface rule and the data:-only fetcher; and
    # their archival format (PDF/A-3b), the report being filed as the certificates are.
    shared = pdf.renderer()
    return shared.write(html, stylesheets=[shared.stylesheet(PAGE_CSS)], pdf_variant=pdf.PDF_VARIANT)
