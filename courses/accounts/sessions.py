"""The signed-in user of a request without loading the user row: for endpoints hit many times a minute.

``request.user`` costs a query per request (the whole user row), only to check the session against
the password. An endpoint that reads one row of its own anyway (the heartbeat's single read) can
fetch the user's password hash and ``is_active`` with it and make the same checks Django's
``get_user`` makes: the session names a configured backend, the user is active, and the session's
hash matches an HMAC of the current password hash (so a password change, which signs every other
session out, or a flushed session, credits nothing). Nothing here touches ``request.user``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.crypto import constant_time_compare


@dataclass(frozen=True)
class SessionUser:
    """Who the session says is signed in; to be believed only once ``session_user_valid`` agrees."""

    user_id: int
    session_hash: str


def session_user(request) -> SessionUser | None:
    """The user the request's session names, read from the session alone (no query of its own)."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    try:
        user_id = int(session[SESSION_KEY])
        backend = session[BACKEND_SESSION_KEY]
    except (KeyError, TypeError, ValueError):
        return None
    session_hash = session.get(HASH_SESSION_KEY)
    if backend not in settings.AUTHENTICATION_BACKENDS or not session_hash:
        return None
    return SessionUser(user_id=user_id, session_hash=session_hash)


def session_user_valid(*, session_hash: str, password: str | None, is_active: bool | None) -> bool:
    """Whether a session holding ``session_hash`` still signs in the user whose row reads
    ``password`` and ``is_active`` (None, None: the row is gone). As ``django.contrib.auth.get_user``
    decides it with the model backends configured here, fallback secret keys included."""
    if password is None or not is_active:
        return False
    user = get_user_model()(password=password)
    if constant_time_compare(session_hash, user.get_session_auth_hash()):
        return True
    return any(constant_time_compare(session_hash, other) for other in user.get_session_auth_fallback_hash())
