"""The one spreadsheet writer: every Excel and CSV export of the project writes its cells through here.

Here, in the bottom layer (core), so that every app shares it. Pure: values in, cells, rows or
bytes out. What it guarantees for each cell:

- Text is never a formula. A trainee named ``=HYPERLINK(...)``, ``+1``, ``-1+2``, ``@SUM(A1)`` or
  ``\\t=1`` is written as a text cell (``data_type`` "s"), with Excel's quote prefix when it starts
  like a formula (Excel shows it as typed and keeps it text when edited); the value is unchanged,
  so what is read back is what was written. In CSV, which has no cell types, such text gets the
  leading apostrophe OWASP recommends.
- Control characters a worksheet cannot hold are dropped (openpyxl would refuse the whole file).
- Decimals become numbers, aware datetimes local naive ones (Excel has no time zones), anything
  else of an unknown type its text.

Both openpyxl modes are served: ``append_row(sheet, values)`` works on a normal and a write-only
worksheet alike. ``workbook(sheets)`` builds a whole file of ``Sheet``s with bold, frozen headers.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.downloads import attachment_response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What makes a spreadsheet program read text as a formula (full-width forms too: an input method
# may turn them into the ASCII ones), and the tab and carriage return that can hide them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet program could take ``text`` for a formula (leading spaces ignored)."""
    return text.startswith(FORMULA_STARTS) or text.lstrip(" ").startswith(FORMULA_STARTS)


def excel_value(value):
    """``value`` as Excel can hold it; text comes back cleaned of illegal characters, still plain text."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        # To the second: what a record needs, and what Excel's day fractions hold exactly.
        return (
            timezone.localtime(value).replace(tzinfo=None, microsecond=0)
            if timezone.is_aware(value)
            else value
        )
    if isinstance(value, date):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def excel_cell(sheet, value, *, bold: bool = False) -> Cell:
    """A cell of ``sheet`` (normal or write-only) holding ``value``; text is always a text cell."""
    value = excel_value(value)
    cell = Cell(sheet, row=1, column=1, value=value)  # placed by append (as WriteOnlyCell does)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make text starting with "=" a formula
        if looks_like_formula(value):
            cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def append_row(sheet, values, *, bold: bool = False) -> None:
    """Append ``values`` as the next row of ``sheet``, every one through ``excel_cell``."""
    sheet.append([excel_cell(sheet, value, bold=bold) for value in values])


def csv_value(value):
    """``value`` for a CSV file: text that a spreadsheet could take for a formula gets a leading "'"."""
    value = excel_value(value)
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_value(value) for value in values]


def save(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- Whole workbooks -------------------------------------------------------------------------


@dataclass
class Sheet:
    """One worksheet: optional lines of context above a bold header row and the data rows."""

    title: str
    header: list[str]
    rows: list[list]
    intro: list[str] = field(default_factory=list)


def sheet_title(title: str, used: set[str]) -> str:
    """A worksheet name Excel accepts (no []:*?/\\, at most 31 characters), unique among ``used``."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in str(title)).strip()[:31] or "Sheet"
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", cleaned) or "Sheet"
    candidate, number = cleaned, 2
    while candidate in used:
        suffix = f" ({number})"
        candidate, number = cleaned[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate


def workbook(sheets: list[Sheet]) -> bytes:
    """An .xlsx file of ``sheets``; a header row stays frozen at the top of each."""
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for spec in sheets:
        sheet = book.create_sheet(sheet_title(spec.title, used))
        for line in spec.intro:
            append_row(sheet, [line])
        if spec.intro:
            sheet.append([])
        append_row(sheet, [str(h) for h in spec.header], bold=True)
        header_row = sheet.max_row
        for row in spec.rows:
            append_row(sheet, row)
        sheet.freeze_panes = f"A{header_row + 1}"
        for index, title in enumerate(spec.header, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(
                10, min(40, len(str(title)) * 2 + 2)
            )
    return save(book)


def xlsx_response(content: bytes, *, filename: str) -> HttpResponse:
    """A workbook as a download (``core.downloads``: private, never stored)."""
    return attachment_response(content, filename=filename, content_type=XLSX)
