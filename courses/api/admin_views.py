"""Admin pages of API tokens. Registrars see every token and request new ones; every instructor
and registrar sees the tokens they own, accepts those requested for them (the secret is shown then,
once) and may revoke them. Thin: the form parses, ``courses.api.services`` writes and checks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.downloads import PRIVATE_NO_STORE, cache_policy_apply
from core.roles import is_learning_staff, is_registrar, registrar_required

from . import services
from .forms import TokenRequestForm
from .models import IntegrationToken
from .selectors import integration_token_list


def _require_staff(request) -> None:
    if not is_learning_staff(user=request.user):
        raise PermissionDenied


def _list(request, form, *, status=200):
    registrar = is_registrar(user=request.user)
    context = {
        "tokens": integration_token_list(owner=None if registrar else request.user)[:200],
        "form": form if registrar else None,
    }
    return TemplateResponse(request, "api/tokens/token_list.html", context, status=status)


def _secret_page(request, token, secret):
    response = TemplateResponse(request, "api/tokens/token_created.html", {"token": token, "secret": secret})
    return cache_policy_apply(response, PRIVATE_NO_STORE)  # the secret must not stay in any cache


@require_GET
def token_list(request):
    _require_staff(request)
    return _list(request, TokenRequestForm())


@require_POST
def token_create(request):
    registrar_required(user=request.user)
    form = TokenRequestForm(request.POST)
    if not form.is_valid():
        return _list(request, form, status=400)
    data = form.cleaned_data
    try:
        token, secret = services.integration_token_request(
            name=data["name"],
            owner=data["owner"],
            scopes=data["scopes"],
            days=data["days"],
            actor=request.user,
        )
    except services.TokenError as error:
        form.add_error(None, str(error))
        return _list(request, form, status=400)
    if secret is not None:
        return _secret_page(request, token, secret)
    messages.success(
        request,
        _("The token “%(name)s” is requested; it works once %(owner)s accepts it on this page.")
        % {"name": token.name, "owner": token.owner.get_username()},
    )
    return redirect("api_tokens")


@require_POST
def token_accept(request, pk: int):
    _require_staff(request)
    token = get_object_or_404(IntegrationToken, pk=pk, owner=request.user)
    try:
        token, secret = services.integration_token_accept(token=token, actor=request.user)
    except services.TokenError as error:
        messages.error(request, str(error))
        return redirect("api_tokens")
    return _secret_page(request, token, secret)


@require_POST
def token_revoke(request, pk: int):
    _require_staff(request)
    token = get_object_or_404(IntegrationToken, pk=pk)
    services.integration_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token “%(name)s” has been revoked.") % {"name": token.name})
    return redirect("api_tokens")
