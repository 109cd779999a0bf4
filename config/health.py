"""GET /health/: is the database reachable, the broker reachable, and a worker answering?

Asking the workers is a broadcast that waits a second for replies, so the answer is cached for
``CACHE_SECONDS`` (in the shared cache): a flood of calls costs one broadcast per period. Anyone
gets the status alone; staff (admin users) also get each check's details, worker host names included.
"""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from config.celery_app import app as celery_app
from core.downloads import no_store


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True, "vendor": connection.vendor}
    except Exception as exc:  # noqa: BLE001 — any failure is what we report
        return {"ok": False, "error": exc.__class__.__name__}


def _broker() -> dict:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            return {"ok": True, "transport": conn.transport_cls}
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": exc.__class__.__name__}


def _workers(timeout: float) -> dict:
    """Workers that consume the queue the web enqueues to (not just any worker on the broker)."""
    queue = celery_app.conf.task_default_queue
    try:
        replies = celery_app.control.inspect(timeout=timeout).active_queues() or {}
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "count": 0, "queue": queue, "error": exc.__class__.__name__}
    names = sorted(name for name, queues in replies.items() if any(q["name"] == queue for q in queues))
    return {"ok": bool(names), "count": len(names), "queue": queue, "names": names}


CACHE_KEY = "tta:health"
CACHE_SECONDS = 30


def health_checks() -> dict:
    """Each check's result, and when they ran: at most ``CACHE_SECONDS`` old."""
    checks = cache.get(CACHE_KEY)
    if checks is None:
        checks = {"database": _database(), "broker": _broker()}
        checks["worker"] = _workers(timeout=1.0) if checks["broker"]["ok"] else {"ok": False, "count": 0}
        checks["checked_at"] = timezone.now().isoformat()
        cache.set(CACHE_KEY, checks, CACHE_SECONDS)
    return checks


def _is_staff(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))
    )


@no_store
def health(request):
    """200 when the database, the broker and at least one worker answer; 503 otherwise.

    ``{"status": "ok"|"degraded"}`` for anyone; staff also get every check and ``checked_at``."""
    checks = health_checks()
    healthy = all(check["ok"] for name, check in checks.items() if name != "checked_at")
    body = {"status": "ok" if healthy else "degraded"}
    if _is_staff(request.user):
        body.update(checks)
    return JsonResponse(body, status=200 if healthy else 503)
