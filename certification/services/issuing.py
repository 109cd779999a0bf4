"""Issuing certificates: one trainee, one program, one live certificate, whatever retries happen.

Idempotency has three layers: the holder's user row is locked (``select_for_update``) while a
live certificate is looked for and created, so concurrent calls for one trainee queue up; the
later ones find the certificate the first one created and return it (get-or-create semantics);
and the partial unique constraint ``one_live_certificate_per_program`` stops any path that
slipped past the lock, after which the existing certificate is returned as well.

Rendering is queued on commit: ``certification.tasks.certificate_render_task(certificate_id)``.
"""

import contextlib
import logging
from dataclasses import dataclass, field
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certification import credentials, selectors, serials
from certification.eligibility import eligibility_for, format_hours, hours_courses, required_courses, rule_for
from certification.fonts import unprintable_characters, unprintable_message
from certification.models import Certificate, CertificateEvent, CertificateStatus
from certification.models.rules import DEFAULT_SERIAL_PATTERN
from cms.choices import Level
from cms.links import absolute_url
from cms.models import ProgramPage, TrainingBaseSettings
from core.dispatch import dispatch
from core.guards import guarded
from core.memo import scoped_memo
from courses.guards import REGISTRAR, SYSTEM, SYSTEM_ONLY
from courses.models import Cohort, Enrolment
from courses.models.enrolments import PLACE_HOLDING
from courses.notifications.kinds import NotificationKind
from courses.selectors import standing

from .notices import certificate_notify
from .status_lists import status_entry_record, status_position_allocate

logger = logging.getLogger(__name__)


class CertificationError(Exception):
    """A request that cannot be carried out; the message is in the user's language."""


class UnprintableName(CertificationError):
    """The certificate would print characters no installed font can draw; nothing was issued."""

    def __init__(self, characters: list[str]):
        self.characters = characters
        super().__init__(unprintable_message(characters, language=None))


class NotEligible(CertificationError):
    def __init__(self, eligibility):
        self.eligibility = eligibility
        super().__init__(_("Not eligible yet: %(why)s") % {"why": eligibility.explanation})


@dataclass
class IssueResult:
    certificate: Certificate
    created: bool


def canonical_program(program: ProgramPage) -> ProgramPage:
    """The original page of a program (translations share one certificate)."""
    return (
        ProgramPage.objects.filter(translation_key=program.translation_key).order_by("pk").first() or program
    )


@scoped_memo(key=lambda program: program.translation_key)
def _translations(program: ProgramPage) -> dict[str, ProgramPage]:
    pages = ProgramPage.objects.filter(translation_key=program.translation_key).select_related("locale")
    return {page.locale.language_code: page for page in pages}


def _level_label(level: str, language: str) -> str:
    with translation.override(language):
        return str(Level(level).label) if level in Level.values else level


@scoped_memo(key=lambda program: program.pk)
def issuer_settings(program: ProgramPage) -> TrainingBaseSettings:
    """The training base's settings for ``program``'s site (the default site's if it has none)."""
    site = program.get_site()
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    return TrainingBaseSettings.for_site(site)


def build_snapshot(
    *, user, program: ProgramPage, serial: str, code: str, issued_at, expires_at, rule=None
) -> dict:
    """Exactly the data a certificate prints and the verification page shows. Frozen once issued.

    Keys: holder_name, program_title_zh/_en, level, level_label_zh/_en, hours, courses
    [{code, title_zh, title_en, hours}], issued_on, expires_on, serial, verification_url,
    issuer_name_zh/_en, accreditation_number.
    """
    pages = _translations(program)
    zh = pages.get("zh-hans") or program
    en = pages.get("en") or zh
    rule = rule or rule_for(program=program)
    courses = required_courses(rule=rule) if rule else []
    course_rows = []
    # Hours as the rule counts them: each course's credited hours, capped at the course's hours.
    progress = standing.progress_for_courses(user=user, courses=courses) if courses else {}
    if courses:
        for course in courses:
            english = course.get_translation_or_none(en.locale) if en is not zh else None
            course_rows.append(
                {
                    "code": course.code,
                    "title_zh": course.title,
                    "title_en": english.title if english else course.title,
                    "hours": format_hours(progress[course.pk].hours),
                }
            )
    counted = hours_courses(rule=rule, required=courses) if rule else None
    hours = standing.credited_hours_total(user_ids=[user.pk], courses=counted).get(user.pk, 0)
    base = issuer_settings(program)
    local = timezone.localtime
    return {
        "holder_name": selectors.holder_name(user),
        "program_title_zh": zh.title,
        "program_title_en": en.title,
        "level": program.level,
        "level_label_zh": _level_label(program.level, "zh-hans"),
        "level_label_en": _level_label(program.level, "en"),
        "hours": format_hours(hours),
        "courses": course_rows,
        "issued_on": local(issued_at).date().isoformat(),
        "expires_on": local(expires_at).date().isoformat() if expires_at else "",
        "serial": serial,
        "verification_url": absolute_url(f"/verify/{code}/"),
        "issuer_name_zh": base.name_zh,
        "issuer_name_en": base.name_en,
        "accreditation_number": base.accreditation_number,
    }


def _create(
    *,
    user,
    program: ProgramPage,
    actor,
    cohort: Cohort | None,
    issued_at: datetime,
    expires_at: datetime | None,
    supersedes: Certificate | None = None,
    action: str = "issued",
    reason: str = "",
    share_full_name: bool = False,
    share_hours_detail: bool = False,
    rule=None,
    queue_render: bool = True,
) -> Certificate:
    """Insert a certificate with its serial, code, snapshot and signed credential. Caller holds the transaction.

    Raises UnprintableName before a serial is drawn if any printed text has a character no font
    can draw: a serial is never spent on a certificate that could not be printed.
    """
    code = serials.new_verification_code()
    rule = rule or rule_for(program=program)
    snapshot = build_snapshot(
        user=user,
        program=program,
        serial="",
        code=code,
        issued_at=issued_at,
        expires_at=expires_at,
        rule=rule,
    )
    missing = unprintable_characters(snapshot)
    if missing:
        raise UnprintableName(missing)
    pattern = rule.serial_pattern if rule else DEFAULT_SERIAL_PATTERN
    serial = serials.next_serial(
        pattern=pattern, year=timezone.localtime(issued_at).year, level=program.level
    )
    snapshot["serial"] = serial
    certificate = Certificate(
        serial=serial,
        verification_code=code,
        user=user,
        program=program,
        cohort=cohort,
        status=CertificateStatus.ISSUED,
        issued_at=issued_at,
        expires_at=expires_at,
        supersedes=supersedes,
        snapshot=snapshot,
        share_full_name=share_full_name,
        share_hours_detail=share_hours_detail,
    )
    # The status position is printed in the signed credential, so it is drawn before signing.
    status_position = status_position_allocate()
    certificate.credential = credentials.credential_for(certificate, status_position=status_position)
    certificate.save()
    status_entry_record(certificate=certificate, position=status_position)
    CertificateEvent.objects.create(
        certificate=certificate, action=action, to_status=CertificateStatus.ISSUED, actor=actor, reason=reason
    )
    if queue_render:
        dispatch("certification.tasks.certificate_render_task", certificate.pk)
    certificate_notify(certificate=certificate, kind=NotificationKind.CERTIFICATE_ISSUED)
    return certificate


def certificate_expiry(*, program: ProgramPage, issued_at: datetime, rule=None) -> datetime | None:
    """When a certificate of ``program`` issued at ``issued_at`` expires: the issue date plus the
    rule's validity in months; None if the program has no rule or its certificates do not expire."""
    rule = rule or rule_for(program=program)
    if rule is None or not rule.validity_months:
        return None
    return issued_at + relativedelta(months=rule.validity_months)


@guarded(REGISTRAR)
def certificate_issue(
    *,
    user,
    program: ProgramPage,
    actor,
    cohort: Cohort | None = None,
    check_eligibility: bool = True,
    reason: str = "",
    queue_render: bool = True,
) -> IssueResult:
    """Issue ``program``'s certificate to ``user``, or return the live one they already hold.

    Atomic and idempotent (see the module docstring): concurrent or repeated calls end with one
    live certificate and ``created`` true for exactly one of them. With ``check_eligibility`` the
    rule must be met (NotEligible says why); a registrar may issue without it (``reason`` recorded).
    Registrars (views, cohort issuing, batches) or the system (auto-issue tasks: ``actor=SYSTEM``); guarded.
    Rendering is queued on commit, unless ``queue_render`` is false: the caller then renders the
    new certificate itself once the transaction has committed (batches, in the same worker); a
    certificate left pending is queued again by the stale-render sweep.
    """
    program = canonical_program(program)
    try:
        with transaction.atomic():
            get_user_model().objects.select_for_update().filter(pk=user.pk).first()
            existing = selectors.live_certificate(user=user, program=program)
            if existing is not None:
                return IssueResult(existing, False)
            rule = rule_for(program=program)
            if rule is None:
                raise CertificationError(_("This program does not issue certificates yet."))
            if check_eligibility:
                eligibility = eligibility_for(user=user, program=program, rule=rule)
                if not eligibility.eligible:
                    raise NotEligible(eligibility)
            issued_at = timezone.now()
            certificate = _create(
                user=user,
                program=program,
                actor=actor,
                cohort=cohort,
                issued_at=issued_at,
                expires_at=certificate_expiry(program=program, issued_at=issued_at, rule=rule),
                reason=reason,
                rule=rule,
                queue_render=queue_render,
            )
            return IssueResult(certificate, True)
    except IntegrityError:
        # Another transaction won the race past the lock; its certificate is the answer.
        existing = selectors.live_certificate(user=user, program=program)
        if existing is None:
            raise
        return IssueResult(existing, False)


@dataclass
class CohortIssueReport:
    issued: list[Certificate] = field(default_factory=list)
    already: list[Certificate] = field(default_factory=list)
    not_eligible: list[tuple] = field(default_factory=list)  # (user, explanation)
    refused: list[tuple] = field(default_factory=list)  # (user, message), e.g. an unprintable name


def cohort_members(*, cohort: Cohort):
    user_ids = Enrolment.objects.filter(cohort=cohort, status__in=PLACE_HOLDING).values("user_id")
    return get_user_model().objects.filter(pk__in=user_ids).order_by("username")


@guarded(REGISTRAR)
def certificate_issue_for_cohort(
    *, cohort: Cohort, actor, program: ProgramPage | None = None
) -> CohortIssueReport:
    """Issue to every enrolled or completed trainee of ``cohort`` who meets the rule.

    Each trainee is issued in its own transaction (idempotent, so safe to run again); a trainee
    who is not eligible is reported with the explanation and nothing is issued for them.
    Registrars only (guarded).
    """
    program = program or cohort.program
    if program is None:
        raise CertificationError(_("This cohort is not a cohort of a program."))
    report = CohortIssueReport()
    for user in cohort_members(cohort=cohort):
        try:
            result = certificate_issue(user=user, program=program, actor=actor, cohort=cohort)
        except NotEligible as refusal:
            report.not_eligible.append((user, refusal.eligibility.explanation))
            continue
        except CertificationError as refusal:
            report.refused.append((user, str(refusal)))
            continue
        (report.issued if result.created else report.already).append(result.certificate)
    return report


def _ever_certified(*, user, program: ProgramPage) -> bool:
    return Certificate.objects.filter(user=user, program__translation_key=program.translation_key).exists()


@guarded(SYSTEM_ONLY)
def certificate_auto_issue_for_user(*, user, actor) -> list[Certificate]:
    """Issue every auto-issue program's certificate that ``user`` has just earned.

    Only for trainees who never held that program's certificate: a revoked or expired one is
    not silently replaced (renewal and reissue are explicit). Idempotent. ``actor=SYSTEM``.
    """
    from certification.models import CertificateRule

    issued = []
    for rule in CertificateRule.objects.filter(auto_issue=True).select_related("program"):
        if _ever_certified(user=user, program=rule.program):
            continue
        try:
            result = certificate_issue(user=user, program=rule.program, actor=SYSTEM)
        except NotEligible:
            continue
        except UnprintableName as refusal:
            _refusal_record(user=user, program=rule.program, characters=refusal.characters)
            continue
        except Exception as error:
            # One trainee's failure is theirs alone: recorded and logged, the sweep goes on.
            logger.exception("automatic issuing failed for user %s, program %s", user.pk, rule.program_id)
            _refusal_record(user=user, program=rule.program, error=f"{type(error).__name__}: {error}"[:1000])
            continue
        _refusal_clear(user=user, program=rule.program)
        if result.created:
            issued.append(result.certificate)
    return issued


def _refusal_record(
    *, user, program: ProgramPage, characters: list[str] | None = None, error: str = ""
) -> None:
    """Remember why ``user`` could not be issued ``program``'s certificate, for the registrars."""
    from certification.models import AutoIssueRefusal

    program = canonical_program(program)
    updated = AutoIssueRefusal.objects.filter(user=user, program=program).update(
        characters=characters or [], error=error, last_refused_at=timezone.now(), times=F("times") + 1
    )
    if not updated:
        with contextlib.suppress(IntegrityError), transaction.atomic():  # a concurrent sweep made it
            AutoIssueRefusal.objects.create(
                user=user,
                program=program,
                characters=characters or [],
                error=error,
                last_refused_at=timezone.now(),
            )


def _refusal_clear(*, user, program: ProgramPage) -> None:
    from certification.models import AutoIssueRefusal

    AutoIssueRefusal.objects.filter(user=user, program=canonical_program(program)).delete()


def auto_issue_candidates():
    """Users worth checking in a sweep: active accounts with learning hours in their ledger."""
    from courses.models import HoursEntry

    users_with_hours = HoursEntry.objects.values("user_id")
    return get_user_model().objects.filter(pk__in=users_with_hours, is_active=True).order_by("pk")


@guarded(SYSTEM_ONLY)
def certificate_auto_issue_sweep(*, actor) -> int:
    """The beat task's body: check every candidate against every auto-issue rule. Returns how many were issued.

    Each trainee on their own: a refusal (an unprintable name) or an error is recorded for the
    registrars (``AutoIssueRefusal``, on the certificates page) and the later trainees are still checked.
    """
    issued = 0
    for user in auto_issue_candidates().iterator():
        try:
            issued += len(certificate_auto_issue_for_user(user=user, actor=SYSTEM))
        except Exception:
            logger.exception("the automatic issuing sweep skipped user %s", user.pk)
    return issued
