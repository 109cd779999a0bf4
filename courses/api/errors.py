"""One error body for every 4xx and 5xx the API returns::

    {"error": {"code": "not_found", "message": "…in the request's language…", "details": null}}

``code`` is stable and meant for programs; ``message`` is for people; ``details`` carries the
field errors of a 400 (``{"field": ["message", …]}``) or the seconds to wait of a 429.
"""

import logging
import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.signals import got_request_exception
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger("django.request")


def error_body(*, code: str, message: str, details=None) -> dict:
    return {"error": {"code": code, "message": str(message), "details": details}}


def exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every exception of an API view becomes the error body."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return _server_error(context["request"])

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    details = None
    if isinstance(exc, exceptions.ValidationError):
        code, message = "invalid", _("The request is not valid; see the details.")
        details = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    else:
        code, message = exc.get_codes(), exc.detail
        if not isinstance(code, str):  # a detail given as a list or dict: keep it as details
            code, message, details = exc.default_code, exc.default_detail, exc.detail
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        wait = math.ceil(exc.wait)
        headers["Retry-After"] = str(wait)
        details = {"retry_after": wait}
    set_rollback()
    return Response(
        error_body(code=code, message=message, details=details), status=exc.status_code, headers=headers
    )


def _server_error(request):
    """An unexpected exception: reported as Django reports it (log, signal), answered in our shape."""
    django_request = getattr(request, "_request", request)
    got_request_exception.send(sender=None, request=django_request)
    logger.error(
        "Internal Server Error: %s",
        django_request.path,
        exc_info=True,
        extra={"status_code": 500, "request": django_request},
    )
    set_rollback()
    message = _("Something went wrong on our side. Please try again later.")
    return Response(error_body(code="server_error", message=message), status=500)


def not_found(request, *args, **kwargs):
    """Any path under /api/ that names no endpoint: a 404 in the same shape (not the site's HTML page)."""
    return JsonResponse(
        error_body(code="not_found", message=_("There is no API endpoint at this address.")),
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
