"""Project configuration: settings, URLs, the Celery app, WSGI/ASGI entry points."""

from . import checks  # noqa: F401  (registers the project's deployment checks)
from .celery_app import app as celery_app

__all__ = ["celery_app"]
