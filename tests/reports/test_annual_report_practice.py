"""The annual report's PDF gives the practical assessment its section (四、实务考核), as the page and
the workbook do: per assignment its level, the number assessed and passed, the pass rate, the mean
score and defence score and the mean points per rubric criterion, named in the report's language;
the PDF stays PDF/A-3b, set in the one typeface. No section when no result was released."""

import io
from datetime import UTC, datetime
from decimal import Decimal

import pymupdf
import pytest
from django.utils import translation
from pypdf import PdfReader

from certification.reports.pdf import annual_report_pdf
from certification.reports.selectors import AnnualReport, ProgramYear
from courses.practice.reports import CriterionMean, PracticeYear


def _report(*, practice) -> AnnualReport:
    row = ProgramYear(level="advanced", level_label="高级", program="高级技术经理人培训项目", trainees=3)
    return AnnualReport(
        year=2026,
        rows=[row],
        total=row,
        hours_by_month=[Decimal(2)] * 12,
        certificates_by_month=[0] * 12,
        practice=practice,
    )


def _render(report: AnnualReport, language: str) -> bytes:
    with translation.override(language):
        return annual_report_pdf(
            report=report,
            base_name="国家技术转移人才培养基地",
            accreditation_number="GJJS-2026-017",
            generated_at=datetime(2026, 12, 31, 8, 0, tzinfo=UTC),
            language=language,
        )


def _text(data: bytes) -> str:
    """The PDF's text without white space: table cells wrap Chinese anywhere."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return "".join(text.split())


PRACTICE = [
    PracticeYear(
        assignment_id=1,
        title="高级实务项目报告<b>（2026 春季）</b>",
        title_en="Advanced practical project report",
        level="advanced",
        assessed=4,
        passed=3,
        mean_percent=Decimal("76.5"),
        mean_defence=Decimal("81.3"),
        criteria=[
            CriterionMean(
                name="问题分析", name_en="Analysis", max_points=Decimal("40"), mean=Decimal("31.5")
            ),
            CriterionMean(name="方案设计", name_en="Deal design", max_points=Decimal("40"), mean=None),
        ],
    )
]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh-hans",
            [
                "四、实务考核",
                "高级实务项目报告<b>（2026 春季）</b>",
                "高级",
                "75.0",
                "76.5",
                "81.3",
                "问题分析 31.5/40",
                "方案设计 —/40",
                "答辩平均分",
            ],
        ),
        (
            "en",
            [
                "4. Practical assessment",
                "Advanced practical project report",
                "75.0",
                "Analysis 31.5/40",
                "Deal design —/40",
            ],
        ),
    ],
)
def test_the_pdf_has_the_practical_assessment_section(language, expected):
    data = _render(_report(practice=PRACTICE), language)
    text = _text(data)
    for words in expected:
        assert "".join(words.split()) in text, words
    if language == "en":
        assert "问题分析" not in text and "高级实务项目报告" not in text
    # Still PDF/A-3b, in the one typeface of the other sections.
    with pymupdf.open(stream=data, filetype="pdf") as document:
        xmp = document.get_xml_metadata()
        fonts = {
            font[3].split("+")[-1].removesuffix("-Bold") for page in document for font in page.get_fonts()
        }
    assert "<pdfaid:part>3</pdfaid:part>" in xmp or 'pdfaid:part="3"' in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp or 'pdfaid:conformance="B"' in xmp
    assert fonts == {"TTA-Serif-SC"}


def test_no_section_without_released_results():
    text = _text(_render(_report(practice=[]), "zh-hans"))
    assert "实务考核" not in text and "三、每月培训学时与发证数量" in text
