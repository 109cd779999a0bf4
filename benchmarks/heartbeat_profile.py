"""CPU and statements of one heartbeat, in-process, on PostgreSQL.

    .venv/bin/python benchmarks/heartbeat_profile.py [--database tta_profile_heartbeats] [--requests 200] [--profile]

Seeds a database the way ``heartbeats.py`` does (one lesson, enrolled trainees with a prepared
session, each 1 s short of a tenth of an hour), then sends heartbeats through Django's test client
(the whole middleware stack, no network): one per trainee (the first: it crosses the tenth, so it
writes a ledger row) and then a second one per trainee (a steady beat). Prints, per kind, the median
CPU milliseconds (``time.process_time``) and the SQL statements of one request; ``--profile`` adds
cProfile's top functions over a batch of steady beats.
"""

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import heartbeats  # noqa: E402  (the same seed as the load test)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tta_profile_heartbeats")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--interval", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--show-sql", action="store_true", help="print the statements of one steady beat")
    args = parser.parse_args()
    args.trainees = args.requests
    args.through, args.cache_db = "gunicorn", 0  # heartbeats.server_env: a per-process cache
    env = heartbeats.server_env(args)
    heartbeats.prepare_database(db_host=args.db_host, database=args.database, env=env)
    lesson_id, accounts = heartbeats.seed(args, env)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from courses.page_views import page_view_issue

    settings.ALLOWED_HOSTS = ["*"]
    clients = []
    for user_id, key in accounts:
        client = Client()
        client.cookies["sessionid"] = key
        clients.append((client, page_view_issue(user_id=user_id, lesson_id=lesson_id)))
    # Each page view is issued a whole interval before its first beat, so that beat earns credit.
    time.sleep(args.interval + 1)

    def beat(client, view, seq):
        body = json.dumps(
            {"lesson": lesson_id, "view": view, "seq": seq, "visible": True, "interacted": True}
        )
        return client.post("/progress/heartbeat/", body, content_type="application/json")

    def measure(client, view, seq):
        backend_before = backend_cpu()
        with CaptureQueriesContext(connection) as queries:
            before = time.process_time()
            response = beat(client, view, seq)
            cpu = (time.process_time() - before) * 1000
        backend = backend_cpu() - backend_before
        assert response.status_code == 200, (response.status_code, response.content[:300])
        assert response.json()["status"] == "credited", response.json()
        if args.show_sql and seq == 2 and not figures["steady"]:
            print("statements of one steady beat:")
            for query in queries:
                print("  ", query["sql"][:160])
        return cpu, len(queries), response.json()["credited_seconds"], backend

    def backend_cpu() -> float:
        """CPU milliseconds PostgreSQL's backend of this connection has used (it runs on this machine;
        the connection is kept between requests, DATABASE_CONN_MAX_AGE)."""
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    figures = {"first": [], "steady": []}
    for client, view in clients:
        figures["first"].append(measure(client, view, 1))
    time.sleep(args.interval)
    half = len(clients) // 2 if args.profile else len(clients)
    for client, view in clients[:half]:
        figures["steady"].append(measure(client, view, 2))

    for kind, rows in figures.items():
        cpu = statistics.median(row[0] for row in rows)
        queries = statistics.median(row[1] for row in rows)
        credited = sum(1 for row in rows if row[2] > 0)
        # The backend's clock ticks are 10 ms: the mean over many requests, not the median of one.
        backend = statistics.mean(row[3] for row in rows)
        print(
            f"{kind:>6}: median CPU {cpu:6.2f} ms, PostgreSQL {backend:5.2f} ms (mean), {queries:.0f} statements "
            f"per request (n={len(rows)}, {credited} earned seconds)"
        )
    print(
        " ".join(
            f"{kind}_cpu_ms={statistics.median(r[0] for r in rows):.2f} "
            f"{kind}_pg_cpu_ms={statistics.mean(r[3] for r in rows):.2f} "
            f"{kind}_statements={statistics.median(r[1] for r in rows):.0f}"
            for kind, rows in figures.items()
        )
    )

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for client, view in clients[half:]:
            beat(client, view, 2)
        profiler.disable()
        print(f"\n--- {len(clients) - half} steady beats, by cumulative time ---")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        print("\n--- by own time ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
