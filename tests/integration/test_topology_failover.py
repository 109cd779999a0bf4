"""One of the two app servers behind nginx is SIGKILLed while examinees save answers; they go on
through the other one, submit, and no acknowledged answer is lost.

The topology is what ``./tta serve`` starts (deploy/topology.py), without the Celery worker. It
needs PostgreSQL and Redis, shared by both instances: the run's own when the tests run on them
(CI); on the embedded default (SQLite, filesystem broker) the local servers at 127.0.0.1, as
``TTA_TOPOLOGY_TEST_DATABASE_URL`` and ``TTA_TOPOLOGY_TEST_REDIS_URL`` say. Never skipped: without
them the test fails and says what it needs.
"""

import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.db import connection

from deploy.topology import Topology, shared_state_problems
from tests.integration.services import database_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[2]
EXAMINEES = 10
POSITIONS = 4  # tests.integration.topology_exam.QUESTION_TYPES
SAVES_BEFORE_KILL = 4
SAVES_AFTER_KILL = 6


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _services() -> dict:
    """DATABASE_URL, CACHE_URL and CELERY_BROKER_URL for the topology: shared PostgreSQL and Redis."""
    if connection.vendor == "postgresql" and settings.CELERY_BROKER_URL.startswith("redis://"):
        cache = os.environ.get("CACHE_URL", "")
        return {
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CACHE_URL": cache if cache.startswith("rediscache://") else "rediscache://127.0.0.1:6379/1",
        }
    database = os.environ.get(
        "TTA_TOPOLOGY_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tta_topology_test"
    )
    redis = os.environ.get("TTA_TOPOLOGY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    _ensure_database(database)
    return {
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": redis,
        "CACHE_URL": "rediscache" + redis.removeprefix("redis"),
    }


def _ensure_database(url: str) -> None:
    """Create the PostgreSQL database of the embedded-default run if it is missing; migrate it below."""
    import psycopg

    base, _, name = url.rpartition("/")
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=5) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        pytest.fail(
            f"the topology test needs PostgreSQL and Redis shared by two app servers; {url} is not "
            f"reachable ({error}). Start them, or run the tests with DATABASE_URL, CELERY_BROKER_URL "
            f"and CACHE_URL naming them (see README.md, Tests)."
        )


def _django(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Examinee:
    def __init__(self, user_id: int, session_key: str, base: str):
        self.user_id = user_id
        csrf = f"{user_id:032d}"[-32:]  # 32 characters: Django accepts an unmasked secret
        self.client = httpx.Client(
            base_url=base,
            timeout=30,
            headers={
                "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "Accept": "application/json",
            },
        )
        self.attempt_id = None
        self.seq = 0
        self.acknowledged: dict[int, tuple[int, str]] = {}  # position -> (seq, answer) the server has
        self.upstreams: list[tuple[str, float]] = []  # (instance that answered, when), successes
        self.refused: list[str] = []  # answers that were not a success, retried

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        """As the exam page does: a busy answer or a broken connection is tried again, later."""
        for _ in range(20):
            try:
                response = self.client.request(method, url, **kwargs)
            except httpx.TransportError as error:
                self.refused.append(type(error).__name__)
                time.sleep(0.3)
                continue
            # nginx names every instance it tried ("a, b" after a retry): the last one answered.
            answered = response.headers.get("X-Upstream", "").split(",")[-1].strip()
            if response.status_code in (429, 502, 503, 504):
                self.refused.append(str(response.status_code))
                time.sleep(float(response.headers.get("Retry-After", "1")) * random.uniform(0.2, 0.5))
                continue
            self.upstreams.append((answered, time.monotonic()))
            return response
        raise AssertionError(f"examinee {self.user_id}: {method} {url} never succeeded: {self.refused}")

    def save(self, rng: random.Random) -> None:
        position = rng.randint(1, POSITIONS)
        self.seq += 1
        answer = f"答案 {self.user_id}-{self.seq}"
        if position == 3:  # numerical
            answer = str(self.seq)
        elif position == 4:  # true/false
            answer = self.seq % 2 == 0
        body = {"answers": [{"position": position, "response": answer, "seq": self.seq}]}
        response = self.request("POST", f"/exams/attempts/{self.attempt_id}/answers/", json=body)
        assert response.status_code == 200, response.text
        assert response.json()["saved"][str(position)] >= self.seq
        self.acknowledged[position] = (self.seq, answer)


def test_one_app_server_killed_mid_exam_loses_no_answer(tmp_path, figure):
    services = _services()
    env = {
        **os.environ,
        **services,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_MANIFEST_STATIC": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "TTA_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(REPO),
        "LOG_LEVEL": "WARNING",
    }
    assert not shared_state_problems(env)
    if services["DATABASE_URL"] != database_url():
        _django(env, "manage.py", "migrate", "--no-input", "-v0")  # a no-op once migrated
    seeded = json.loads(_django(env, "-m", "tests.integration.topology_exam", "seed", str(EXAMINEES)))

    topology = Topology(
        env=env,
        port=_free_port(),
        app_ports=(_free_port(), _free_port()),
        workers=1,
        threads=4,
        celery=False,
        log_dir=tmp_path / "logs",
    )
    topology.start(timeout=120)
    killed = f"127.0.0.1:{topology.app_ports[0]}"
    survivor = f"127.0.0.1:{topology.app_ports[1]}"
    examinees = [Examinee(user_id, key, topology.url) for user_id, key in seeded["examinees"]]
    ready = threading.Barrier(EXAMINEES + 1)
    resume = threading.Event()
    dead = threading.Event()
    failures = []

    def sit(examinee: Examinee) -> None:
        rng = random.Random(examinee.user_id)
        try:
            started = examinee.request("POST", f"/exams/papers/{seeded['paper']}/start/")
            assert started.status_code == 201, started.text
            examinee.attempt_id = started.json()["attempt"]
            page = examinee.request(
                "GET", f"/exams/attempts/{examinee.attempt_id}/", headers={"Accept": "text/html"}
            )
            assert page.status_code == 200
            for _ in range(SAVES_BEFORE_KILL):
                examinee.save(rng)
            ready.wait(timeout=60)
            resume.wait(timeout=60)
            for index in range(SAVES_AFTER_KILL):
                examinee.save(rng)
                time.sleep(rng.uniform(0, 0.1))
                if index == 0:
                    # The first save may be on its way to the instance as it dies; the rest are sent
                    # well after it is dead (the check below reads what answered a second after).
                    dead.wait(timeout=60)
                    time.sleep(1.2)
            submitted = examinee.request("POST", f"/exams/attempts/{examinee.attempt_id}/submit/")
            assert submitted.status_code == 200, submitted.text
        except BaseException as error:  # reported by the test's thread
            failures.append(f"examinee {examinee.user_id}: {error!r}")
            ready.abort()

    threads = [threading.Thread(target=sit, args=(e,)) for e in examinees]
    try:
        for thread in threads:
            thread.start()
        ready.wait(timeout=90)
        # Every examinee holds an open attempt with saved answers; now one host is lost, and some
        # requests are on their way to it as it dies.
        resume.set()
        time.sleep(0.05)
        topology.kill_app(1)
        killed_at = time.monotonic()
        dead.set()
        for thread in threads:
            thread.join(timeout=90)
    finally:
        resume.set()
        dead.set()
        topology.stop()
        for examinee in examinees:
            examinee.client.close()
    assert not failures, "\n".join(failures)

    served_before = {upstream for e in examinees for upstream, at in e.upstreams if at < killed_at}
    assert {killed, survivor} <= served_before, f"both instances served before the kill: {served_before}"
    answered_after = {upstream for e in examinees for upstream, at in e.upstreams if at > killed_at + 1}
    assert answered_after == {survivor}, answered_after

    stored = json.loads(
        _django(
            env, "-m", "tests.integration.topology_exam", "answers", *(str(e.attempt_id) for e in examinees)
        )
    )
    lost = []
    for examinee in examinees:
        attempt = stored[str(examinee.attempt_id)]
        assert attempt["status"] != "in_progress", f"examinee {examinee.user_id} could not submit"
        for position, (seq, answer) in examinee.acknowledged.items():
            if attempt["items"][str(position)] != [seq, answer]:
                lost.append((examinee.user_id, position, [seq, answer], attempt["items"][str(position)]))
    assert not lost, f"acknowledged answers not stored as the examinee last saw them: {lost}"
    refused = [kind for e in examinees for kind in e.refused]
    figure(
        f"failover: {EXAMINEES} examinees, {sum(len(e.acknowledged) for e in examinees)} answers kept, "
        f"{len(refused)} requests tried again after the kill ({sorted(set(refused))})"
    )
