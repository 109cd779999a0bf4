"""Bearer tokens for staff integrations: ``Authorization: Bearer tta_…``. The request acts as the
token's owner, within the token's scopes (``permissions.TokenScope``); a revoked or expired token,
or one whose owner is inactive, is refused at once."""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from core.guards import SYSTEM

from .selectors import integration_token_for_secret
from .services import integration_token_touch

KEYWORD = "Bearer"


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Sets ``request.user`` to the token's owner and ``request.auth`` to the ``IntegrationToken``.

    No ``Authorization`` header: not this scheme (the next one, the session, may apply). A header of
    this scheme that does not name an active token: 401, whatever the endpoint.
    """

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the token as “Authorization: Bearer <token>”."))
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("This API token is not valid.")) from None
        token = integration_token_for_secret(secret)
        if token is None or not token.owner.is_active:
            raise exceptions.AuthenticationFailed(_("This API token is not valid or has been revoked."))
        if token.is_expired:
            expired_on = timezone.localtime(token.expires_at).date().isoformat()
            raise exceptions.AuthenticationFailed(
                _("This API token expired on %(date)s. Ask a registrar for a new one.")
                % {"date": expired_on},
                code="token_expired",
            )
        integration_token_touch(actor=SYSTEM, token=token)
        return token.owner, token

    def authenticate_header(self, request):
        # Makes a missing or refused credential a 401 with a challenge, not a 403.
        return f'{KEYWORD} realm="api"'
