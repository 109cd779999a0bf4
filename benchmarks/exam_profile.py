"""CPU and queries of one exam start and one answer save, in-process, on PostgreSQL.

    .venv/bin/python benchmarks/exam_profile.py [--database tta_profile] [--requests 30] [--profile]

Seeds a database the way ``exam_load.py`` does (a 20-question paper drawn at random, enrolled
trainees with sessions), then sends requests through Django's test client (the whole middleware
stack, no network): ``--requests`` starts (each a different trainee), their attempt pages, and
``--requests`` saves. Prints, per step, the median CPU milliseconds (``time.process_time``) and the
queries of one request; ``--profile`` adds cProfile's top functions for one start and one save.
"""

import argparse
import cProfile
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tta_profile")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--redis-db", type=int, default=exam_load.BROKER_DB)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--reuse-db", action="store_true")
    args = parser.parse_args()
    args.examinees = args.requests + 2
    env = exam_load.server_env(args)
    exam_load.prepare_database(db_host=args.db_host, database=args.database, env=env, reuse=args.reuse_db)
    paper_id, accounts = exam_load.seed(args, env)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    json_headers = {"HTTP_ACCEPT": "application/json"}

    def client_for(session_key):
        client = Client()
        client.cookies["sessionid"] = session_key
        return client

    def measure(call):
        with CaptureQueriesContext(connection) as queries:
            before = time.process_time()
            response = call()
            cpu = (time.process_time() - before) * 1000
        assert response.status_code < 400, (response.status_code, response.content[:500])
        return response, cpu, len(queries)

    # Warm up: imports, template loading, connection.
    warm = client_for(accounts[-1][1])
    started = warm.post(f"/exams/papers/{paper_id}/start/", **json_headers)
    warm.get(f"/exams/attempts/{started.json()['attempt']}/")

    figures = {"start": [], "page": [], "save": []}
    attempts = []
    for _user_id, key in accounts[: args.requests]:
        client = client_for(key)
        response, cpu, queries = measure(
            lambda c=client: c.post(f"/exams/papers/{paper_id}/start/", **json_headers)
        )
        figures["start"].append((cpu, queries))
        attempt_id = response.json()["attempt"]
        page, cpu, queries = measure(lambda c=client, a=attempt_id: c.get(f"/exams/attempts/{a}/"))
        figures["page"].append((cpu, queries))
        attempts.append((client, attempt_id, _text_position(page)))
    for seq, (client, attempt_id, position) in enumerate(attempts, start=1):
        body = json.dumps({"answers": [{"position": position, "response": "技术合同", "seq": seq}]})
        _response, cpu, queries = measure(
            lambda c=client, a=attempt_id, b=body: c.post(
                f"/exams/attempts/{a}/answers/", b, content_type="application/json", **json_headers
            )
        )
        figures["save"].append((cpu, queries))

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

    if args.profile:
        user_id, key = accounts[args.requests]
        client = client_for(key)
        profiler = cProfile.Profile()
        profiler.enable()
        response = client.post(f"/exams/papers/{paper_id}/start/", **json_headers)
        profiler.disable()
        print("\n--- one start, by own time ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        attempt_id = response.json()["attempt"]
        position = _text_position(client.get(f"/exams/attempts/{attempt_id}/"))
        body = json.dumps({"answers": [{"position": position, "response": "许可", "seq": 1}]})
        profiler = cProfile.Profile()
        profiler.enable()
        client.post(f"/exams/attempts/{attempt_id}/answers/", body, content_type="application/json")
        profiler.disable()
        print("\n--- one save, by own time ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def _text_position(page) -> int:
    """A short-answer question's position on an attempt page: its answer is the text typed (choices
    go by per-attempt values)."""
    return next(
        int(position)
        for position, qtype, _body in exam_load.QUESTION_RE.findall(page.content.decode())
        if qtype == "short_answer"
    )


if __name__ == "__main__":
    main()
