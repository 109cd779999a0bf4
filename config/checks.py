"""Deployment checks of the project (``manage.py check --deploy``): what Django's own checks miss.

Registered when the ``config`` package is imported (config/__init__.py), which every entry point
(manage.py, wsgi, asgi, Celery) does first.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Cache backends whose data lives in one process: each gunicorn worker then counts its own rate
# limits (N workers allow N times the limit) and caches its own copy of everything.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, deploy=True)
def media_served_by_django_check(app_configs, **kwargs):
    """Django's static file view is not for production: no caching headers, one worker per download."""
    if settings.DEBUG or not getattr(settings, "SERVE_MEDIA", False):
        return []
    return [
        Warning(
            "Media files are served by Django (TTA_SERVE_MEDIA) with DEBUG off.",
            hint="Serve MEDIA_ROOT from the web server or use S3 (AWS_STORAGE_BUCKET_NAME), and unset TTA_SERVE_MEDIA.",
            id="tta.W001",
        )
    ]


@register(Tags.caches, Tags.security, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """Sessions (cached_db), rate limits (sign-in, verification, API) and cached health live in the
    cache: it must be shared."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is not shared between processes: each "
            "web process counts its own rate limits and caches its own sessions (a sign-out in one "
            "process leaves the session alive in another's cache).",
            hint="Set CACHE_URL to a shared cache, e.g. rediscache://host:6379/1.",
            id="tta.W002",
        )
    ]


@register(Tags.security, deploy=True)
def credential_signing_key_check(app_configs, **kwargs):
    """A credential signed with a key derived from SECRET_KEY changes (and breaks) when that key is rotated."""
    if settings.DEBUG or getattr(settings, "TTA_CREDENTIAL_SIGNING_KEY", ""):
        return []
    return [
        Warning(
            "TTA_CREDENTIAL_SIGNING_KEY is not set: verifiable credentials are signed with a key derived "
            "from SECRET_KEY.",
            hint="Set it to the training base's own key (python -c \"import os; from certification.credentials "
            'import secret_key_multibase as k; print(k(os.urandom(32)))") and keep it: issued credentials '
            "are verified with its public key.",
            id="tta.W003",
        )
    ]
