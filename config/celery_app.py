"""The Celery application. It reads Django settings under the ``CELERY_`` namespace.

Every task is a ``BoundedDeliveryTask``: tasks are acknowledged late (``CELERY_TASK_ACKS_LATE``), so
a message whose worker died is delivered again, and one that kills its worker each time (out of
memory) would be delivered forever. Each delivery is counted in the cache; past
``TTA_TASK_MAX_DELIVERIES`` the task is logged as given up and not run again.
"""

import logging
import os

from celery import Celery, Task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

logger = logging.getLogger("config.celery")


class BoundedDeliveryTask(Task):
    """A task that runs at most ``TTA_TASK_MAX_DELIVERIES`` times per message (a retry is a new message)."""

    def __call__(self, *args, **kwargs):
        task_id = self.request.id
        if task_id and not self.request.is_eager:
            # In a worker: its tracer has pushed this delivery's request, which ``run`` must see.
            from django.conf import settings

            from cms.housekeeping import count_in_cache

            # Keyed by the retry number too: a deliberate retry (self.retry) keeps the task id.
            deliveries = count_in_cache(f"celery:deliveries:{task_id}:{self.request.retries or 0}")
            if deliveries > settings.TTA_TASK_MAX_DELIVERIES:
                logger.error(
                    "gave up task %s[%s] after %d deliveries (it never finished; args %r)",
                    self.name,
                    task_id,
                    deliveries - 1,
                    args,
                )
                return None
            return self.run(*args, **kwargs)
        return super().__call__(*args, **kwargs)


app = Celery("tta", task_cls=BoundedDeliveryTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
