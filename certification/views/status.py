"""The published status lists: what an offline verifier fetches to see a revocation or a suspension."""

import json

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from certification.credentials import STATUS_LIST_TTL_SECONDS
from certification.services.status_lists import status_list_published
from core.downloads import cache_policy_apply, public_short


@require_GET
def status_list(request, purpose: str, number: int):
    """``/credentials/status/<purpose>/<number>/``: the signed BitstringStatusListCredential, as it is now.

    Cached briefly (its ``ttl``) by browsers and proxies, so a revocation shows within a minute.
    """
    document = status_list_published(purpose=purpose, number=number)
    if document is None:
        raise Http404
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False), content_type="application/ld+json; charset=utf-8"
    )
    cache_policy_apply(response, public_short(STATUS_LIST_TTL_SECONDS))
    response["Access-Control-Allow-Origin"] = "*"
    return response
