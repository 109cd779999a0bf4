"""Heartbeats from 500 simulated trainees against a real server: nginx, two gunicorn instances, PostgreSQL, Redis.

    .venv/bin/python benchmarks/heartbeats.py [--trainees 500] [--seconds 60] [--interval 2]
        [--through nginx|gunicorn] [--steady wrk|python] [--python-trainees 50]

Creates its own database (``--database``, ``tta_bench_heartbeats`` by default, dropped and re-created), migrates it, and
writes one course with a lesson, one cohort and N enrolled trainees with bulk inserts; each trainee
gets a prepared login session. It then starts the production topology with the code of
``./tta serve`` (deploy/topology.py: nginx, two gunicorn instances, a Celery worker, Redis as cache
and broker) or, with ``--through gunicorn``, one gunicorn on 127.0.0.1, with a short heartbeat
interval, and lets every trainee send a heartbeat per interval for the given
time, as the lesson page does (each tab with its own signed page view, always visible and in use). To keep the figures honest about abuse, one trainee in ten also has
a second tab open, and one heartbeat in twenty is a replay of a sequence number already sent.

Each trainee starts with 359 s of earlier study, so the first credited heartbeat crosses 360 s
and enters 0.1 h in the ledger: the ledger's insert path runs under load for every trainee. "Expected" is what the rules allow given
the times the client actually sent accepted heartbeats: the first beat one interval, each later one
the time since the trainee's previous beat (any tab), at most one interval.

With ``--steady wrk`` (the default when wrk is installed) only ``--python-trainees`` send from
Python, and the exact "expected" comparison is made for them; the tabs of all the others beat from
wrk (benchmarks/wrk/heartbeats.lua, ~0.1 ms of client CPU per request), and for them the seconds
credited must not exceed one interval per accepted heartbeat.

Prints requests per second, p50/p95 latency, errors, the CPU time per request of the servers (nginx,
each gunicorn instance, the worker, PostgreSQL's backends) beside the load generator's (this script
and wrk), the requests each app instance answered, and seconds and hours credited versus expected,
ending with one line of key=value figures. Traffic goes to 127.0.0.1 only.
"""

import argparse
import asyncio
import os
import random
import secrets
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal

import httpx
from _harness import (
    ROOT,
    CpuMeter,
    access_log_counts,
    free_port,
    login_sessions,
    machine_reference_ms,
    percentile_ms,
    prepare_database,
    print_cpu,
    process_tree,
    run_wrk,
    start_gunicorn,
    start_topology,
    stop_process_group,
)

TENTH = 360
PRIOR_SECONDS = TENTH - 1  # earlier study per trainee: one second short of the first 0.1 h
WRK_SCRIPT = ROOT / "benchmarks" / "wrk" / "heartbeats.lua"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long trainees keep sending")
    parser.add_argument("--interval", type=int, default=2, help="HEARTBEAT_INTERVAL_SECONDS for this run")
    parser.add_argument("--through", choices=["nginx", "gunicorn"], default="nginx")
    parser.add_argument(
        "--steady", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python"
    )
    parser.add_argument("--python-trainees", type=int, default=50, help="with --steady wrk")
    parser.add_argument("--wrk-connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=None, help="per instance (nginx: 2, gunicorn: 4)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--cache-db", type=int, default=12, help="Redis database of the cache (nginx)")
    parser.add_argument("--connections", type=int, default=64, help="client connection pool size")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--database", default="tta_bench_heartbeats", help="dropped and re-created")
    args = parser.parse_args()
    args.workers = args.workers or (2 if args.through == "nginx" else 4)
    return args


def server_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://postgres@{args.db_host}/{args.database}",
        DATABASE_CONN_MAX_AGE="60",
        DJANGO_DEBUG="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        HEARTBEAT_INTERVAL_SECONDS=str(args.interval),
        LOG_LEVEL="WARNING",
        CACHE_URL=f"rediscache://127.0.0.1:6379/{args.cache_db}"
        if args.through == "nginx"
        else "locmemcache://bench",
        CELERY_BROKER_URL=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0"),
    )
    return env


def seed(args, env) -> tuple[int, list[tuple[int, str]]]:
    """The lesson id and, per trainee, (user id, session key). Bulk inserts throughout."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import datetime

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.choices import DeliveryMode, Level, Module
    from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage
    from courses.models import Cohort, CourseStudy, Enrolment, EnrolmentStatus

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="首页", slug="bench-home"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    catalogue = home.add_child(instance=CourseIndexPage(title="课程目录", slug="courses"))
    course = catalogue.add_child(
        instance=CoursePage(
            title="专利检索与分析",
            slug="patent-search",
            code="P-07",
            summary="基准测试课程",
            module=Module.PRACTICE,
            level=Level.PRIMARY,
            delivery_mode=DeliveryMode.ONLINE,
            learning_hours=Decimal("4"),
        )
    )
    lesson = course.add_child(
        instance=LessonPage(
            title="检索式构建",
            slug="queries",
            body=[{"type": "rich_text", "value": "<p>正文</p>"}],
            estimated_minutes=30,
        )
    )
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        code="BENCH-1",
        title="基准班",
        course=course,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
        capacity=args.trainees,
    )
    User = get_user_model()
    password = make_password("bench-password")
    User.objects.bulk_create(
        [
            User(username=f"bench{n:04d}", email=f"bench{n:04d}@example.com", password=password)
            for n in range(args.trainees)
        ],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
    Enrolment.objects.bulk_create(
        [Enrolment(user=user, cohort=cohort, status=EnrolmentStatus.ENROLLED) for user in users],
        batch_size=1000,
    )
    CourseStudy.objects.bulk_create(
        [CourseStudy(user=user, course=course, active_seconds=PRIOR_SECONDS) for user in users],
        batch_size=1000,
    )
    result = login_sessions(users)
    from django.db import connections

    connections.close_all()
    return lesson.pk, result


def start_server(args, env, port):
    return start_gunicorn(
        env=env,
        port=port,
        workers=args.workers,
        threads=args.threads,
        # Longer than the client's pause between heartbeats, so kept-alive connections stay usable.
        keep_alive=75,
        # Any answer means Django is serving (a GET on the heartbeat endpoint is a quick 405).
        ready_path="/progress/heartbeat/",
    )


class Trainee:
    def __init__(self, user_id: int, session_key: str, tabs: int, lesson_id: int):
        from courses.page_views import page_view_issue

        self.user_id = user_id
        self.csrf = secrets.token_hex(16)  # 32 characters: Django accepts an unmasked secret
        self.cookie = f"sessionid={session_key}; csrftoken={self.csrf}"
        # Each tab carries the signed page view its lesson page was served with (same SECRET_KEY as the server).
        self.tabs = [page_view_issue(user_id=user_id, lesson_id=lesson_id) for _ in range(tabs)]
        self.session_key = session_key
        self.accepted_at: list[float] = []  # monotonic send times of credited heartbeats


async def run_tab(client, url, lesson_id, trainee, tab, args, stats, start):
    seq = 0
    # Tabs open at random moments within the first interval, as real pages would.
    next_at = start + random.uniform(0, args.interval)
    end = start + args.seconds
    while True:
        delay = next_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        if time.monotonic() >= end:
            return
        replay = seq > 0 and random.random() < 0.05
        if not replay:
            seq += 1
        body = {"lesson": lesson_id, "view": tab, "seq": seq, "visible": True, "interacted": True}
        sent = time.monotonic()
        try:
            response = await client.post(
                url, json=body, headers={"Cookie": trainee.cookie, "X-CSRFToken": trainee.csrf}
            )
            latency = time.monotonic() - sent
            stats["latencies"].append(latency)
            if response.status_code != 200:
                stats["errors"] += 1
                stats[f"http_{response.status_code}"] += 1
            else:
                status = response.json()["status"]
                stats[status] += 1
                if status == "credited":
                    trainee.accepted_at.append(sent)
        except httpx.HTTPError as error:
            stats["errors"] += 1
            stats[type(error).__name__] += 1
        next_at += args.interval


def expected_seconds(trainee: Trainee, interval: int) -> int:
    times = sorted(trainee.accepted_at)
    if not times:
        return 0
    total = interval
    for previous, current in zip(times, times[1:], strict=False):
        total += int(min(current - previous, interval))
    return total


async def load(args, base, lesson_id, trainees):
    url = f"{base}/progress/heartbeat/"
    stats = defaultdict(int)
    stats["latencies"] = []
    limits = httpx.Limits(max_connections=args.connections, max_keepalive_connections=args.connections)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:
        start = time.monotonic()
        tasks = [
            run_tab(client, url, lesson_id, trainee, tab, args, stats, start)
            for trainee in trainees
            for tab in trainee.tabs
        ]
        await asyncio.gather(*tasks)
        wall = time.monotonic() - start
    return stats, wall


def credited(env, user_ids) -> tuple[int, Decimal]:
    """Seconds credited during the run and online hours in the ledger, read from the database."""
    from django.db.models import Sum

    from courses.models import CourseStudy, HoursEntry

    seconds = CourseStudy.objects.filter(user_id__in=user_ids).aggregate(s=Sum("active_seconds"))["s"] or 0
    hours = HoursEntry.objects.filter(user_id__in=user_ids, source="online").aggregate(h=Sum("hours"))["h"]
    return seconds - PRIOR_SECONDS * len(user_ids), hours or Decimal("0")


def wrk_tabs(args, base, lesson_id, trainees, meter) -> dict:
    """The heartbeats of ``trainees``' tabs from wrk for ``--seconds``."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
        for trainee in trainees:
            for view in trainee.tabs:
                handle.write(f"{trainee.session_key}\t{trainee.csrf}\t{lesson_id}\t{view}\n")
    tabs = sum(len(t.tabs) for t in trainees)
    connections = max(1, min(args.wrk_connections, tabs))
    try:
        return run_wrk(
            url=base,
            script=WRK_SCRIPT,
            args=[handle.name, str(args.interval), str(connections)],
            seconds=args.seconds,
            connections=connections,
            meter=meter,
        )
    finally:
        os.unlink(handle.name)


async def load_both(args, base, lesson_id, python_trainees, wrk_trainees, meter):
    """Python's trainees and wrk's side by side for ``--seconds``."""
    wrk_run = (
        asyncio.to_thread(wrk_tabs, args, base, lesson_id, wrk_trainees, meter)
        if wrk_trainees
        else asyncio.sleep(0)
    )
    (stats, wall), wrk_figures = await asyncio.gather(load(args, base, lesson_id, python_trainees), wrk_run)
    return stats, wall, wrk_figures or {}


def main():
    args = parse_args()
    machine_ms = machine_reference_ms()
    print(f"machine reference: {machine_ms} ms of CPU (benchmarks/_harness.machine_reference_ms)", flush=True)
    env = server_env(args)
    prepare_database(db_host=args.db_host, database=args.database, env=env)
    lesson_id, accounts = seed(args, env)
    trainees = [
        Trainee(user_id, key, tabs=2 if number % 10 == 0 else 1, lesson_id=lesson_id)
        for number, (user_id, key) in enumerate(accounts)
    ]
    split = args.python_trainees if args.steady == "wrk" else len(trainees)
    python_trainees, wrk_trainees = trainees[:split], trainees[split:]
    topology = None
    if args.through == "nginx":
        import redis

        redis.Redis(host="127.0.0.1", port=6379, db=args.cache_db).flushdb()
        topology = start_topology(
            env=env,
            workers=args.workers,
            threads=args.threads,
            log_dir=tempfile.mkdtemp(prefix="heartbeats_"),
        )
        base, pid_groups = topology.url, topology.pids
        access_offset = topology.access_log.stat().st_size if topology.access_log.exists() else 0
    else:
        port = free_port()
        print(f"gunicorn: {args.workers} workers × {args.threads} threads on 127.0.0.1:{port}", flush=True)
        server = start_server(args, env, port)
        base = f"http://127.0.0.1:{port}"

        def pid_groups():
            return {"gunicorn": process_tree(server.pid)}

    meter = CpuMeter(pid_groups=pid_groups, database=args.database, db_host=args.db_host)
    try:
        print(
            f"load: {len(trainees)} trainees ({sum(len(t.tabs) for t in trainees)} tabs; "
            f"{len(python_trainees)} from Python, {len(wrk_trainees)} from wrk), "
            f"one heartbeat per {args.interval} s per tab for {args.seconds:.0f} s",
            flush=True,
        )
        before = meter.read()
        stats, wall, wrk_figures = asyncio.run(
            load_both(args, base, lesson_id, python_trainees, wrk_trainees, meter)
        )
        spent = CpuMeter.spent(before, meter.read())
    finally:
        if topology is not None:
            time.sleep(1.5)  # nginx flushes its buffered access log every second
            upstreams, statuses = access_log_counts(topology.access_log, access_offset)
            topology.stop()
        else:
            stop_process_group(server)

    latencies = sorted(stats["latencies"])
    wrk_requests = int(wrk_figures.get("requests", 0))
    requests = (len(latencies) + wrk_requests) or 1
    server_cpu = sum(seconds for role, seconds in spent.items() if role != "client")
    client_cpu = spent["client"]
    p50, p95 = percentile_ms(latencies, 0.5), percentile_ms(latencies, 0.95)
    seconds, hours = credited(env, [t.user_id for t in python_trainees])
    expected = sum(expected_seconds(t, args.interval) for t in python_trainees)
    # The ledger holds whole tenths of an hour of each trainee's study, earlier study included.
    expected_hours = sum(
        ((PRIOR_SECONDS + expected_seconds(t, args.interval)) // TENTH) * Decimal("0.1")
        for t in python_trainees
    )
    print(f"requests: {requests} in {wall:.1f} s = {requests / wall:.1f}/s (wrk {wrk_requests})")
    print_cpu("heartbeats", spent, requests)
    print(
        f"latency (Python's trainees): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {latencies[-1] * 1000 if latencies else 0:.1f} ms"
    )
    wrk_within = "yes"
    if wrk_figures:
        accepted = int(wrk_figures.get("status_200", 0))
        wrk_seconds, _hours = credited(env, [t.user_id for t in wrk_trainees])
        wrk_within = "yes" if wrk_seconds <= accepted * args.interval else "no"
        print(
            f"wrk: {wrk_requests} heartbeats, p50 {wrk_figures['p50_ms']} ms, p95 {wrk_figures['p95_ms']} ms, "
            f"p99 {wrk_figures['p99_ms']} ms, non-2xx {wrk_figures['non_2xx']}, wrk CPU {wrk_figures['cpu_s']} s; "
            f"seconds credited {wrk_seconds} for {accepted} answered heartbeats (at most "
            f"{accepted * args.interval}: {wrk_within})"
        )
    if topology is not None:
        print(
            "answered by instance (nginx's log): "
            + ", ".join(f"{k} ×{v}" for k, v in sorted(upstreams.items()))
            + "; statuses "
            + ", ".join(f"{k} ×{v}" for k, v in sorted(statuses.items()))
        )
    print(
        f"responses: credited {stats['credited']}, replay {stats['replay']}, "
        f"not_enrolled {stats['not_enrolled']}, errors {stats['errors']}"
    )
    kinds = {k: v for k, v in stats.items() if k.startswith("http_") or k[:1].isupper()}
    if kinds:
        print(f"errors by kind: {kinds}")
    print(
        f"seconds credited {seconds} vs expected {expected} (ratio {seconds / expected if expected else 0:.3f})"
    )
    print(f"ledger hours credited {hours} vs expected {expected_hours}")
    print(
        f"machine_ref_ms={machine_ms} trainees={len(trainees)} requests={requests} rps={requests / wall:.1f} p50_ms={p50:.1f} "
        f"p95_ms={p95:.1f} errors={stats['errors']} replays={stats['replay']} "
        f"server_cpu_ms={server_cpu / requests * 1000:.2f} client_cpu_ms={client_cpu / requests * 1000:.2f} "
        f"seconds_credited={seconds} seconds_expected={expected} "
        f"hours_credited={hours} hours_expected={expected_hours} through={args.through} steady={args.steady} "
        f"wrk_p50_ms={wrk_figures.get('p50_ms', 0)} wrk_p95_ms={wrk_figures.get('p95_ms', 0)} "
        f"wrk_non_2xx={wrk_figures.get('non_2xx', 0)} wrk_credit_within_bound={wrk_within} "
        f"load_generator_cpu_s={client_cpu:.1f}"
    )


if __name__ == "__main__":
    main()
