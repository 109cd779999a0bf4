"""Reads of certification: who may download certificates, lookups for verification, what the public sees."""

import hmac
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Q, QuerySet
from django.utils import timezone

from certification.models import LIVE_STATUSES, Certificate, CertificateStatus
from core.roles import is_registrar
from courses.accounts.selectors import display_name
from courses.selectors import standing


def can_download(*, user, certificate: Certificate) -> bool:
    """The holder and certificate staff may download a PDF or credential; nobody else."""
    if not user or not user.is_authenticated:
        return False
    return certificate.user_id == user.pk or is_registrar(user=user)


def holder_name(user) -> str:
    """The holder's legal name: the trainee profile's real name, else the account's name."""
    return display_name(user)


def mask_name(name: str) -> str:
    """张三丰 → 张*丰, 张三 → 张*, Alice Smith → A*** S****: enough to match a person, not to identify one."""
    name = name.strip()
    if not name:
        return ""
    if " " in name:
        return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())
    if len(name) <= 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def certificate_by_code(code: str) -> Certificate | None:
    if not code or len(code) > 64:
        return None
    return Certificate.objects.select_related("program", "user").filter(verification_code=code).first()


def certificate_by_serial(serial: str) -> Certificate | None:
    serial = (serial or "").strip().upper()
    if not serial or len(serial) > 64:
        return None
    return Certificate.objects.select_related("program", "user").filter(serial=serial).first()


# Spaces, the middle dot of transliterated names (阿卜杜拉·艾力) and its look-alikes, dots and hyphens.
_NAME_SEPARATORS = re.compile(r"[\s\u00b7\u2022\u2027\u30fb\u2219.\-\u2010\u2011]+")


def comparable_name(name: str) -> str:
    """A name as typed, reduced for comparison: NFKC (full-width forms), case and separators ignored."""
    return _NAME_SEPARATORS.sub("", unicodedata.normalize("NFKC", name or "")).casefold()


def certificate_by_serial_and_name(*, serial: str, name: str) -> Certificate | None:
    """The certificate with ``serial``, only if ``name`` is the holder's full name as printed on it.

    Serials are sequential, so a serial alone would let anyone walk the registry; the printed name
    is the second fact a verifier has in hand. A wrong name gives None, exactly as an unknown serial
    does (no oracle). The surname alone is not enough: a few surnames cover a large share of people.
    """
    certificate = certificate_by_serial(serial)
    printed = comparable_name((certificate.snapshot or {}).get("holder_name", "")) if certificate else ""
    given = comparable_name(name)
    if not printed or not given or not hmac.compare_digest(printed.encode(), given.encode()):
        return None
    return certificate


def certificate_by_pdf_hash(sha256: str) -> Certificate | None:
    return Certificate.objects.select_related("program").filter(pdf_sha256=sha256).first() if sha256 else None


def certificates_for_holder(*, user) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).select_related("program").order_by("-issued_at", "-pk")


def live_certificate(*, user, program) -> Certificate | None:
    return (
        Certificate.objects.filter(
            user=user, program__translation_key=program.translation_key, status__in=LIVE_STATUSES
        )
        .order_by("-pk")
        .first()
    )


def certificate_history(*, certificate: Certificate) -> list[Certificate]:
    """Every certificate in the chain of reissues and renewals ``certificate`` belongs to, oldest first."""
    first = certificate
    while first.supersedes_id:
        first = Certificate.objects.get(pk=first.supersedes_id)
    chain = [first]
    while True:
        following = Certificate.objects.filter(supersedes=chain[-1]).first()
        if following is None:
            return chain
        chain.append(following)


def due_for_expiry(*, now: datetime | None = None) -> QuerySet[Certificate]:
    now = now or timezone.now()
    return Certificate.objects.filter(status__in=LIVE_STATUSES, expires_at__lte=now)


@dataclass
class PublicView:
    """What the public verification page and API show: the least that proves the certificate."""

    serial: str
    status: str
    status_label: str
    public_note: str
    holder: str
    name_masked: bool
    program: str
    level: str
    hours: str
    issued_on: str
    expires_on: str
    issuer: str
    accreditation_number: str
    superseded_by: str
    hours_detail: list[dict]

    def as_json(self) -> dict:
        data = {
            "serial": self.serial,
            "status": self.status,
            "valid": self.status == CertificateStatus.ISSUED,
            "status_label": self.status_label,
            "holder": self.holder,
            "holder_name_masked": self.name_masked,
            "program": self.program,
            "level": self.level,
            "hours": self.hours,
            "issued_on": self.issued_on,
            "expires_on": self.expires_on or None,
            "issuer": self.issuer,
            "accreditation_number": self.accreditation_number,
        }
        if self.public_note:
            data["public_note"] = self.public_note
        if self.superseded_by:
            data["superseded_by"] = self.superseded_by
        if self.hours_detail:
            data["hours_detail"] = self.hours_detail
        return data


def _in_language(snapshot: dict, key: str, language: str) -> str:
    if language.startswith("en"):
        return snapshot.get(f"{key}_en") or snapshot.get(f"{key}_zh", "")
    return snapshot.get(f"{key}_zh") or snapshot.get(f"{key}_en", "")


def public_view(*, certificate: Certificate, language: str = "zh-hans") -> PublicView:
    """The certificate as anyone may see it: frozen data from the snapshot, masked unless the holder shares.

    A revocation shows the registrar's public note, if they wrote one; never the internal reason.
    """
    snapshot = certificate.snapshot or {}
    name = snapshot.get("holder_name", "")
    successor = Certificate.objects.filter(supersedes=certificate).values_list("serial", flat=True).first()
    detail = []
    if certificate.share_hours_detail:
        for course in snapshot.get("courses", []):
            detail.append(
                {
                    "code": course.get("code", ""),
                    "title": _in_language(course, "title", language),
                    "hours": course.get("hours", ""),
                }
            )
    return PublicView(
        serial=certificate.serial,
        status=certificate.status,
        status_label=str(CertificateStatus(certificate.status).label),
        public_note=certificate.public_note if certificate.status == CertificateStatus.REVOKED else "",
        holder=name if certificate.share_full_name else mask_name(name),
        name_masked=not certificate.share_full_name,
        program=_in_language(snapshot, "program_title", language),
        level=_in_language(snapshot, "level_label", language),
        hours=snapshot.get("hours", ""),
        issued_on=snapshot.get("issued_on", ""),
        expires_on=snapshot.get("expires_on", ""),
        issuer=_in_language(snapshot, "issuer_name", language),
        accreditation_number=snapshot.get("accreditation_number", ""),
        superseded_by=successor or "",
        hours_detail=detail,
    )


@dataclass
class RenewalStatus:
    """Whether the holder may renew now: the window, the continuing-education hours, and the result."""

    possible: bool
    window_open: bool
    opens_at: datetime | None
    hours: Decimal
    hours_required: Decimal

    @property
    def hours_met(self) -> bool:
        return self.hours >= self.hours_required


def renewal_status(*, certificate: Certificate, now: datetime | None = None) -> RenewalStatus:
    """Renewal is open from ``renewal_window_months`` before expiry until expiry, for an issued certificate
    of a program whose rule sets a validity. Hours are those credited since the certificate's issue
    (any course, each capped at its hours)."""
    from certification.eligibility import rule_for

    now = now or timezone.now()
    rule = rule_for(program=certificate.program)
    zero = Decimal("0")
    if rule is None or certificate.expires_at is None or certificate.status != CertificateStatus.ISSUED:
        return RenewalStatus(False, False, None, zero, zero)
    opens_at = certificate.expires_at - relativedelta(months=rule.renewal_window_months)
    window_open = opens_at <= now < certificate.expires_at
    # Credited since issue (standing): a course's hours count up to the course's hours, as for the
    # certificate itself; over-credit recorded in the ledger renews nothing.
    hours = standing.credited_hours_since(user_id=certificate.user_id, since=certificate.issued_at)
    required = rule.renewal_hours
    return RenewalStatus(window_open and hours >= required, window_open, opens_at, hours, required)


def certificates_needing_reminder(*, days_before: int, smaller: int, now: datetime | None = None):
    """Issued certificates expiring in (``smaller``, ``days_before``] days from now."""
    from datetime import timedelta

    now = now or timezone.now()
    return Certificate.objects.filter(
        Q(status=CertificateStatus.ISSUED),
        expires_at__gt=now + timedelta(days=smaller),
        expires_at__lte=now + timedelta(days=days_before),
    ).exclude(reminders__days_before=days_before)


def auto_issue_refusals(*, limit: int = 50) -> list:
    """The latest trainees the automatic issuing sweep could not issue (and why), for registrars."""
    from certification.models import AutoIssueRefusal

    return list(
        AutoIssueRefusal.objects.select_related("user", "program").order_by("-last_refused_at")[:limit]
    )
