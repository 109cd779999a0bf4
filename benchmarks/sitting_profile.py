"""CPU and queries of an exam start: drawn at start (no sitting) beside started from a prepared paper.

    .venv/bin/python benchmarks/sitting_profile.py [--database tta_h1_profile] [--requests 30] [--sql]

Seeds a database the way ``exam_load.py`` and ``exam_profile.py`` do (a 20-question paper drawn at
random from a bank, one cohort of trainees with sessions) and sends the start request through
Django's test client (the whole middleware stack, no network):

1. ``--requests`` trainees start the paper without a sitting: each start draws and shuffles a paper
   (the path of ``exam_profile.py``'s "start" step);
2. a sitting is scheduled for the cohort and its papers are prepared in this process, as the worker
   does (``sittings.sitting_assemble``): the worker's CPU per prepared paper is printed;
3. the sitting opens and ``--requests`` other trainees start: each start takes its prepared paper.

Prints, per step, the median CPU milliseconds (``time.process_time``) and queries of one request.
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

from core.guards import SYSTEM

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import exam_load  # noqa: E402  (the same seed as the load test)

SITTING_REDIS_DB = 3  # this profile's own broker database (nothing is queued to a worker here)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tta_h1_profile")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--redis-db", type=int, default=SITTING_REDIS_DB)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="list the statements of one start of each kind")
    parser.add_argument("--reuse-db", action="store_true")
    args = parser.parse_args()
    args.examinees = 2 * args.requests + 2
    args.through, args.cache_db = "gunicorn", args.redis_db  # what exam_load.server_env reads
    env = exam_load.server_env(args)
    exam_load.prepare_database(db_host=args.db_host, database=args.database, env=env, reuse=args.reuse_db)
    paper_id, accounts = exam_load.seed(args, env)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from courses.exams import sittings
    from courses.exams.models import Attempt, AttemptStatus, ExamPaper, Sitting

    settings.ALLOWED_HOSTS = ["*"]
    json_headers = {"HTTP_ACCEPT": "application/json"}
    statements = {}

    def start(step, session_key):
        client = Client()
        client.cookies["sessionid"] = session_key
        with CaptureQueriesContext(connection) as queries:
            before = time.process_time()
            response = client.post(f"/exams/papers/{paper_id}/start/", **json_headers)
            cpu = (time.process_time() - before) * 1000
        assert response.status_code == 201, (response.status_code, response.content[:500])
        statements.setdefault(step, [query["sql"] for query in queries])
        return response.json()["attempt"], cpu, len(queries)

    start("warm-up", accounts[-1][1])  # imports, templates, the connection

    drawn = [start("start (draw)", key)[1:] for _user_id, key in accounts[: args.requests]]

    paper = ExamPaper.objects.get(pk=paper_id)
    sitting = Sitting.objects.create(
        paper=paper, cohort_id=paper.cohort_id, opens_at=timezone.now() + datetime.timedelta(minutes=10)
    )
    # The assembly runs here, as the worker runs it (the task saving the sitting would queue is not run).
    before_cpu, before_wall = time.process_time(), time.monotonic()
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    assembly_cpu, assembly_wall = time.process_time() - before_cpu, time.monotonic() - before_wall
    prepared = {
        user_id: pk
        for pk, user_id in Attempt.all_objects.filter(
            sitting=sitting, status=AttemptStatus.PREPARED
        ).values_list("pk", "user_id")
    }
    Sitting.objects.filter(pk=sitting.pk).update(opens_at=timezone.now() - datetime.timedelta(seconds=1))

    from_prepared = []
    for user_id, key in accounts[args.requests : 2 * args.requests]:
        attempt_id, cpu, queries = start("start (prepared)", key)
        assert attempt_id == prepared[user_id], "the start drew a paper instead of taking the prepared one"
        from_prepared.append((cpu, queries))

    print(
        f"assembly: {len(prepared)} papers prepared in {assembly_wall:.2f} s, "
        f"{assembly_cpu * 1000 / max(len(prepared), 1):.1f} ms of worker CPU per paper (in this process)"
    )
    figures = {"start (draw)": drawn, "start (prepared)": from_prepared}
    for step, rows in figures.items():
        cpu = statistics.median(row[0] for row in rows)
        queries = statistics.median(row[1] for row in rows)
        print(f"{step:>17}: median CPU {cpu:6.1f} ms, {queries:.0f} queries per request (n={len(rows)})")
    print(
        f"start_draw_cpu_ms={statistics.median(r[0] for r in drawn):.1f} "
        f"start_prepared_cpu_ms={statistics.median(r[0] for r in from_prepared):.1f} "
        f"assembly_cpu_ms_per_paper={assembly_cpu * 1000 / max(len(prepared), 1):.1f}"
    )
    if args.sql:
        for step in figures:
            sqls = statements[step]
            print(f"\n--- one {step}: {len(sqls)} statements ---")
            for sql in sqls:
                print("  " + (sql if len(sql) < 300 else sql[:297] + "..."))


if __name__ == "__main__":
    main()
