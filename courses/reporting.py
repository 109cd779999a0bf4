"""Building blocks of the staff reports. Pure: figures in, chart data, tables or bytes out.

A report's selector computes its figures in the database; its view turns them into ``Chart``s.
The template includes ``courses/reports/chart.html`` for each chart: the figure is drawn by
``courses/static/courses/reports/charts.js`` with the bundled Apache ECharts from the chart's JSON
(``json_script``), and the same data is printed as a table beneath it, so the page reads without
JavaScript, with a screen reader and on paper. ``workbook`` writes the report's tables to Excel.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_KINDS = ("bar", "hbar", "line", "pie", "scatter")


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass
class Series:
    name: str
    values: list
    # "bar" or "line" to mix kinds in one chart; empty: the chart's kind.
    kind: str = ""
    # 1 puts the series on a second y axis (right).
    axis: int = 0


@dataclass
class Chart:
    """One chart and its data. ``categories`` label the x axis (or the slices, or the points);
    each series has one value per category. A scatter plots series 0 (x) against series 1 (y)."""

    key: str
    title: str
    kind: str
    categories: list[str]
    series: list[Series]
    x_label: str = ""
    y_label: str = ""
    y2_label: str = ""
    # Values are shares in percent (axis and table show %).
    percent: bool = False
    # A vertical marker on a bar chart's category axis (e.g. the pass mark), by category index.
    mark_category: int | None = None
    mark_label: str = ""
    note: str = ""
    category_header: str = ""

    def __post_init__(self):
        if self.kind not in CHART_KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")

    @property
    def empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values if v is not None)

    @property
    def element_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def data_id(self) -> str:
        return f"chart-{self.key}-data"

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "kind": self.kind,
            "categories": [str(c) for c in self.categories],
            "series": [
                {"name": s.name, "values": [_number(v) for v in s.values], "kind": s.kind, "axis": s.axis}
                for s in self.series
            ],
            "xLabel": self.x_label,
            "yLabel": self.y_label,
            "y2Label": self.y2_label,
            "percent": self.percent,
            "markCategory": self.mark_category,
            "markLabel": self.mark_label,
        }

    def table_header(self) -> list[str]:
        return [self.category_header or self.x_label, *(s.name for s in self.series)]

    def table_rows(self) -> list[list]:
        """The chart's data as rows (category first): the fallback table and the Excel sheet."""
        return [
            [category, *(_number(s.values[i]) if i < len(s.values) else None for s in self.series)]
            for i, category in enumerate(self.categories)
        ]


def share(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """``part`` of ``whole`` in percent with one decimal, or None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent: 60.00 → "60", 7.50 → "7.5"."""
    return f"{value.normalize():f}"


# --- Excel ------------------------------------------------------------------------------------


@dataclass
class Sheet:
    """One worksheet: optional lines of context above a bold header row and the data rows."""

    title: str
    header: list[str]
    rows: list[list]
    intro: list[str] = field(default_factory=list)


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date):
        return value
    if value is None or isinstance(value, int | float | str | bool):
        return value
    return str(value)


def _safe_title(title: str, used: set[str]) -> str:
    # Excel refuses []:*?/\ in sheet names and more than 31 characters.
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in str(title)).strip()[:31] or "Sheet"
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
        sheet = book.create_sheet(_safe_title(spec.title, used))
        for line in spec.intro:
            sheet.append([_cell(line)])
        if spec.intro:
            sheet.append([])
        sheet.append([str(h) for h in spec.header])
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        for row in spec.rows:
            sheet.append([_cell(v) for v in row])
        sheet.freeze_panes = f"A{header_row + 1}"
        for index, title in enumerate(spec.header, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(
                10, min(40, len(str(title)) * 2 + 2)
            )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def chart_sheet(chart: Chart, *, title: str | None = None) -> Sheet:
    return Sheet(title=title or chart.title, header=chart.table_header(), rows=chart.table_rows())


def xlsx_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
