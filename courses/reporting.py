"""Building blocks of the staff reports. Pure: figures in, chart data, tables or bytes out.

A report's selector computes its figures in the database; its view turns them into ``Chart``s.
The template includes ``courses/reports/chart.html`` for each chart: the figure is drawn by
``courses/static/courses/reports/charts.js`` with the bundled Apache ECharts from the chart's JSON
(``json_script``), and the same data is printed as a table beneath it, so the page reads without
JavaScript, with a screen reader and on paper. ``workbook`` (``core.spreadsheets``) writes the report's
tables to Excel.
"""

from dataclasses import dataclass
from decimal import Decimal

from core.spreadsheets import XLSX, Sheet, workbook, xlsx_response

__all__ = ["XLSX", "Chart", "Series", "Sheet", "chart_sheet", "plain", "share", "workbook", "xlsx_response"]
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


# --- Excel: the project's one spreadsheet writer (``core.spreadsheets``) -------------------------


def chart_sheet(chart: Chart, *, title: str | None = None) -> Sheet:
    return Sheet(title=title or chart.title, header=chart.table_header(), rows=chart.table_rows())
