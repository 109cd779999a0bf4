"""Demo certificates on top of the learning demo, so the verification page can be tried at once.

Rules for the three programs (the advanced one requires the practical assessment), then certificates: an issued one, one revoked and one superseded by a
reissue. Run after ``load_demo_learning``. Only trainees who meet the rule are issued, through the
same eligibility check as a registrar's issue (the demo ``trainee`` is still studying, so holds
none); a trainee who does not is left out. Idempotent: a trainee who already holds any certificate
of a program is left alone.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from certification import services
from certification.models import Certificate, CertificateRule, CourseSelection
from cms.choices import Level
from cms.models import ProgramPage
from core.roles import roles_setup

DEMO_REGISTRAR = "registrar"

RULES = {
    Level.PRIMARY: {"validity_months": 36, "renewal_hours": 24, "renewal_window_months": 6},
    Level.INTERMEDIATE: {"validity_months": 36, "renewal_hours": 32, "renewal_window_months": 6},
    # Advanced managers are certified on what they can do: the practical report and its defence.
    Level.ADVANCED: {
        "validity_months": 36,
        "renewal_hours": 40,
        "renewal_window_months": 6,
        "requires_practical": True,
    },
}

# username, what happens after issue: the learning demo's trainees who completed the primary cohort.
CERTIFICATES = [
    ("demo-chenjing", "issued"),
    ("demo-zhaolei", "reissued"),
    ("demo-zhangwei", "revoked"),
]


@dataclass
class CertificateDemoReport:
    certificates: list[Certificate] = field(default_factory=list)


def _program(level: str) -> ProgramPage | None:
    return ProgramPage.objects.filter(level=level, locale=Locale.get_default()).first()


def load_demo_certificates() -> CertificateDemoReport:
    roles_setup()
    report = CertificateDemoReport()
    User = get_user_model()
    registrar = User.objects.filter(username=DEMO_REGISTRAR).first()
    for level, fields in RULES.items():
        program = _program(level)
        if program is not None:
            CertificateRule.objects.get_or_create(
                program=program,
                defaults={**fields, "course_selection": CourseSelection.LEVEL, "auto_issue": True},
            )
    primary = _program(Level.PRIMARY)
    if primary is None:
        return report
    for username, fate in CERTIFICATES:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        if Certificate.objects.filter(user=user, program__translation_key=primary.translation_key).exists():
            report.certificates.extend(Certificate.objects.filter(user=user, program=primary).order_by("pk"))
            continue
        with transaction.atomic():
            try:
                certificate = services.certificate_issue(
                    user=user, program=primary, actor=registrar
                ).certificate
            except services.NotEligible:
                continue  # still studying: no certificate below the rule
            report.certificates.append(certificate)
            if fate == "revoked":
                services.certificate_revoke(
                    certificate=certificate,
                    actor=registrar,
                    reason="结业考试存在违规行为，经基地复核予以撤销。",
                )
            elif fate == "reissued":
                report.certificates.append(
                    services.certificate_reissue(
                        certificate=certificate, actor=registrar, reason="更正证书信息（模板更新）"
                    )
                )
    return report
