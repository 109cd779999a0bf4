"""What the benchmarks share: their own PostgreSQL database, signed-in sessions, a gunicorn on
127.0.0.1, the CPU time of a process tree, and latency percentiles. Imported as ``_harness`` by the
scripts beside it (run as ``.venv/bin/python benchmarks/<name>.py``)."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def prepare_database(*, db_host: str, database: str, env: dict, reuse: bool = False) -> None:
    """Drop and re-create ``database`` (kept as it is if ``reuse`` and it exists), then migrate it."""
    import psycopg

    host, _, port = db_host.partition(":")
    with psycopg.connect(
        host=host, port=port or 5432, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists and reuse:
            print(f"database {database}: reusing", flush=True)
        else:
            print(f"database {database}: re-creating and migrating …", flush=True)
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{database}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(
    *,
    env: dict,
    port: int,
    workers: int,
    threads: int,
    keep_alive: int,
    ready_path: str,
    extra_args: tuple[str, ...] = (),
    log_path: str | None = None,
    timeout: float = 60,
) -> subprocess.Popen:
    """gunicorn (config.wsgi, gthread workers) on 127.0.0.1:``port`` in a session of its own, once any
    answer comes from ``ready_path``. ``keep_alive`` should outlast the client's pauses, so that an
    idle kept-alive connection is not closed just as the client sends on it."""
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        *extra_args,
        "--keep-alive",
        str(keep_alive),
        "--log-level",
        "warning",
    ]
    output = {}
    if log_path:
        print(f"gunicorn log: {log_path}", flush=True)
        log = open(log_path, "w")  # noqa: SIM115 (closed with the process)
        output = {"stdout": log, "stderr": log}
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **output)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}{ready_path}", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.5)
    stop_process_group(server)
    raise SystemExit("gunicorn did not start")


def stop_process_group(process: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM to the process's session; SIGKILL if it has not ended within ``timeout`` seconds."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def process_tree(pid: int) -> list[int]:
    """``pid`` and its children (gunicorn's workers, a prefork pool), from /proc."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return [pid, *(int(child) for child in children)]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far, from /proc (ended ones count nothing)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def percentile_ms(seconds: list[float], share: float) -> float:
    """The nearest-rank ``share`` percentile (0.5, 0.95 …) of latencies in seconds, in milliseconds."""
    if not seconds:
        return 0.0
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] * 1000


def login_sessions(users) -> list[tuple[int, str]]:
    """A signed-in session for each user, bulk-inserted: (user id, session key) each, for a Cookie
    header. Needs Django set up."""
    import datetime
    import secrets

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    store = SessionStore()
    expires = timezone.now() + datetime.timedelta(days=1)
    sessions, accounts = [], []
    for user in users:
        key = secrets.token_hex(16)
        data = {
            "_auth_user_id": str(user.pk),
            "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
            "_auth_user_hash": user.get_session_auth_hash(),
        }
        sessions.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        accounts.append((user.pk, key))
    Session.objects.bulk_create(sessions, batch_size=1000)
    return accounts
