"""Batch enrolment from an Excel (.xlsx) or CSV file of trainees.

The whole file is checked before anything is written. If any row is bad, nothing is imported
and the registrar gets a row-by-row report; otherwise every row is imported in one transaction.
The uploaded file and its report are kept either way (ImportBatch), so nothing submitted is lost.
"""

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import PurePath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.housekeeping import uploaded_files_purge
from core import roles
from core.dispatch import dispatch
from courses import selectors, services
from courses.models import Cohort, Enrolment, EnrolmentStatus, ImportBatch, ImportOutcome
from courses.models.enrolments import ACTIVE, ENROLMENT_IMPORT_EXTENSIONS
from courses.names import validate_printable_name

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

# Accepted column headings, compared case-insensitively without spaces.
COLUMNS = {
    "identifier": {"用户名或邮箱", "用户名/邮箱", "账号", "usernameoremail", "username/email", "login"},
    "username": {"用户名", "username"},
    "email": {"邮箱", "电子邮箱", "email", "e-mail"},
    "real_name": {"姓名", "真实姓名", "realname", "name"},
    "organisation": {"单位", "工作单位", "组织", "organisation", "organization"},
    "phone": {"手机", "手机号", "电话", "phone", "mobile"},
}
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (wrong type, no header, too big)."""


EXTENSION_MESSAGE = gettext_lazy("Upload an Excel (.xlsx) or CSV (.csv) file.")


def extension_allowed(filename: str) -> bool:
    """Only the formats ``read_table`` reads are accepted (and stored)."""
    return PurePath(filename).suffix.lower() in ENROLMENT_IMPORT_EXTENSIONS


@dataclass
class RowReport:
    row: int
    identifier: str
    real_name: str = ""
    organisation: str = ""
    phone: str = ""
    messages: list[str] = field(default_factory=list)
    result: str = ""  # what happened (or would happen) to the row


@dataclass
class _Row:
    report: RowReport
    username: str = ""
    email: str = ""
    user: object = None


def _heading(value) -> str:
    return re.sub(r"\s+", "", str(value or "")).lower()


def read_table(*, content: bytes, filename: str) -> list[list[str]]:
    """The rows of an .xlsx or .csv file as lists of trimmed strings (header first)."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
            rows = [
                ["" if v is None else str(v).strip() for v in row]
                for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)
            ]
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ImportFileError(_("The Excel file could not be read: is it a valid .xlsx file?")) from error
    elif name.endswith(".csv"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportFileError(_("The CSV file must be encoded in UTF-8 or GB18030."))
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ImportFileError(str(EXTENSION_MESSAGE))
    return [row for row in rows if any(row)]


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, value in enumerate(header):
        for key, names in COLUMNS.items():
            if _heading(value) in names and key not in found:
                found[key] = index
    if not ({"identifier", "username", "email"} & found.keys()):
        raise ImportFileError(
            _("The first row must name the columns: username or email, real name, organisation, phone.")
        )
    return found


def _check(rows: list[list[str]], cohort: Cohort) -> list[_Row]:
    """Validate every row; return them with their messages (empty when the row is good)."""
    if len(rows) < 2:
        raise ImportFileError(_("The file has no trainees below its header row."))
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(_("A file may list at most %(max)d trainees.") % {"max": MAX_ROWS})
    columns = _columns(rows[0])

    def cell(row, key):
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    User = get_user_model()
    checked, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        identifier = cell(row, "identifier")
        username, email = cell(row, "username"), cell(row, "email")
        if identifier:
            (email, username) = (identifier, username) if "@" in identifier else (email, identifier)
        report = RowReport(
            row=number,
            identifier=identifier or username or email,
            real_name=cell(row, "real_name"),
            organisation=cell(row, "organisation"),
            phone=cell(row, "phone"),
        )
        item = _Row(report=report, username=username, email=email)
        checked.append(item)
        errors = report.messages
        if not (username or email):
            errors.append(_("Give a username or an email address."))
            continue
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("“%(email)s” is not a valid email address.") % {"email": email})
        if report.phone and not PHONE.match(report.phone):
            errors.append(_("“%(phone)s” is not a valid phone number.") % {"phone": report.phone})
        if len(report.real_name) > 100:
            errors.append(_("The real name is longer than 100 characters."))
        if report.real_name:
            try:
                validate_printable_name(report.real_name)  # printed on certificates
            except ValidationError as error:
                errors.extend(error.messages)
        key = (username or email).lower()
        if key in seen:
            errors.append(_("The same trainee is already listed on row %(row)d.") % {"row": seen[key]})
        seen[key] = number
        item.user = _find_user(User, username=username, email=email)
        if item.user is None:
            if not email:
                errors.append(
                    _("No account has the username “%(username)s”; give an email address to create one.")
                    % {"username": username}
                )
            if not report.real_name:
                errors.append(_("A new account needs the trainee's real name."))
            if username and User.objects.filter(username__iexact=username).exists():
                errors.append(
                    _("The username “%(username)s” is taken by another account.") % {"username": username}
                )
    _forecast(checked, cohort)
    return checked


def _find_user(User, *, username: str, email: str):
    if username:
        user = User.objects.filter(username__iexact=username).first()
        if user or not email:
            return user
    matches = list(User.objects.filter(email__iexact=email)[:2]) if email else []
    return matches[0] if len(matches) == 1 else None


def _forecast(rows: list[_Row], cohort: Cohort) -> None:
    """Say what each good row will become, given the places left (rows beyond capacity wait)."""
    existing = dict(
        Enrolment.objects.filter(cohort=cohort, user__in=[r.user for r in rows if r.user]).values_list(
            "user_id", "status"
        )
    )
    free = max(cohort.capacity - selectors.cohort_taken_places(cohort=cohort), 0)
    waiting = selectors.waitlist(cohort=cohort).exists()
    labels = dict(EnrolmentStatus.choices)
    for row in rows:
        status = existing.get(row.user.pk) if row.user else None
        if status in ACTIVE and status != EnrolmentStatus.INVITED:
            row.report.result = _("Already in the cohort (%(status)s): unchanged.") % {
                "status": labels[status]
            }
        elif free > 0 and not waiting:
            free -= 1
            row.report.result = str(labels[EnrolmentStatus.ENROLLED])
        else:
            row.report.result = _("Cohort full: %(status)s") % {"status": labels[EnrolmentStatus.WAITLISTED]}
        if row.user is None:
            row.report.result = _("New account; %(result)s") % {"result": row.report.result}


def _unique_username(email: str) -> str:
    User = get_user_model()
    base = re.sub(r"[^\w.@+-]", "", email.split("@")[0])[:100] or "trainee"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _save_profile(user, report: RowReport) -> None:
    if not apps.is_installed("courses.accounts"):
        return
    from courses.accounts.services import trainee_profile_save

    profile = getattr(user, "trainee_profile", None)
    trainee_profile_save(
        user=user,
        real_name=report.real_name
        or (profile.real_name if profile else "")
        or user.get_full_name()
        or user.username,
        organisation=report.organisation or (profile.organisation if profile else ""),
        phone=report.phone or (profile.phone if profile else ""),
        **({"identity_document_type": profile.identity_document_type} if profile else {}),
    )


def enrolment_import_files_purge(*, now=None) -> int:
    """Delete the roster files uploaded over ``TTA_IMPORTS_KEEP_DAYS`` days ago.

    Rosters hold names and phone numbers, so they are not kept for ever. The ImportBatch stays,
    with its row-by-row report (its page and downloads still work). Idempotent; run by beat;
    returns how many files were deleted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.TTA_IMPORTS_KEEP_DAYS)
    return uploaded_files_purge(rows=ImportBatch.objects.all(), created_before=cutoff)


def enrolment_import(*, cohort: Cohort, upload: UploadedFile, actor) -> ImportBatch:
    """Enrol every trainee listed in ``upload`` in ``cohort``, or none of them.

    Registrars only. The file is kept and a report recorded whatever happens. When every row is
    good, the rows are imported in one transaction: missing accounts are created with an
    unusable password (a set-your-password email is queued on commit), and each trainee is
    enrolled as by a registrar (window and approval skipped, capacity kept: rows beyond it are
    wait-listed). When any row is bad, nothing but the ImportBatch is written. A file that
    cannot be read at all raises ImportFileError (and is kept too); one that is not .xlsx or .csv
    is refused before anything is kept. Files are kept in private storage under a random name for
    ``TTA_IMPORTS_KEEP_DAYS`` (``enrolment_import_files_purge``).
    """
    if not roles.is_registrar(user=actor):
        raise PermissionDenied(_("Only registrars may import enrolments."))
    if not extension_allowed(upload.name):
        raise ImportFileError(EXTENSION_MESSAGE)
    if upload.size > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    content = upload.read()
    batch = ImportBatch(
        cohort=cohort, uploaded_by=actor, original_name=upload.name[:255], outcome=ImportOutcome.REFUSED
    )
    upload.seek(0)
    batch.file.save(upload.name, upload, save=False)
    try:
        rows = _check(read_table(content=content, filename=upload.name), cohort)
    except ImportFileError as error:
        batch.report = [asdict(RowReport(row=0, identifier="", messages=list(error.messages)))]
        batch.error_count = 1
        batch.save()
        raise
    batch.row_count = len(rows)
    batch.error_count = sum(1 for r in rows if r.report.messages)
    if batch.error_count:
        for row in rows:
            if row.report.messages:
                row.report.result = str(ImportOutcome.REFUSED.label)
        batch.report = [asdict(r.report) for r in rows]
        batch.save()
        return batch

    with transaction.atomic():
        User = get_user_model()
        for row in rows:
            user = row.user
            if user is None:
                user = User(username=row.username or _unique_username(row.email), email=row.email)
                user.first_name = row.report.real_name[:150]
                user.set_unusable_password()
                user.save()
                dispatch("courses.tasks.account_welcome_email_task", user.pk)  # tasks import this module
            _save_profile(user, row.report)
            enrolment = services.enrolment_create(
                user=user,
                cohort=cohort,
                actor=actor,
                reason=_("Batch import: %(file)s") % {"file": batch.original_name},
            )
            row.report.result = ("" if row.user else _("New account; ")) + enrolment.get_status_display()
        batch.outcome = ImportOutcome.IMPORTED
        batch.report = [asdict(r.report) for r in rows]
        batch.save()
    return batch


REPORT_HEADINGS = [
    gettext_lazy("Row"),
    gettext_lazy("Username or email"),
    gettext_lazy("Real name"),
    gettext_lazy("Organisation"),
    gettext_lazy("Phone"),
    gettext_lazy("Result"),
    gettext_lazy("Errors"),
]


def report_rows(batch: ImportBatch) -> list[list]:
    """The report as a table (header first), for the page and the downloads."""
    table = [[str(h) for h in REPORT_HEADINGS]]
    for item in batch.report:
        table.append(
            [
                item["row"] or "",
                item["identifier"],
                item.get("real_name", ""),
                item.get("organisation", ""),
                item.get("phone", ""),
                item.get("result", ""),
                "；".join(item["messages"]),
            ]
        )
    return table
