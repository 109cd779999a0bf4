"""Requests whose address carries U+0000 are refused before any view runs.

A NUL in a path segment or a query value would reach a database query as text, which PostgreSQL
refuses with an error (a 500); no address of the site can hold one. Form fields refuse it already
(Django's ``ProhibitNullCharactersValidator``) and JSON bodies are read with
``cms.untrusted.json_loads_untrusted``.
"""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from courses.api.errors import error_body


def nul_guard_middleware(get_response):
    def middleware(request):
        if "\x00" in request.path or "\x00" in request.META.get("QUERY_STRING", "") or _in_query(request):
            message = _("The address holds a character that is not allowed.")
            if request.path.startswith("/api/"):  # the API's own error shape (courses/api/errors.py)
                return JsonResponse(error_body(code="invalid", message=message), status=400)
            return HttpResponseBadRequest(message)
        return get_response(request)

    return middleware


def _in_query(request) -> bool:
    return any("\x00" in value for values in request.GET.lists() for value in (values[0], *values[1]))
