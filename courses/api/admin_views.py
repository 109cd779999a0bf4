"""Admin pages of API tokens, for registrars: list, make (the secret is shown once), revoke.
Thin: the form parses, ``courses.api.services`` writes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.selectors import is_registrar

from . import services
from .forms import TokenCreateForm
from .models import IntegrationToken
from .selectors import integration_token_list


def _require_registrar(request) -> None:
    if not is_registrar(user=request.user):
        raise PermissionDenied


def _list(request, form, *, status=200):
    context = {"tokens": integration_token_list()[:200], "form": form}
    return TemplateResponse(request, "api/tokens/token_list.html", context, status=status)


@require_GET
def token_list(request):
    _require_registrar(request)
    return _list(request, TokenCreateForm())


@require_POST
def token_create(request):
    _require_registrar(request)
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        return _list(request, form, status=400)
    token, secret = services.integration_token_create(
        name=form.cleaned_data["name"], owner=form.cleaned_data["owner"], actor=request.user
    )
    response = TemplateResponse(request, "api/tokens/token_created.html", {"token": token, "secret": secret})
    add_never_cache_headers(response)  # the secret must not stay in any cache
    return response


@require_POST
def token_revoke(request, pk: int):
    _require_registrar(request)
    token = get_object_or_404(IntegrationToken, pk=pk)
    services.integration_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token “%(name)s” has been revoked.") % {"name": token.name})
    return redirect("api_tokens")
