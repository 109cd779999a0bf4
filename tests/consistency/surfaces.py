"""Reading one trainee's numbers out of each surface as a user sees it (HTML, JSON, the Excel file).

Shared by the consistency tests (``test_one_truth`` on trainees built in every state, and
``test_demo_consistency`` on what the demo loaders produce), so both read the screens the same way.
"""

import io
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

EXCEL_COLUMNS = (
    "Username",
    "Courses completed",
    "Progress (%)",
    "Learning hours",
    "Exam passed",
    "Eligible for the certificate",
    "Certificate",
)


def number(text) -> Decimal:
    """A figure as printed, without trailing zeros: '48.0' and '48' compare equal."""
    return Decimal(str(text)).normalize()


def dashboard(client, user) -> tuple[int, Decimal, Decimal]:
    """The trainee's first cohort card on 我的学习: (percent, hours credited, hours required)."""
    client.force_login(user)
    page = client.get(reverse("courses:dashboard"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    card = re.search(r'aria-valuenow="(\d+)".*?\1% · \D*?([\d.]+)\D+?([\d.]+)', page, re.S)
    return int(card.group(1)), number(card.group(2)), number(card.group(3))


def api_progress(client, user) -> tuple[int, Decimal, int, bool]:
    """The trainee's first cohort in the API: (courses completed, hours, percent, completed)."""
    client.force_login(user)
    mine = client.get("/api/v1/me/progress/").json()["cohorts"][0]
    return mine["courses_completed"], number(mine["hours"]), mine["percent"], mine["completed"]


def roster_row(client, cohort, query: str) -> tuple[int, int, Decimal]:
    """The roster row found by ``query`` (signed in as staff): (courses done, percent, hours)."""
    page = client.get(reverse("courses:staff_roster", args=[cohort.pk]), {"q": query}).content.decode()
    row = re.search(
        r'data-courses="(\d+)/\d+".*?class="roster-percent">(\d+)%.*?class="roster-hours">([\d.]+)',
        page,
        re.S,
    )
    return int(row.group(1)), int(row.group(2)), number(row.group(3))


def roster_api(client, cohort, sort: str = "name") -> dict[str, tuple[int, int, Decimal, Decimal]]:
    """The roster API by username, in the API's order: (courses completed, percent, hours, hours overflow)."""
    rows, url = {}, f"/api/v1/cohorts/{cohort.pk}/enrolments/?page_size=100&sort={sort}"
    while url:
        body = client.get(url).json()
        for row in body["results"]:
            rows[row["trainee"]["username"]] = (
                row["courses_completed"],
                row["percent"],
                number(row["hours"]),
                number(row["hours_overflow"]),
            )
        url = body.get("next")
    return rows


def preview_groups(client, cohort) -> dict[int, str]:
    """Bulk issuance's preview by user id: 'issue', 'held' or 'not-eligible'."""
    preview = client.get(reverse("certificate_batch_preview"), {"cohort": cohort.pk}).content.decode()
    groups = {}
    for group in ("issue", "held", "not-eligible"):
        found = re.search(rf'id="preview-{group}-rows".*?</(ul|table)>', preview, re.S)
        for user_id in re.findall(r'data-user="(\d+)"', found.group(0) if found else ""):
            groups[int(user_id)] = group
    return groups


def excel_rows(client, cohort) -> tuple[dict[str, dict], str, str]:
    """The cohort report's Excel sheet of trainees by username, with its words for yes and no."""
    export = client.get(reverse("cohort_report_export", args=[cohort.pk]), HTTP_ACCEPT_LANGUAGE="en")
    with translation.override("zh-hans"):  # the export speaks the registrar's language: Chinese by default
        names = {key: gettext(key) for key in EXCEL_COLUMNS}
        sheet = load_workbook(io.BytesIO(export.content), read_only=True)[gettext("Trainees")]
        yes, no = gettext("yes"), gettext("no")
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(table) if r and r[0] == names["Username"])
    header = [next((k for k, v in names.items() if v == cell), cell) for cell in table[header_at]]
    rows = {r[0]: dict(zip(header, r, strict=False)) for r in table[header_at + 1 :] if r and r[0]}
    return rows, yes, no
