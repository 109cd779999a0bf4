"""The production topology on one machine: nginx in front of two gunicorn instances (standing in for
two hosts), a Celery worker with beat, on the PostgreSQL and Redis the environment names.

    .venv/bin/python -m deploy.topology check    # refuse embedded state (exit 2, with the reason)
    .venv/bin/python -m deploy.topology serve    # start it all; Ctrl-C stops it all

``./tta serve`` runs both (after migrate and collectstatic). The benchmarks and the failover test
start the same thing through :class:`Topology`, so what they measure is what ``./tta serve`` runs.
The configuration files are ``deploy/gunicorn.conf.py`` and ``deploy/nginx/tta.conf`` (a template
filled here with ports and paths); docs/operations.md describes the whole.
"""

import contextlib
import getpass
import grp
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX = os.environ.get("TTA_NGINX", "/usr/sbin/nginx")


def shared_state_problems(env: dict) -> list[str]:
    """Why this environment cannot run two app servers side by side (empty when it can).

    Two instances must share everything a request may read back on the other one: sessions and
    attempts (the database), rate-limit counters and cached sessions (the cache), the queue."""
    problems = []
    if not env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://")):
        problems.append("DATABASE_URL must name PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/tta)")
    if not env.get("CACHE_URL", "").startswith(("redis://", "rediss://", "rediscache://")):
        problems.append(
            "CACHE_URL must name Redis (e.g. rediscache://127.0.0.1:6379/1): a per-process cache "
            "would count rate limits per instance"
        )
    if not env.get("CELERY_BROKER_URL", "").startswith(("redis://", "rediss://", "amqp://")):
        problems.append("CELERY_BROKER_URL must name Redis (e.g. redis://127.0.0.1:6379/0)")
    return problems


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)  # a redirect to sign in is an answer too


def _wait_http(url: str, timeout: float, process: subprocess.Popen | None = None) -> None:
    """Until ``url`` answers anything over HTTP (a 302 or a 503 too: the server is up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the process ended with {process.returncode} before answering")
        try:
            with _OPENER.open(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Topology:
    """nginx on 127.0.0.1:``port`` → gunicorn on each of ``app_ports`` (+ a Celery worker with beat).

    ``env`` is the app's environment (DATABASE_URL, CACHE_URL, CELERY_BROKER_URL, …); the app is
    told it sits behind exactly one proxy. Every process runs in a session of its own, so one
    instance can be killed with everything it forked (``kill_app``)."""

    env: dict
    port: int = 8000
    app_ports: tuple[int, ...] = (8001, 8002)
    workers: int = 2
    threads: int = 4
    # Requests one instance holds at once (0: its workers × threads, and as many waiting).
    max_conns: int = 0
    conn_per_address: int = 1000
    celery: bool = True
    celery_concurrency: int = 2
    var_dir: Path = field(default_factory=lambda: Path(os.environ.get("TTA_VAR_DIR", ROOT / "var")))
    # None: the processes write to this terminal; else a folder for one log file each.
    log_dir: Path | None = None
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def prefix(self) -> Path:
        return self.var_dir / "nginx"

    @property
    def access_log(self) -> Path:
        return self.prefix / "access.log"

    def app_env(self) -> dict:
        return {**self.env, "TTA_TRUSTED_PROXY_COUNT": "1", "PYTHONPATH": str(ROOT)}

    def nginx_config(self) -> str:
        max_conns = self.max_conns or 2 * self.workers * self.threads
        servers = "\n".join(
            f"        server 127.0.0.1:{port} max_conns={max_conns} max_fails=2 fail_timeout=5s;"
            for port in self.app_ports
        )
        user = ""
        if os.geteuid() == 0:  # workers as the invoking user, not nobody (who may not read the files)
            user = f"user {getpass.getuser()} {grp.getgrgid(os.getegid()).gr_name};"
        values = {
            "WORKER_PROCESSES": "1",
            "USER_DIRECTIVE": user,
            "PREFIX": str(self.prefix),
            "ACCESS_LOG": f"{self.access_log} tta buffer=64k flush=1s",
            "UPSTREAM_SERVERS": servers,
            "LISTEN_PORT": str(self.port),
            "CONN_PER_ADDRESS": str(self.conn_per_address),
            "STATIC_ROOT": self.env.get("DJANGO_STATIC_ROOT", str(self.var_dir / "static")),
            "MEDIA_ROOT": self.env.get("DJANGO_MEDIA_ROOT", str(self.var_dir / "media")),
            "ERRORS_DIR": str(DEPLOY / "nginx" / "errors"),
        }
        text = (DEPLOY / "nginx" / "tta.conf").read_text()
        for name, value in values.items():
            text = text.replace("{{" + name + "}}", value)
        if "{{" in text:
            raise RuntimeError("deploy/nginx/tta.conf has a placeholder this code does not fill")
        return text

    def _spawn(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        output = {}
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (the child keeps it)
            output = {"stdout": log, "stderr": subprocess.STDOUT}
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **output)
        self.processes[name] = process
        return process

    def start(self, timeout: float = 180) -> "Topology":
        problems = shared_state_problems(self.env)
        if problems:
            raise SystemExit("two app servers need shared state:\n  " + "\n  ".join(problems))
        for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
            (self.prefix / sub).mkdir(parents=True, exist_ok=True)
        (self.prefix / "nginx.conf").write_text(self.nginx_config())
        (self.prefix / "proxy.conf").write_text((DEPLOY / "nginx" / "proxy.conf").read_text())
        try:
            gunicorn = str(Path(sys.executable).parent / "gunicorn")
            for number, port in enumerate(self.app_ports, 1):
                env = {
                    **self.app_env(),
                    "TTA_GUNICORN_BIND": f"127.0.0.1:{port}",
                    "TTA_GUNICORN_WORKERS": str(self.workers),
                    "TTA_GUNICORN_THREADS": str(self.threads),
                }
                self._spawn(
                    f"app-{number}", [gunicorn, "-c", str(DEPLOY / "gunicorn.conf.py"), "config.wsgi"], env
                )
            if self.celery:
                celery = str(Path(sys.executable).parent / "celery")
                schedule = str(self.var_dir / "celerybeat-schedule")
                self._spawn(
                    "celery",
                    [celery, "-A", "config", "worker", "-B", "-s", schedule, "--loglevel=INFO",
                     f"--concurrency={self.celery_concurrency}", "-Q", "default,certificates"],
                    self.app_env(),
                )  # fmt: skip
            self._spawn("nginx", [NGINX, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"),
                                  "-e", str(self.prefix / "error.log")], self.app_env())  # fmt: skip
            for number, port in enumerate(self.app_ports, 1):
                _wait_http(f"http://127.0.0.1:{port}/exams/", timeout, self.processes[f"app-{number}"])
            _wait_http(f"{self.url}/exams/", 30, self.processes["nginx"])
        except BaseException:
            self.stop()
            raise
        return self

    def kill_app(self, number: int) -> None:
        """SIGKILL app instance ``number`` (1, 2 …) and every worker it forked: a lost host."""
        process = self.processes[f"app-{number}"]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM (graceful: requests in progress finish) to each process group; SIGKILL after ``timeout``."""
        for process in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def pids(self) -> dict[str, list[int]]:
        """Each role's process ids now (a master and its workers), for CPU accounting."""
        return {name: process_tree(process.pid) for name, process in self.processes.items()}

    def __enter__(self) -> "Topology":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (gunicorn's workers, a prefork pool, nginx's workers), from /proc."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            queue.extend(
                int(child) for child in Path(f"/proc/{current}/task/{current}/children").read_text().split()
            )
    return found


def _serve() -> None:
    port = int(os.environ.get("PORT", "8000"))
    app_ports = tuple(
        int(p) for p in os.environ.get("TTA_APP_PORTS", f"{port + 1},{port + 2}").split(",") if p.strip()
    )
    topology = Topology(
        env=dict(os.environ),
        port=port,
        app_ports=app_ports,
        workers=int(os.environ.get("TTA_GUNICORN_WORKERS", "2")),
        threads=int(os.environ.get("TTA_GUNICORN_THREADS", "4")),
        max_conns=int(os.environ.get("TTA_PROXY_MAX_CONNS", "0")),
        conn_per_address=int(os.environ.get("TTA_PROXY_CONN_PER_ADDRESS", "1000")),
    )
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    topology.start()
    print(
        f"[tta] nginx on {topology.url}/ → gunicorn on "
        + ", ".join(f"127.0.0.1:{p}" for p in app_ports)
        + f" ({topology.workers} workers × {topology.threads} threads each); a Celery worker with beat",
        flush=True,
    )
    print(f"[tta] nginx access log (with the instance that answered): {topology.access_log}", flush=True)
    reported = set()
    try:
        while not stopping:
            time.sleep(1)
            for name, process in topology.processes.items():
                if process.poll() is not None and name not in reported:
                    reported.add(name)
                    print(f"[tta] {name} ended ({process.returncode})", flush=True)
                    if name == "nginx":
                        stopping.append(True)
    except KeyboardInterrupt:
        pass
    finally:
        print("[tta] stopping", flush=True)
        topology.stop()


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "check":
        problems = shared_state_problems(dict(os.environ))
        if problems:
            print(
                "[tta] ./tta serve runs two app servers behind nginx; they need shared state:\n  "
                + "\n  ".join(problems)
                + "\n[tta] set them, e.g.: DATABASE_URL=postgres://postgres@127.0.0.1:5432/tta "
                "CACHE_URL=rediscache://127.0.0.1:6379/1 CELERY_BROKER_URL=redis://127.0.0.1:6379/0 ./tta serve\n"
                "[tta] (./tta run serves one process on the embedded defaults)",
                file=sys.stderr,
            )
            return 2
        return 0
    if command == "serve":
        _serve()
        return 0
    print("usage: python -m deploy.topology check | serve", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
