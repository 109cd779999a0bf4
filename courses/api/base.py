"""What every API view shares beyond the DRF settings."""

from django.utils.cache import add_never_cache_headers, patch_vary_headers


class NoStoreMixin:
    """API answers carry personal data or live status: no shared or browser cache may keep them.
    Messages follow the request's language, and the answer depends on the credentials."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)
        patch_vary_headers(response, ("Accept-Language", "Authorization", "Cookie"))
        return response
