"""gunicorn's configuration for one app instance behind nginx (deploy/nginx/tta.conf).

    gunicorn -c deploy/gunicorn.conf.py config.wsgi

Every value comes from the environment, so two instances differ only by ``TTA_GUNICORN_BIND``
(``./tta serve`` starts two, on two ports, standing in for two hosts; see docs/operations.md).
"""

import os

bind = os.environ.get("TTA_GUNICORN_BIND", "127.0.0.1:8001")
# Threads in few processes: a request mostly waits on PostgreSQL and Redis. On 2 cores, two
# instances of 2 workers × 4 threads keep both cores busy without a long run queue.
workers = int(os.environ.get("TTA_GUNICORN_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("TTA_GUNICORN_THREADS", "4"))
# Longer than nginx's upstream keepalive_timeout (60 s): the proxy closes an idle connection first,
# never gunicorn just as nginx sends on it.
keepalive = 75
timeout = 60  # as nginx's proxy_read_timeout
graceful_timeout = 30
backlog = 2048
proc_name = f"tta-app-{bind.rsplit(':', 1)[-1]}"
# Access lines come from nginx (which also names the instance that answered); errors only here.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("TTA_GUNICORN_LOG_LEVEL", "warning")
# The proxy on this machine may set X-Forwarded-Proto; the app trusts one proxy for addresses
# (TTA_TRUSTED_PROXY_COUNT=1, config/client_ip.py).
forwarded_allow_ips = "127.0.0.1"
