"""Small shared pieces of housekeeping: purging kept upload files, counting attempts in the cache.

They live in the lowest layer so every app can use one copy (until the shared ``core`` layer of
issue 16 exists).
"""

from datetime import datetime

from django.core.cache import cache
from django.db.models import QuerySet


def uploaded_files_purge(*, rows: QuerySet, created_before: datetime, field: str = "file") -> int:
    """Delete the stored file of each row of ``rows`` created before ``created_before`` and blank the
    field; the rows (import jobs and their reports) stay. Idempotent; returns how many files went."""
    purged = 0
    for row in rows.filter(created_at__lt=created_before).exclude(**{field: ""}).only("pk", field):
        getattr(row, field).delete(save=False)
        rows.model.objects.filter(pk=row.pk).update(**{field: ""})
        purged += 1
    return purged


def count_in_cache(key: str, *, timeout: int = 7 * 24 * 3600) -> int:
    """Add one to the counter ``key`` (created at 0, kept ``timeout`` seconds) and return it: one
    atomic increment in a shared cache (Redis in production), so every worker process counts alike."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1
