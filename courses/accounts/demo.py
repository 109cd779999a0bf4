"""Demo data for accounts: the demo users can sign in through the site (verified addresses), and the
demo trainee has a complete profile and consent. Fictitious data only."""

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db import transaction

from .identity import IdentityDocumentType, resident_id_check_character
from .mfa import mfa_required
from .services import privacy_consent_record, trainee_profile_save

DEMO_USERNAMES = ["trainee", "instructor", "registrar", "admin"]
# Registrars and superusers need a second factor (accounts/mfa.py): the demo's share this published
# TOTP secret (base32), printed by load_demo_accounts. A demo-only secret, like the demo passwords.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# A made-up number with a valid check character (region 110105, born 1990-05-01).
_DEMO_ID_FIRST17 = "11010519900501123"

DEMO_TRAINEE = {
    "real_name": "陈思远",
    "organisation": "北京某大学技术转移中心",
    "phone": "13800138000",
    "identity_document_type": IdentityDocumentType.RESIDENT_ID,
    "identity_number": _DEMO_ID_FIRST17 + resident_id_check_character(_DEMO_ID_FIRST17),
}


@transaction.atomic
def demo_accounts_prepare() -> list[str]:
    """Verify the demo users' email addresses; give the demo trainee a profile and consent, and the
    demo registrar and administrator a TOTP authenticator with ``DEMO_TOTP_SECRET``.

    Idempotent; changes only the demo users that exist (``load_demo`` creates them). Returns their usernames.
    """
    prepared = []
    for user in get_user_model().objects.filter(username__in=DEMO_USERNAMES).exclude(email=""):
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if user.username == "trainee":
            trainee_profile_save(user=user, **DEMO_TRAINEE)
            privacy_consent_record(user=user)
        if (
            mfa_required(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            Authenticator.objects.create(
                user=user,
                type=Authenticator.Type.TOTP,
                data={"secret": get_mfa_adapter().encrypt(DEMO_TOTP_SECRET)},
            )
        prepared.append(user.username)
    return prepared
