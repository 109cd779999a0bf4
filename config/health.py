"""GET /health/: is the database reachable, the broker reachable, and a worker answering?"""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from config.celery_app import app as celery_app


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


@never_cache
def health(request):
    """200 when the database, the broker and at least one worker answer; 503 otherwise."""
    checks = {"database": _database(), "broker": _broker()}
    checks["worker"] = _workers(timeout=1.0) if checks["broker"]["ok"] else {"ok": False, "count": 0}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **checks}, status=200 if healthy else 503)
