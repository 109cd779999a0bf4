"""What the benchmarks share: their own PostgreSQL database, signed-in sessions, a gunicorn on
127.0.0.1 or the production topology (nginx in front of two gunicorn instances, started by the same
code as ``./tta serve``: deploy/topology.py), the CPU time of each server process and of the load
generator, wrk runs, and latency percentiles. Imported as ``_harness`` by the scripts beside it (run
as ``.venv/bin/python benchmarks/<name>.py``)."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.topology import Topology, process_tree  # noqa: E402, F401  (after the path; process_tree for the scripts)


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


def machine_reference_ms() -> float:
    """CPU milliseconds of a fixed pure-Python workload (the median of three), measured before a run.

    Machines of the same kind differ (figures of one day were 1.8–2.5× those of another on the
    same code), so every benchmark prints this beside its figures: compare runs by it."""
    import json
    import statistics

    def once() -> float:
        began = time.process_time()
        total = 0
        for number in range(1_000_000):
            total += number * number
        record = {"items": [{"position": n, "response": f"答案{n}", "seq": n} for n in range(2000)]}
        for _ in range(20):
            json.loads(json.dumps(record, ensure_ascii=False))
        return (time.process_time() - began) * 1000

    return round(statistics.median(once() for _ in range(3)), 1)


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


def start_topology(
    *, env: dict, workers: int, threads: int, log_dir: str, celery: bool = True, max_conns: int = 0
) -> Topology:
    """nginx → two gunicorn instances (+ a Celery worker with beat) on free ports, as ``./tta serve``
    starts them; nginx's files and the processes' logs under ``log_dir``."""
    var = Path(log_dir)
    topology = Topology(
        env={**env, "TTA_VAR_DIR": str(var)},
        port=free_port(),
        app_ports=(free_port(), free_port()),
        workers=workers,
        threads=threads,
        # As ./tta serve: TTA_PROXY_MAX_CONNS bounds each instance's connections at nginx (0: the default).
        max_conns=max_conns or int(os.environ.get("TTA_PROXY_MAX_CONNS", "0")),
        celery=celery,
        celery_concurrency=1,
        var_dir=var,
        log_dir=var / "logs",
    )
    print(
        f"topology: nginx on {topology.url} → 2 gunicorn instances ({workers} workers × {threads} threads each)"
        f"{' + a Celery worker with beat' if celery else ''}; logs in {var}",
        flush=True,
    )
    return topology.start(timeout=300)


def postgres_backends(database: str, db_host: str) -> list[int]:
    """Process ids of PostgreSQL's backends serving ``database`` now (pooled: they stay for the run)."""
    import psycopg

    host, _, port = db_host.partition(":")
    with psycopg.connect(host=host, port=port or 5432, user="postgres", dbname="postgres") as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [database]).fetchall()
    return [pid for (pid,) in rows]


class CpuMeter:
    """CPU seconds per role between two readings: nginx, each gunicorn instance, the Celery worker,
    PostgreSQL's backends of the benchmark's database, and the load generator (this process and
    wrk). A backend that ends between readings takes its time with it; pooled ones stay."""

    def __init__(self, *, pid_groups, database: str, db_host: str):
        self.pid_groups = pid_groups  # callable → {role: [pid, …]}
        self.database, self.db_host = database, db_host
        self.wrk_seconds = 0.0  # added by run_wrk

    def read(self) -> dict[str, float]:
        groups = dict(self.pid_groups())
        groups["postgres"] = postgres_backends(self.database, self.db_host)
        reading = {role: cpu_seconds(pids) for role, pids in groups.items()}
        reading["client"] = time.process_time() + self.wrk_seconds
        return reading

    @staticmethod
    def spent(before: dict, after: dict) -> dict[str, float]:
        return {role: after[role] - before.get(role, 0.0) for role in after}


def print_cpu(label: str, spent: dict[str, float], requests: int) -> dict:
    """One line: each role's CPU, the server's total and per request, beside the load generator's."""
    server = sum(seconds for role, seconds in spent.items() if role != "client")
    per_request = server * 1000 / max(requests, 1)
    roles = "  ".join(f"{role} {seconds:.1f}" for role, seconds in spent.items() if role != "client")
    print(
        f"  CPU {label:>10}: {requests:6d} requests, server {server:6.1f} s = {per_request:5.1f} ms/request "
        f"({roles}); load generator {spent.get('client', 0.0):.1f} s = "
        f"{spent.get('client', 0.0) * 1000 / max(requests, 1):.1f} ms/request",
        flush=True,
    )
    return {f"cpu_{label}_ms_per_request": round(per_request, 2)}


def access_log_counts(path: Path, offset: int = 0) -> tuple[dict[str, int], dict[str, int]]:
    """From nginx's access log (deploy/nginx/tta.conf's ``tta`` format), after byte ``offset``: the
    requests each app instance answered (the last one nginx tried) and the count of each status."""
    import collections

    upstreams, statuses = collections.Counter(), collections.Counter()
    with open(path, "rb") as log:
        log.seek(offset)
        for line in log.read().decode(errors="replace").splitlines():
            parts = line.split('" ', 1)
            if len(parts) != 2:
                continue
            statuses[parts[1].split(" ", 1)[0]] += 1
            upstream = line.split(" upstream=", 1)[1].split(" ", 1)[0] if " upstream=" in line else "-"
            upstreams[upstream.split(",")[-1].strip() or "-"] += 1
    return dict(upstreams), dict(statuses)


def run_wrk(
    *,
    url: str,
    script: Path,
    args: list[str],
    seconds: float,
    connections: int,
    meter: CpuMeter | None = None,
) -> dict[str, str]:
    """wrk (one thread) for ``seconds`` with a Lua script that prints ``WRK key=value …`` in done();
    its CPU is added to ``meter``'s load generator. Returns those key=value figures."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, int(seconds))}s",
        "--timeout",
        "60s",
        "-s",
        str(script),
        url,
        "--",
        *args,
    ]
    # From the repository root: the scripts dofile benchmarks/wrk/common.lua.
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if meter is not None:
        meter.wrk_seconds += usage.ru_utime + usage.ru_stime
    figures = {}
    for line in output.splitlines():
        if line.startswith("WRK "):
            figures |= dict(item.split("=", 1) for item in line[4:].split())
    if process.returncode != 0 or not figures:
        print(output, flush=True)
        raise SystemExit(f"wrk failed ({process.returncode})")
    figures["cpu_s"] = f"{usage.ru_utime + usage.ru_stime:.2f}"
    return figures
