"""N examinees start one exam at the same moment, save answers for a while and submit: nginx, two gunicorn instances, PostgreSQL, Redis.

    .venv/bin/python benchmarks/exam_load.py --examinees 1000 [--duration 120] [--save-every 10] [--max-minutes 10]
        [--through nginx|gunicorn] [--steady wrk|python] [--python-examinees 50]

Creates its own database (``tta_bench_exams``, dropped and re-created, then migrated) and writes,
with bulk inserts, a course, a cohort, a bank of 20 questions of every objective type plus an
essay, an approved paper drawing all of them (shuffled questions and options), and N enrolled
trainees, each with a prepared login session. By default it starts the production topology with
the code of ``./tta serve`` (deploy/topology.py: nginx in front of two gunicorn instances, a Celery
worker with beat, Redis as cache and broker); ``--through gunicorn`` starts one gunicorn
(config.wsgi, gthread workers) on 127.0.0.1 instead. N simulated examinees run with asyncio +
httpx, as the exam page does:

1. each opens the exam's page (the waiting room) at a random moment within ``--open-within``
   seconds before the opening; once all have, the sitting opens (a barrier) and each presses
   "start" at a random moment within ``--start-within`` seconds of it (the issue's "start the same
   minute"; ``--start-within 0``: all at the same instant), then loads the attempt page;
2. for ``--duration`` seconds each changes an answer every ``--save-every`` seconds on average
   (exponential gaps), sending it with a rising sequence number; a failed save is retried, as the
   page does on reconnect;
3. each submits, at a random moment within ``--submit-within`` seconds after the answering ends
   (``0``: all at once).

With ``--steady wrk`` (the default when wrk is installed) only ``--python-examinees`` of them save
from Python (the correctness sample); the steady saves of all the others come from wrk with a Lua
script (benchmarks/wrk/exam_saves.lua: each examinee's session and CSRF token, rising sequence
numbers), which costs ~0.1 ms of CPU per request where httpx costs milliseconds. Every examinee
still opens, starts, loads its page and submits from Python. A 503 or 429 with Retry-After (nginx's
or the app's back-pressure) is tried again after that long with jitter, as the page does; it is
counted as "busy", and the step's latency runs to the answer that succeeded.

Through nginx it counts the requests each app instance answered (nginx's access log and the
``X-Upstream`` header) and how many examinees were served by both: sessions, attempt locks,
deadlines and rate limits must not depend on which one answers. It prints the CPU seconds of nginx,
each gunicorn instance, the Celery worker and PostgreSQL's backends beside the load generator's
(this process and wrk), per phase (open; start and page; answering; submit) and per request.

Answers lost: after the run, every examinee's stored answers are compared with the last answer the
client sent and had acknowledged for each question; any difference is a lost answer. Answers the
client could never get acknowledged are counted separately (``unacknowledged``).

Prints p50/p95/p99 latency per step (start, page, save, submit), errors, and answers lost, beside
the targets (save p95 under 500 ms, no answer lost), ending with one line of key=value figures.
Traffic goes to 127.0.0.1 only; examinees are capped at 3,000. The whole run, database set-up
included, is bounded by ``--max-minutes`` (10): examinees still busy then are stopped and counted
as unfinished, and the figures still print. On 2 cores, 1,000 examinees with the default 120 s of
answering fit in it.
"""

import argparse
import asyncio
import datetime
import json
import os
import random
import re
import secrets
import shutil
import signal
import sys
import tempfile
import time
from collections import defaultdict

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

from core.guards import SYSTEM

MAX_EXAMINEES = 3000
MAX_DURATION = 900
STEPS = ["open", "start", "page", "save", "submit"]
# What the exam must sustain (issue 4): saves answered within half a second, no answer lost.
TARGET_SAVE_P95_MS = 500
TARGET_ANSWERS_LOST = 0
# The broker database of this benchmark's queue, so no developer's worker takes its deadline tasks.
BROKER_DB = 13
CACHE_DB = 12  # and its cache (sessions, rate limits), shared by both app instances
WRK_SCRIPT = ROOT / "benchmarks" / "wrk" / "exam_saves.lua"
# Questions wrk can answer without the page's option values: position:kind in its examinees file.
WRK_KINDS = {"short_answer": "text", "essay": "text", "numerical": "num", "true_false": "bool"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examinees", type=int, default=200)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of answering")
    parser.add_argument(
        "--max-minutes", type=float, default=10.0, help="bound on the whole run, set-up included"
    )
    parser.add_argument("--save-every", type=float, default=10.0, help="mean seconds between saves")
    for step, meaning in (
        ("open", "opens the waiting room before the opening"),
        ("start", "presses start after the opening (0: all at the same instant)"),
        ("submit", "submits after the answering ends (0: all at once)"),
    ):
        parser.add_argument(
            f"--{step}-within",
            type=float,
            default=60.0,
            help=f"seconds within which each examinee {meaning}, uniformly at random",
        )
    parser.add_argument(
        "--through", choices=["nginx", "gunicorn"], default="nginx", help="the topology, or one gunicorn"
    )
    parser.add_argument(
        "--steady",
        choices=["wrk", "python"],
        default="wrk" if shutil.which("wrk") else "python",
        help="who sends the steady saves",
    )
    parser.add_argument(
        "--python-examinees", type=int, default=50, help="with --steady wrk: examinees that save from Python"
    )
    parser.add_argument("--wrk-connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=None, help="per instance (nginx: 2, gunicorn: 3)")
    parser.add_argument("--threads", type=int, default=None, help="per worker (nginx: 4, gunicorn: 8)")
    parser.add_argument("--connections", type=int, default=100, help="client connection pool size")
    parser.add_argument("--database", default="tta_bench_exams")
    parser.add_argument(
        "--redis-db", type=int, default=BROKER_DB, help="Redis database of the deadline tasks' queue"
    )
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--cache-db", type=int, default=CACHE_DB, help="Redis database of the cache (nginx)")
    parser.add_argument("--server-log", default="/tmp/exam_load_gunicorn.log", help="with --through gunicorn")
    parser.add_argument(
        "--sitting",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="schedule the exam as a sitting with every paper prepared before the start (default); "
        "--no-sitting: each start draws its paper",
    )
    parser.add_argument(
        "--reuse-db", action="store_true", help="keep a migrated database from an earlier run"
    )
    parser.add_argument(
        "--reload-at",
        type=float,
        default=None,
        help="gracefully restart gunicorn's workers after this many seconds",
    )
    args = parser.parse_args()
    if not 1 <= args.examinees <= MAX_EXAMINEES:
        parser.error(f"--examinees must be between 1 and {MAX_EXAMINEES}")
    if not 0 < args.duration <= MAX_DURATION:
        parser.error(f"--duration must be between 0 and {MAX_DURATION} seconds")
    if not all(0 <= value <= 600 for value in (args.open_within, args.start_within, args.submit_within)):
        parser.error("--open-within, --start-within and --submit-within must be between 0 and 600 seconds")
    if not 1 <= args.max_minutes <= 30:
        parser.error("--max-minutes must be between 1 and 30")
    nginx = args.through == "nginx"
    args.workers = args.workers or (2 if nginx else 3)
    args.threads = args.threads or (4 if nginx else 8)
    args.run_deadline = time.monotonic() + args.max_minutes * 60
    return args


def server_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://postgres@{args.db_host}/{args.database}",
        DATABASE_CONN_MAX_AGE="60",
        DJANGO_DEBUG="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_MANIFEST_STATIC="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        # Two instances share one cache; one gunicorn keeps the per-process cache it always had.
        CACHE_URL=f"rediscache://127.0.0.1:6379/{args.cache_db}"
        if args.through == "nginx"
        else "locmemcache://bench-exams",
        CELERY_BROKER_URL=f"redis://127.0.0.1:6379/{args.redis_db}",
    )
    return env


def _questions(bank):
    from courses.questions import services
    from courses.questions.models import QuestionType

    kinds = [
        (
            QuestionType.SINGLE_CHOICE,
            {"options": [{"text": f"选项{c}", "fraction": "1" if c == "A" else "0"} for c in "ABCD"]},
        ),
        (
            QuestionType.MULTIPLE_CHOICE,
            {
                "options": [
                    {"text": "许可", "fraction": "0.5"},
                    {"text": "转让", "fraction": "0.5"},
                    {"text": "赠与", "fraction": "-1"},
                ]
            },
        ),
        (QuestionType.TRUE_FALSE, {"correct": True}),
        (QuestionType.SHORT_ANSWER, {"answers": [{"text": "技术合同", "fraction": "1"}]}),
        (QuestionType.NUMERICAL, {"answers": [{"value": "3", "tolerance": "0.5", "fraction": "1"}]}),
        (
            QuestionType.MATCHING,
            {"pairs": [{"prompt": "许可", "answer": "license"}, {"prompt": "转让", "answer": "assignment"}]},
        ),
    ]
    questions = []
    for number in range(19):
        qtype, data = kinds[number % len(kinds)]
        questions.append(
            services.question_create(
                user=SYSTEM,
                bank=bank,
                qtype=qtype,
                name=f"第{number + 1}题",
                text=f"第{number + 1}题：题干……",
                data=data,
            )
        )
    questions.append(
        services.question_create(
            user=SYSTEM,
            bank=bank,
            qtype=QuestionType.ESSAY,
            name="第20题",
            text="论述技术转移的主要路径。",
            data={"grader_info": "要点"},
        )
    )
    return questions


def seed(args, env) -> tuple[int, list[tuple[int, str]]]:
    """The paper id and, per examinee, (user id, session key). Bulk inserts throughout."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connections
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.choices import DeliveryMode, Level, Module
    from cms.models import CourseIndexPage, CoursePage, HomePage
    from courses.exams.models import ExamPaper, PaperSection, SectionKind
    from courses.models import Cohort, Enrolment, EnrolmentStatus
    from courses.questions.models import QuestionBank

    run = secrets.token_hex(3)
    site = Site.objects.get(is_default_site=True)
    if not isinstance(site.root_page.specific, HomePage):
        home = Page.get_first_root_node().add_child(instance=HomePage(title="首页", slug=f"bench-home-{run}"))
        site.root_page = home
        site.save()
    home = site.root_page
    catalogue = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="课程目录", slug="courses")
    )
    course = catalogue.add_child(
        instance=CoursePage(
            title=f"技术转移概论 {run}",
            slug=f"intro-{run}",
            code=f"B-{run}",
            summary="基准测试课程",
            module=Module.GENERAL,
            level=Level.PRIMARY,
            delivery_mode=DeliveryMode.ONLINE,
            learning_hours=Decimal("4"),
        )
    )
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        code=f"BENCH-{run}",
        title="基准班",
        course=course,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
        capacity=args.examinees,
    )
    bank = QuestionBank.objects.create(name=f"基准题库 {run}")
    paper = ExamPaper.objects.create(
        title="结业考试（基准）",
        course=course,
        cohort=cohort,
        live=False,
        time_limit_minutes=120,
        max_attempts=1,
        shuffle_questions=True,
        shuffle_options=True,
    )
    section = PaperSection.objects.create(
        paper=paper, title="全部试题", kind=SectionKind.RANDOM, draw_count=20, sort_order=0
    )
    section.banks.set([bank])
    section.save()
    _questions(bank)  # before approval: a paper draws the questions it was approved with
    paper.save_revision().publish()  # as a registrar's approval does

    User = get_user_model()
    password = make_password(None)
    User.objects.bulk_create(
        [User(username=f"exam-{run}-{n:04d}", password=password) for n in range(args.examinees)],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith=f"exam-{run}-").order_by("pk"))
    Enrolment.objects.bulk_create(
        [Enrolment(user=user, cohort=cohort, status=EnrolmentStatus.ENROLLED) for user in users],
        batch_size=1000,
    )
    if args.sitting:
        # Exam day as a registrar schedules it: a sitting of the cohort, its papers prepared by the
        # assembly (run here, before the server starts, as the worker runs it before the opening), so
        # "start" is a state change. It is open from now on: the examinees' barrier is the opening.
        from courses.exams.models import Attempt, AttemptStatus, Sitting
        from courses.exams.sittings import sitting_assemble

        sitting = Sitting.objects.create(
            paper=paper,
            cohort=cohort,
            title="基准场次",
            opens_at=timezone.now() - datetime.timedelta(seconds=5),
        )
        began = time.monotonic()
        while sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk):
            pass
        prepared = Attempt.all_objects.filter(sitting=sitting, status=AttemptStatus.PREPARED).count()
        print(f"sitting: {prepared} papers prepared in {time.monotonic() - began:.1f} s (in this process)")
    accounts = login_sessions(users)
    connections.close_all()
    return paper.pk, accounts


def start_server(args, env, port):
    return start_gunicorn(
        env=env,
        port=port,
        workers=args.workers,
        threads=args.threads,
        # Keep idle client connections open: closing them after gunicorn's default 2 s races the
        # client's next request on that connection (a ReadError that a browser would retry).
        keep_alive=120,
        extra_args=("--backlog", "4096"),
        ready_path="/exams/",
        log_path=args.server_log,
        timeout=300,  # a busy machine imports Django slowly
    )


QUESTION_RE = re.compile(r'data-position="(\d+)" data-type="(\w+)"[^>]*>(.*?)</fieldset>', re.DOTALL)
# Options and matching prompts go by the opaque values the page gives them.
OPTION_RE = re.compile(r'<(?:input type="(?:radio|checkbox)"[^>]*|option) value="([^"]+)"')
PROMPT_RE = re.compile(r'data-prompt="([^"]+)"')


def _response(qtype: str, rng: random.Random, body: str):
    values = list(dict.fromkeys(OPTION_RE.findall(body)))
    if qtype == "single_choice":
        return rng.choice(values)
    if qtype == "multiple_choice":
        return rng.sample(values, rng.randint(0, len(values)))
    if qtype == "true_false":
        return rng.random() < 0.5
    if qtype == "numerical":
        return f"{rng.uniform(0, 6):.1f}"
    if qtype == "matching":
        return {prompt: rng.choice(values) for prompt in PROMPT_RE.findall(body)}
    return rng.choice(["技术合同", "技术服务合同", "许可合同"]) + "·" + secrets.token_hex(3)


class Examinee:
    def __init__(self, user_id: int, session_key: str):
        self.user_id = user_id
        self.csrf = secrets.token_hex(16)  # 32 characters: Django accepts an unmasked secret
        self.headers = {
            "Cookie": f"sessionid={session_key}; csrftoken={self.csrf}",
            "X-CSRFToken": self.csrf,
            "Accept": "application/json",
        }
        self.attempt_id = None
        self.acknowledged: dict[int, object] = {}  # position -> last response the server acknowledged
        self.unacknowledged: set[int] = set()
        self.seq = 0
        self.saves_from_python = True  # False: wrk sends its steady saves
        self.wrk_questions: list[str] = []  # "position:kind" for wrk
        self.upstreams: set[str] = set()


class Run:
    def __init__(self, args, base, paper_id):
        self.args = args
        self.base = base
        self.paper_id = paper_id
        self.latency = defaultdict(list)
        self.errors = defaultdict(int)
        self.error_kinds = defaultdict(int)
        self.busy = defaultdict(int)  # 503/429 + Retry-After answers, tried again
        self.finished_at: list[float] = []  # when each request got its answer (CPU per phase)
        self.paged: list = []  # examinees whose attempt page is loaded (or who gave up)

    async def timed(self, step, client, method, url, examinee=None, **kwargs):
        sent = time.monotonic()
        for _ in range(20):
            try:
                response = await client.request(method, self.base + url, **kwargs)
            except httpx.HTTPError as error:
                self.errors[step] += 1
                self.error_kinds[f"{step}:{type(error).__name__}"] += 1
                return None
            self.finished_at.append(time.monotonic())
            if response.status_code not in (429, 503) or "Retry-After" not in response.headers:
                break
            # Back-pressure: come back after Retry-After, with jitter, as the exam page does.
            self.busy[step] += 1
            await asyncio.sleep(float(response.headers["Retry-After"]) * random.uniform(0.5, 1.5))
        self.latency[step].append(time.monotonic() - sent)
        if examinee is not None and "X-Upstream" in response.headers:
            examinee.upstreams.add(response.headers["X-Upstream"].split(",")[-1].strip())
        if response.status_code >= 400:
            self.errors[step] += 1
            self.error_kinds[f"{step}:{response.status_code}"] += 1
        return response

    async def save(self, client, examinee, position, response):
        examinee.seq += 1
        body = {"answers": [{"position": position, "response": response, "seq": examinee.seq}]}
        for attempt_number in range(4):  # the page retries until the server has it
            result = await self.timed(
                "save",
                client,
                "POST",
                f"/exams/attempts/{examinee.attempt_id}/answers/",
                examinee,
                json=body,
                headers=examinee.headers,
            )
            if result is not None and result.status_code == 200:
                examinee.acknowledged[position] = response
                examinee.unacknowledged.discard(position)
                return
            await asyncio.sleep(0.5 * (attempt_number + 1))
        examinee.unacknowledged.add(position)

    async def examinee(self, client, examinee, barrier: asyncio.Event, opened: list, end_at: float):
        # Everyone has the exam's page open before the start (this also warms the workers up).
        moments = random.Random(-examinee.user_id)
        await asyncio.sleep(moments.uniform(0, self.args.open_within))
        await self.timed(
            "open",
            client,
            "GET",
            f"/exams/papers/{self.paper_id}/",
            examinee,
            headers={**examinee.headers, "Accept": "text/html"},
        )
        opened.append(examinee)
        await barrier.wait()
        await asyncio.sleep(moments.uniform(0, self.args.start_within))
        try:
            await self.sit(client, examinee, end_at)
        finally:
            if examinee not in self.paged:
                self.paged.append(examinee)

    async def sit(self, client, examinee, end_at):
        rng = random.Random(examinee.user_id)
        started = await self.timed(
            "start",
            client,
            "POST",
            f"/exams/papers/{self.paper_id}/start/",
            examinee,
            headers=examinee.headers,
        )
        if started is None or started.status_code != 201:
            return
        examinee.attempt_id = started.json()["attempt"]
        page = await self.timed(
            "page",
            client,
            "GET",
            f"/exams/attempts/{examinee.attempt_id}/",
            examinee,
            headers={**examinee.headers, "Accept": "text/html"},
        )
        if page is None or page.status_code != 200:
            return
        questions = [(int(p), t, body) for p, t, body in QUESTION_RE.findall(page.text)]
        examinee.wrk_questions = [f"{p}:{WRK_KINDS[t]}" for p, t, _body in questions if t in WRK_KINDS]
        self.paged.append(examinee)
        while not examinee.saves_from_python and time.monotonic() < end_at():
            await asyncio.sleep(min(1.0, max(0.0, end_at() - time.monotonic())))  # wrk saves for it
        while examinee.saves_from_python:
            # The next change after an exponential gap, but never past the end of answering: the
            # submit comes on time instead of after a long last gap (which the run's bound would cut).
            gap = rng.expovariate(1 / self.args.save_every)
            await asyncio.sleep(max(0.0, min(gap, end_at() - time.monotonic())))
            if time.monotonic() >= end_at():
                break
            position, qtype, body = rng.choice(questions)
            await self.save(client, examinee, position, _response(qtype, rng, body))
        await asyncio.sleep(rng.uniform(0, self.args.submit_within))
        await self.timed(
            "submit",
            client,
            "POST",
            f"/exams/attempts/{examinee.attempt_id}/submit/",
            examinee,
            headers=examinee.headers,
        )

    async def go(self, examinees, reload, meter):
        """The run; returns its wall time and the CPU spent in each phase (open, start and page,
        answering, submit), with the requests answered in it."""
        limits = httpx.Limits(
            max_connections=self.args.connections, max_keepalive_connections=self.args.connections
        )
        barrier = asyncio.Event()
        phases = []  # (name, cpu reading at its end, requests answered by then)
        wrk_figures = {}
        readings = [meter.read()]
        # A browser waits as long as it takes; a long queue shows up as latency, not as an error.
        async with httpx.AsyncClient(limits=limits, timeout=300) as client:
            opened: list = []
            end_at = time.monotonic() + 10**6  # set when the barrier opens
            tasks = [
                asyncio.create_task(self.examinee(client, e, barrier, opened, lambda: end_at))
                for e in examinees
            ]
            while len(opened) < len(examinees) and not all(task.done() for task in tasks):
                await asyncio.sleep(0.1)
            phases.append(("open", meter.read(), time.monotonic()))
            start = time.monotonic()
            end_at = start + self.args.duration
            barrier.set()  # everyone presses "start" now
            if self.args.reload_at is not None:
                asyncio.get_running_loop().call_later(self.args.reload_at, reload)
            while len(self.paged) < len(examinees) and time.monotonic() < end_at:
                await asyncio.sleep(0.1)
            phases.append(("start+page", meter.read(), time.monotonic()))
            wrk_examinees = [e for e in examinees if not e.saves_from_python and e.attempt_id]
            if wrk_examinees and time.monotonic() < end_at - 1:
                wrk_figures = await asyncio.to_thread(
                    self.run_wrk, wrk_examinees, end_at - time.monotonic(), meter
                )
            while time.monotonic() < end_at:
                await asyncio.sleep(0.1)
            phases.append(("answering", meter.read(), time.monotonic()))
            # Bounded in time: examinees still busy at the run's deadline are stopped and counted, and
            # the figures still print (30 s are kept for reading the database and printing).
            remaining = self.args.run_deadline - time.monotonic() - 30
            _done, pending = await asyncio.wait(tasks, timeout=max(remaining, 30))
            for task in pending:
                task.cancel()
            self.errors["unfinished"] = len(pending)
            phases.append(("submit", meter.read(), time.monotonic()))
            wall = time.monotonic() - start
        cpu = []
        previous_reading, previous_at = readings[0], 0.0
        for name, reading, at in phases:
            requests = sum(1 for done_at in self.finished_at if previous_at < done_at <= at)
            if name == "answering":
                requests += int(wrk_figures.get("requests", 0))
            cpu.append((name, CpuMeter.spent(previous_reading, reading), requests))
            previous_reading, previous_at = reading, at
        return wall, cpu, wrk_figures

    def run_wrk(self, examinees, seconds, meter):
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
            for examinee in examinees:
                cookie = examinee.headers["Cookie"].split(";")[0].split("=", 1)[1]
                handle.write(
                    "\t".join([str(examinee.attempt_id), cookie, examinee.csrf, *examinee.wrk_questions])
                )
                handle.write("\n")
        connections = max(1, min(self.args.wrk_connections, len(examinees)))
        print(
            f"wrk: the steady saves of {len(examinees)} examinees for {seconds:.0f} s over {connections} connections",
            flush=True,
        )
        try:
            return run_wrk(
                url=self.base,
                script=WRK_SCRIPT,
                args=[handle.name, str(self.args.save_every), str(connections)],
                seconds=seconds,
                connections=connections,
                meter=meter,
            )
        finally:
            os.unlink(handle.name)


def stored_answers(examinees) -> tuple[int, int, int]:
    """(answers compared, answers lost, attempts not submitted), read from the database."""
    from courses.exams.models import Attempt, AttemptItem
    from courses.exams.presentation import response_for_page

    by_attempt = {e.attempt_id: e for e in examinees if e.attempt_id}
    stored = defaultdict(dict)
    for item in AttemptItem.objects.filter(attempt_id__in=by_attempt).select_related("version"):
        # Compared as the page sent it: options by the item's opaque values.
        stored[item.attempt_id][item.position] = response_for_page(
            version=item.version, option_values=item.option_values, response=item.response
        )
    compared = lost = 0
    for attempt_id, examinee in by_attempt.items():
        for position, response in examinee.acknowledged.items():
            compared += 1
            if json.dumps(stored[attempt_id].get(position), sort_keys=True) != json.dumps(
                response, sort_keys=True
            ):
                lost += 1
    open_ = Attempt.objects.filter(pk__in=by_attempt, status="in_progress").count()
    return compared, lost, open_


def main():
    args = parse_args()
    machine_ms = machine_reference_ms()
    print(f"machine reference: {machine_ms} ms of CPU (benchmarks/_harness.machine_reference_ms)", flush=True)
    env = server_env(args)
    prepare_database(db_host=args.db_host, database=args.database, env=env, reuse=args.reuse_db)
    paper_id, accounts = seed(args, env)
    import redis

    def flush_redis():
        for db in {args.redis_db, args.cache_db}:
            redis.Redis(host="127.0.0.1", port=6379, db=db).flushdb()

    flush_redis()
    examinees = [Examinee(user_id, key) for user_id, key in accounts]
    if args.steady == "wrk":
        for examinee in examinees[args.python_examinees :]:
            examinee.saves_from_python = False
    topology = access_offset = None
    if args.through == "nginx":
        topology = start_topology(
            env=env,
            workers=args.workers,
            threads=args.threads,
            log_dir=tempfile.mkdtemp(prefix="exam_load_topology_"),
        )
        base, pid_groups = topology.url, topology.pids
        access_offset = topology.access_log.stat().st_size if topology.access_log.exists() else 0

        def reload():
            print(f"restarting both instances' workers (SIGHUP) at {args.reload_at:.0f} s", flush=True)
            for name in ("app-1", "app-2"):
                os.kill(topology.processes[name].pid, signal.SIGHUP)
    else:
        port = free_port()
        print(f"gunicorn: {args.workers} workers × {args.threads} threads on 127.0.0.1:{port}", flush=True)
        server = start_server(args, env, port)
        base = f"http://127.0.0.1:{port}"

        def pid_groups():
            return {"gunicorn": process_tree(server.pid)}

        def reload():
            print(f"restarting gunicorn's workers (SIGHUP) at {args.reload_at:.0f} s", flush=True)
            os.kill(server.pid, signal.SIGHUP)

    meter = CpuMeter(pid_groups=pid_groups, database=args.database, db_host=args.db_host)
    run = Run(args, base, paper_id)
    try:
        python_savers = sum(e.saves_from_python for e in examinees)
        print(
            f"load: {len(examinees)} examinees open within {args.open_within:.0f} s before the opening, start "
            f"within {args.start_within:.0f} s of it, save every ~{args.save_every:.0f} s "
            f"for {args.duration:.0f} s ({python_savers} from Python, {len(examinees) - python_savers} from wrk), "
            f"then submit within {args.submit_within:.0f} s",
            flush=True,
        )
        load_before = os.getloadavg()[0]
        wall, cpu_phases, wrk_figures = asyncio.run(run.go(examinees, reload, meter))
    finally:
        if topology is not None:
            topology.access_log.parent.mkdir(exist_ok=True)
            time.sleep(1.5)  # nginx flushes its buffered access log every second
            upstreams, statuses = access_log_counts(topology.access_log, access_offset)
            topology.stop()
        else:
            stop_process_group(server)
        flush_redis()

    compared, lost, still_open = stored_answers(examinees)
    unacknowledged = sum(len(e.unacknowledged) for e in examinees)
    wrk_requests = int(wrk_figures.get("requests", 0))
    requests = sum(len(v) for v in run.latency.values()) + wrk_requests
    print(f"requests: {requests} in {wall:.1f} s = {requests / wall:.1f}/s (wrk {wrk_requests})")
    # Other work on the machine inflates latency; CPU per request does not depend on it.
    print(f"CPU seconds by phase (load average at start {load_before:.1f} on {os.cpu_count()} cores):")
    figures = {
        "examinees": len(examinees),
        "duration_s": int(args.duration),
        "through": args.through,
        "steady": args.steady,
        "requests": requests,
    }
    total_spent = defaultdict(float)
    for name, spent, phase_requests in cpu_phases:
        figures |= print_cpu(name, spent, phase_requests)
        for role, seconds in spent.items():
            total_spent[role] += seconds
    figures |= print_cpu("total", total_spent, requests)
    server_cpu = sum(s for role, s in total_spent.items() if role != "client")
    client_cpu = total_spent["client"]
    cpu_ms = server_cpu * 1000 / max(requests, 1)
    if wrk_figures:
        print(
            f"  wrk saves: {wrk_requests} in {wrk_figures['seconds']} s, p50 {wrk_figures['p50_ms']} ms, "
            f"p95 {wrk_figures['p95_ms']} ms, p99 {wrk_figures['p99_ms']} ms, non-2xx {wrk_figures['non_2xx']}, "
            f"socket errors {sum(int(wrk_figures[k]) for k in wrk_figures if k.startswith('errors_'))}, "
            f"wrk CPU {wrk_figures['cpu_s']} s; statuses "
            + ", ".join(f"{k[7:]}×{v}" for k, v in wrk_figures.items() if k.startswith("status_"))
        )
        figures |= {
            "wrk_save_p50_ms": wrk_figures["p50_ms"],
            "wrk_save_p95_ms": wrk_figures["p95_ms"],
            "wrk_non_2xx": wrk_figures["non_2xx"],
            "wrk_socket_errors": sum(int(wrk_figures[k]) for k in wrk_figures if k.startswith("errors_")),
        }
    if topology is not None:
        served_both = sum(len(e.upstreams) >= 2 for e in examinees)
        print(
            "answered by instance (nginx's log): "
            + ", ".join(f"{k} ×{v}" for k, v in sorted(upstreams.items()))
            + "; statuses "
            + ", ".join(f"{k} ×{v}" for k, v in sorted(statuses.items()))
            + f"; examinees served by both instances {served_both} of {len(examinees)}"
        )
        instances = [count for upstream, count in upstreams.items() if upstream != "-"]
        figures |= {
            "instances_answering": len(instances),
            "smaller_instance_share": round(min(instances) / sum(instances), 2) if len(instances) >= 2 else 0,
            "examinees_served_by_both": served_both,
        }
    if run.busy:
        print(
            "busy (503/429 + Retry-After, tried again): "
            + ", ".join(f"{k} ×{v}" for k, v in run.busy.items())
        )
    figures["busy"] = sum(run.busy.values())
    for step in STEPS:
        values = run.latency[step]
        p50, p95, p99 = (percentile_ms(values, s) for s in (0.5, 0.95, 0.99))
        print(
            f"{step:>6}: n={len(values):6d}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p99 {p99:7.1f} ms  errors {run.errors[step]}"
        )
        figures |= {
            f"{step}_p50_ms": round(p50, 1),
            f"{step}_p95_ms": round(p95, 1),
            f"{step}_p99_ms": round(p99, 1),
        }
    save_p95 = percentile_ms(run.latency["save"], 0.95)
    met = save_p95 < TARGET_SAVE_P95_MS and lost <= TARGET_ANSWERS_LOST and not run.errors["unfinished"]
    print(
        f"targets: save p95 {save_p95:.0f} ms (target < {TARGET_SAVE_P95_MS} ms), "
        f"answers lost {lost} (target {TARGET_ANSWERS_LOST}), unfinished {run.errors['unfinished']} "
        f"(target 0): {'met' if met else 'NOT met'}"
    )
    errors = sum(run.errors.values())
    if run.error_kinds:
        print(
            "errors by step and kind: " + ", ".join(f"{k} ×{v}" for k, v in sorted(run.error_kinds.items()))
        )
    print(
        f"answers compared {compared}, lost {lost}, unacknowledged {unacknowledged}; attempts left open {still_open}"
    )
    figures |= {
        "errors": errors,
        "answers_compared": compared,
        "answers_lost": lost,
        "unacknowledged": unacknowledged,
        "attempts_open": still_open,
        "rps": round(requests / wall, 1),
        "server_cpu_ms_per_request": round(cpu_ms, 1),
        "load_generator_cpu_s": round(client_cpu, 1),
        "server_cpu_s": round(server_cpu, 1),
        "loadavg_at_start": round(load_before, 1),
        "machine_ref_ms": machine_ms,
        "target_save_p95_ms": TARGET_SAVE_P95_MS,
        "target_answers_lost": TARGET_ANSWERS_LOST,
        "targets_met": "yes" if met else "no",
        "run_s": round(args.max_minutes * 60 - (args.run_deadline - time.monotonic())),
    }
    print(" ".join(f"{key}={value}" for key, value in figures.items()))


if __name__ == "__main__":
    main()
