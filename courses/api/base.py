"""What every API view shares beyond the DRF settings."""

from django.utils.cache import patch_vary_headers

from core.downloads import PRIVATE_NO_STORE, cache_policy_apply


class NoStoreMixin:
    """API answers carry personal data or live status: no shared or browser cache may keep them.
    Messages follow the request's language, and the answer depends on the credentials."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        cache_policy_apply(response, PRIVATE_NO_STORE)
        patch_vary_headers(response, ("Accept-Language", "Authorization", "Cookie"))
        return response
