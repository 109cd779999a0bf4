"""Sessions that passed the second factor, for tests that sign registrars and superusers in directly.

Registrars and superusers need TOTP in the session before the admins, trainee records and staff pages
(courses/accounts/mfa.py). A test that signs one in with ``client.force_login(user)`` or the browser
fixture ``login(user)`` gets a session that passed it, the way allauth records it: the user gets a
TOTP authenticator (``DEMO_SECRET``) and the session an ``{"method": "mfa", "type": "totp"}`` record.
``tests/conftest.py`` does this for every ``force_login``; ``tests/browser.py`` for ``login``.

A test of the gate itself signs in with ``client.force_login(user, mfa=False)``.
"""

import time

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from core.roles import REGISTRARS_GROUP
from courses.accounts.demo import DEMO_TOTP_SECRET

# The demo accounts' published secret (base32): any authenticator app turns it into the codes.
DEMO_SECRET = DEMO_TOTP_SECRET
# allauth's own key for the user the records belong to (allauth.account.internal.flows.login).
_RECORDS_USER_KEY = "account_authentication_methods_user"


def totp_code(secret: str = DEMO_SECRET) -> str:
    """The code an authenticator app shows now for ``secret``. Tests that post it set
    ``settings.MFA_TOTP_TOLERANCE = 1``, so a code read just before a 30-second step ends still counts."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def totp_authenticator(user, secret: str = DEMO_SECRET) -> Authenticator:
    """The user's TOTP authenticator, set up with ``secret`` if they have none."""
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        authenticator = Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": get_adapter().encrypt(secret)}
        )
    return authenticator


def session_pass_mfa(session, user) -> None:
    """Record in ``session`` (saved) that ``user`` passed TOTP, as allauth does after the code is entered."""
    authenticator = totp_authenticator(user)
    records = session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    if session.get(_RECORDS_USER_KEY) != str(user.pk):
        records = []
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        *records,
        {"method": "mfa", "at": time.time(), "id": authenticator.pk, "type": "totp"},
    ]
    session[_RECORDS_USER_KEY] = str(user.pk)
    session.save()


def client_pass_mfa(client, user) -> None:
    """The test client's session (after ``force_login``) passed TOTP for ``user``."""
    session = client.session
    session_pass_mfa(session, user)


def session_pass_mfa_as_signed_in(session, user) -> None:
    """What ``force_login`` and the browser's ``login`` add: the session passed TOTP.

    Registrars and superusers also get a TOTP authenticator. Trainees and instructors get only the
    session's record (no authenticator: allauth would then ask them for a code at their next password
    sign-in), so one made a registrar later in the test still passes. Whether they need one is asked of
    the database, not of ``mfa_required``, which caches its answer on the user object.
    """
    if user.is_superuser or user.groups.filter(name=REGISTRARS_GROUP).exists():
        session_pass_mfa(session, user)
        return
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "mfa", "at": time.time(), "type": "totp"}]
    session[_RECORDS_USER_KEY] = str(user.pk)
    session.save()
