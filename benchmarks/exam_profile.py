"""CPU and queries of an exam's requests (start, attempt page, save, event), on PostgreSQL.

    .venv/bin/python benchmarks/exam_profile.py [--database tta_profile] [--requests 30] [--profile] [--sql]
    .venv/bin/python benchmarks/exam_profile.py --gunicorn [--saves 300] [--page-rounds 5]

Seeds a database the way ``exam_load.py`` does (a 20-question paper drawn at random, enrolled
trainees with sessions). By default it sends requests through Django's test client (the whole
middleware stack, no network): ``--requests`` starts (each a different trainee), their attempt
pages, ``--requests`` saves and as many focus-loss events. Prints, per step, the median CPU
milliseconds (``time.process_time``) and the queries of one request; ``--sql`` lists the statements
of one request of each step; ``--profile`` adds cProfile's top functions for one start, twenty attempt pages and fifty saves.

``--gunicorn`` measures through a real server instead: one gunicorn worker (one thread) answers the
same steps one request at a time over a kept-alive connection, and the script prints the server's
CPU per request (master and worker, from /proc) and PostgreSQL's (the backend serving it) beside
it; the client's own cost is left out. ``--saves`` requests are spread over the examinees. The
cache is Redis (``--redis-db``) as in production, so sessions come from it after the first request.
"""

import argparse
import cProfile
import http.client
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import exam_load  # noqa: E402  (the same seed as the load test)
from _harness import cpu_seconds, free_port, process_tree, start_gunicorn, stop_process_group  # noqa: E402

# The profile's own Redis database (cache and broker): not the load test's, not a developer's.
PROFILE_REDIS_DB = 5


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tta_profile")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--redis-db", type=int, default=PROFILE_REDIS_DB)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--saves", type=int, default=300, help="with --gunicorn: saves in all")
    parser.add_argument(
        "--page-rounds",
        type=int,
        default=5,
        help="with --gunicorn: each examinee's attempt page opened this often",
    )
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sql", action="store_true", help="list the statements of one request per step")
    parser.add_argument("--gunicorn", action="store_true", help="measure the server's CPU through gunicorn")
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument(
        "--sitting",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="papers prepared for a sitting before the start, as on exam day (default); --no-sitting: each start draws",
    )
    args = parser.parse_args()
    args.examinees = args.requests + 2
    args.through, args.cache_db = "gunicorn", args.redis_db  # what exam_load.server_env reads
    env = exam_load.server_env(args)
    env["CACHE_URL"] = f"redis://127.0.0.1:6379/{args.redis_db}"
    exam_load.prepare_database(db_host=args.db_host, database=args.database, env=env, reuse=args.reuse_db)
    paper_id, accounts = exam_load.seed(args, env)
    if args.gunicorn:
        through_gunicorn(args, env, paper_id, accounts)
    else:
        in_process(args, paper_id, accounts)


def in_process(args, paper_id, accounts):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    json_headers = {"HTTP_ACCEPT": "application/json"}
    statements = {}

    def client_for(session_key):
        client = Client()
        client.cookies["sessionid"] = session_key
        return client

    def measure(step, call):
        with CaptureQueriesContext(connection) as queries:
            before = time.process_time()
            response = call()
            cpu = (time.process_time() - before) * 1000
        assert response.status_code < 400, (response.status_code, response.content[:500])
        statements.setdefault(step, [query["sql"] for query in queries])
        return response, cpu, len(queries)

    # Warm up: imports, template loading, connection.
    warm = client_for(accounts[-1][1])
    started = warm.post(f"/exams/papers/{paper_id}/start/", **json_headers)
    warm.get(f"/exams/attempts/{started.json()['attempt']}/")

    figures = {"open": [], "start": [], "page": [], "save": [], "event": [], "submit": []}
    attempts = []
    for _user_id, key in accounts[: args.requests]:
        client = client_for(key)
        _response, cpu, queries = measure(
            "open", lambda c=client: c.get(f"/exams/papers/{paper_id}/", HTTP_ACCEPT="text/html")
        )
        figures["open"].append((cpu, queries))
        response, cpu, queries = measure(
            "start", lambda c=client: c.post(f"/exams/papers/{paper_id}/start/", **json_headers)
        )
        figures["start"].append((cpu, queries))
        attempt_id = response.json()["attempt"]
        page, cpu, queries = measure("page", lambda c=client, a=attempt_id: c.get(f"/exams/attempts/{a}/"))
        figures["page"].append((cpu, queries))
        attempts.append((client, attempt_id, _text_position(page.content.decode())))
    for seq, (client, attempt_id, position) in enumerate(attempts, start=1):
        body = json.dumps({"answers": [{"position": position, "response": "技术合同", "seq": seq}]})
        _response, cpu, queries = measure(
            "save",
            lambda c=client, a=attempt_id, b=body: c.post(
                f"/exams/attempts/{a}/answers/", b, content_type="application/json", **json_headers
            ),
        )
        figures["save"].append((cpu, queries))
    event = json.dumps({"kind": "focus_lost", "detail": {"via": "blur"}})
    for client, attempt_id, _position in attempts:
        _response, cpu, queries = measure(
            "event",
            lambda c=client, a=attempt_id: c.post(
                f"/exams/attempts/{a}/events/", event, content_type="application/json", **json_headers
            ),
        )
        figures["event"].append((cpu, queries))
    for client, attempt_id, _position in attempts:
        _response, cpu, queries = measure(
            "submit", lambda c=client, a=attempt_id: c.post(f"/exams/attempts/{a}/submit/", **json_headers)
        )
        figures["submit"].append((cpu, queries))

    for step, rows in figures.items():
        cpu = statistics.median(row[0] for row in rows)
        queries = statistics.median(row[1] for row in rows)
        print(f"{step:>5}: median CPU {cpu:6.1f} ms, {queries:.0f} queries per request (n={len(rows)})")
    print(
        " ".join(
            f"{step}_cpu_ms={statistics.median(r[0] for r in rows):.1f} "
            f"{step}_queries={statistics.median(r[1] for r in rows):.0f}"
            for step, rows in figures.items()
        )
    )
    if args.sql:
        for step, sqls in statements.items():
            print(f"\n--- one {step}: {len(sqls)} statements ---")
            for sql in sqls:
                print("  " + (sql if len(sql) < 300 else sql[:297] + "..."))

    if args.profile:
        user_id, key = accounts[args.requests]
        client = client_for(key)
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        response = client.post(f"/exams/papers/{paper_id}/start/", **json_headers)
        profiler.disable()
        print("\n--- one start, by own time ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        attempt_id = response.json()["attempt"]
        position = _text_position(client.get(f"/exams/attempts/{attempt_id}/").content.decode())
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(20):
            client.get(f"/exams/attempts/{attempt_id}/")
        profiler.disable()
        print("\n--- 20 attempt pages, by cumulative time ---")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for seq in range(1, 51):
            body = json.dumps({"answers": [{"position": position, "response": f"许可{seq}", "seq": seq}]})
            client.post(f"/exams/attempts/{attempt_id}/answers/", body, content_type="application/json")
        profiler.disable()
        print("\n--- 50 saves, by own time ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        print("\n--- 50 saves, by cumulative time ---")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


class Examinee:
    """One trainee's kept-alive connection to the server, with the cookies the exam page sends."""

    def __init__(self, port: int, session_key: str):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        csrf = "c" * 32  # Django accepts an unmasked 32-character secret
        self.headers = {
            "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Accept": "application/json",
        }

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
        if method == "GET" and path.endswith("/"):
            headers["Accept"] = "text/html"
        self.connection.request(method, path, body=body.encode() if body else None, headers=headers)
        response = self.connection.getresponse()
        return response.status, response.read()


def _postgres_backends(database: str) -> list[int]:
    """The pids of the PostgreSQL backends serving ``database`` (the server's connections)."""
    import psycopg

    with psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend'",
            [database],
        ).fetchall()
    return [pid for (pid,) in rows]


def through_gunicorn(args, env, paper_id, accounts):
    port = free_port()
    server = start_gunicorn(
        env=env, port=port, workers=1, threads=1, keep_alive=120, ready_path="/health/", timeout=300
    )
    try:
        examinees = [Examinee(port, key) for _user_id, key in accounts[: args.requests]]
        # Warm up the worker (imports, templates, its database connection) with the spare trainee.
        warm = Examinee(port, accounts[-1][1])
        status, body = warm.request("POST", f"/exams/papers/{paper_id}/start/")
        assert status == 201, (status, body[:300])
        warm_attempt = json.loads(body)["attempt"]
        for _ in range(3):
            warm.request("GET", f"/exams/attempts/{warm_attempt}/")
        pids = process_tree(server.pid)
        database_pids = _postgres_backends(args.database)
        figures = {}

        def phase(step, calls):
            server_before, database_before = cpu_seconds(pids), cpu_seconds(database_pids)
            results = [call() for call in calls]
            server = (cpu_seconds(pids) - server_before) * 1000 / len(calls)
            database = (cpu_seconds(database_pids) - database_before) * 1000 / len(calls)
            bad = [(status, body[:200]) for status, body in results if status >= 400]
            assert not bad, (step, bad[:3])
            figures[step] = (server, database, len(calls))
            return results

        started = phase(
            "start",
            [lambda e=e: e.request("POST", f"/exams/papers/{paper_id}/start/") for e in examinees],
        )
        attempt_ids = [json.loads(body)["attempt"] for _status, body in started]
        # Several rounds: /proc counts CPU in 10 ms ticks, and one round of 30 pages is too few for it.
        pages = phase(
            "page",
            [
                lambda e=e, a=a: e.request("GET", f"/exams/attempts/{a}/")
                for _round in range(args.page_rounds)
                for e, a in zip(examinees, attempt_ids, strict=True)
            ],
        )[: len(examinees)]
        positions = [_text_position(body.decode()) for _status, body in pages]
        rounds = max(1, args.saves // len(examinees))
        saves = []
        for seq in range(1, rounds + 1):
            for examinee, attempt_id, position in zip(examinees, attempt_ids, positions, strict=True):
                body = json.dumps(
                    {"answers": [{"position": position, "response": f"技术合同{seq}", "seq": seq}]}
                )
                saves.append(
                    lambda e=examinee, a=attempt_id, b=body: e.request(
                        "POST", f"/exams/attempts/{a}/answers/", b
                    )
                )
        phase("save", saves)
        event = json.dumps({"kind": "focus_lost", "detail": {"via": "blur"}})
        phase(
            "event",
            [
                lambda e=e, a=a: e.request("POST", f"/exams/attempts/{a}/events/", event)
                for e, a in zip(examinees, attempt_ids, strict=True)
            ],
        )
    finally:
        stop_process_group(server)
    print("through gunicorn (1 worker, 1 thread), CPU per request:")
    for step, (server_ms, database_ms, count) in figures.items():
        print(f"{step:>5}: server {server_ms:5.1f} ms, PostgreSQL {database_ms:4.1f} ms (n={count})")
    print(
        " ".join(
            f"{step}_server_cpu_ms={server_ms:.1f} {step}_postgres_cpu_ms={database_ms:.1f}"
            for step, (server_ms, database_ms, _count) in figures.items()
        )
    )


def _text_position(page: str) -> int:
    """A short-answer question's position on an attempt page: its answer is the text typed (choices
    go by per-attempt values)."""
    return next(
        int(position)
        for position, qtype, _body in exam_load.QUESTION_RE.findall(page)
        if qtype == "short_answer"
    )


if __name__ == "__main__":
    main()
