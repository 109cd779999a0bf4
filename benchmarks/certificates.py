"""Issue N certificates end to end through real Celery worker processes, beside a naive baseline.

    .venv/bin/python benchmarks/certificates.py --count 1000 [--concurrency 2] [--naive 20] [--reuse-db]

Creates its own database (``tta_bench_certs``, dropped, re-created and migrated unless
``--reuse-db``) and writes, with bulk inserts, a program with a certification rule (48 hours),
one course, a cohort and N enrolled trainees who each earned 48 hours, with real names of which
one in six has a character outside GB2312 (喆 堃 䶮 赟 玥 珺).

End to end: a registrar starts one issuance batch for the cohort (``batch_start``); a real worker
process (``celery -A config worker -Q <queue> --concurrency C``, prefork) checks each trainee's
eligibility, draws the serial, builds the snapshot, signs the credential, and queues the render;
the worker renders each PDF/A-3b (fonts and CSS built once per process), stores it and its hash.
The clock stops when every certificate is stored. The worker processes' RSS is sampled every
0.2 s for the peak.

Baseline, same run: ``--naive`` certificates rendered with a fresh ``HTML(...).write_pdf()`` each
(system Noto CJK font, nothing reused), in a child process of its own so its peak RSS is its own.
Profile: where one certificate's time goes, measured stage by stage in this process.

Prints the figures and ends with one line of ``key=value``. Uses Redis database 12 as broker.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

from _harness import (
    ROOT,
    cpu_seconds,
    machine_reference_ms,
    prepare_database,
    process_tree,
    stop_process_group,
)

from core.guards import SYSTEM

sys.path.insert(0, str(ROOT))
BROKER = "redis://127.0.0.1:6379/12"
NAMES = [
    "王喆堃",
    "李䶮",
    "张赟",
    "赵玥",
    "周珺",
    "陈建国",
    "刘海燕",
    "杨帆",
    "黄志强",
    "吴晓丽",
    "孙立",
    "马骏",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="certificates to issue (at most 5000)")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes (prefork children)")
    parser.add_argument("--naive", type=int, default=20, help="certificates for the naive baseline")
    parser.add_argument("--database", default="tta_bench_certs")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--keep-files", action="store_true", help="keep the PDFs and the worker log")
    parser.add_argument(
        "--reuse-db", action="store_true", help="keep a migrated database from an earlier run"
    )
    parser.add_argument("--naive-child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.count = max(1, min(args.count, 5000))
    return args


def bench_env(args, *, queue: str, storage: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://postgres@{args.db_host}/{args.database}",
        DATABASE_CONN_MAX_AGE="60",
        CELERY_BROKER_URL=BROKER,
        CACHE_URL="locmemcache://bench",
        TTA_CERTIFICATES_QUEUE=queue,
        TTA_CERTIFICATES_ROOT=str(storage),
        DJANGO_SETTINGS_MODULE="config.settings",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def arrange(count: int):
    """A program, its rule, a course, a cohort and ``count`` eligible trainees (bulk inserts)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from certification.models import CertificateRule, CourseSelection
    from cms.choices import Level
    from courses.models import Cohort, Enrolment, EnrolmentStatus, HoursEntry, HoursSource
    from tests.factories import cms as cms_factories

    home = cms_factories.home_page()
    catalogue = cms_factories.catalogue_page(home)
    program = cms_factories.program_page(home, title="技术经理人（初级）培训项目", level=Level.PRIMARY)
    course = cms_factories.course_page(catalogue, learning_hours=48, level=Level.PRIMARY)
    CertificateRule.objects.create(
        program=program, course_selection=CourseSelection.NONE, min_hours=Decimal("48"), validity_months=36
    )
    tag = uuid.uuid4().hex[:6]
    cohort = Cohort.objects.create(
        code=f"B-{tag}",
        title="证书基准班",
        program=program,
        starts_on="2026-01-01",
        ends_on="2026-12-31",
        capacity=count,
    )
    User = get_user_model()
    password = make_password(None)
    users = User.objects.bulk_create(
        [
            User(username=f"bench-{tag}-{n}", password=password, first_name=NAMES[n % len(NAMES)])
            for n in range(count)
        ]
    )
    _profiles(users)
    HoursEntry.objects.bulk_create(
        [HoursEntry(user=u, course=course, source=HoursSource.ONLINE, hours=Decimal("48")) for u in users]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(cohort=cohort, user=u, status=EnrolmentStatus.ENROLLED) for u in users]
    )
    return program, cohort, users


def _profiles(users) -> None:
    from django.apps import apps

    try:
        profile = apps.get_model("accounts", "TraineeProfile")
    except LookupError:
        return
    profile.objects.bulk_create([profile(user=u, real_name=u.first_name) for u in users])


def registrar():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(f"bench-registrar-{uuid.uuid4().hex[:6]}", password=None)


class Workers:
    """One ``celery worker`` (prefork) in its own session; its processes' RSS is sampled."""

    def __init__(self, *, env, queue: str, concurrency: int, log: Path):
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue,
                "--pool", "prefork", "--concurrency", str(concurrency), "--loglevel", "WARNING",
                "--hostname", f"bench-{uuid.uuid4().hex[:6]}@%h",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
            ],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.peak_child_rss = 0
        self.peak_total_rss = 0

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def sample(self) -> None:
        pids = process_tree(self.process.pid)
        sizes = [self._rss(pid) for pid in pids]
        self.peak_total_rss = max(self.peak_total_rss, sum(sizes))
        if len(sizes) > 1:
            self.peak_child_rss = max(self.peak_child_rss, max(sizes[1:]))

    def cpu_seconds(self) -> float:
        """User + system CPU time of the worker and its children so far."""
        return cpu_seconds(process_tree(self.process.pid))

    def stop(self) -> None:
        if self.process.poll() is None:
            stop_process_group(self.process, timeout=60)
        self._log.close()


def wait_until_ready(workers: Workers, timeout: float = 120) -> None:
    """Until every prefork child has built its renderer (the start-up cost is not the throughput)."""
    from config.celery_app import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if workers.process.poll() is not None:
            raise SystemExit(f"the worker exited; see its log ({workers._log.name})")
        replies = app.control.ping(timeout=1.0)
        if replies:
            time.sleep(3)  # children initialise (worker_process_init) right after the parent answers
            return
    raise SystemExit("the worker did not start")


def run_end_to_end(args, env, program, cohort, users, workers: Workers) -> dict:
    from certification.models import Certificate, RenderState
    from certification.services import batches

    actor = registrar()
    cpu_before = workers.cpu_seconds()
    started = time.perf_counter()
    batch = batches.batch_start(cohort=cohort, actor=actor)
    last_print = started
    while True:
        workers.sample()
        done = Certificate.objects.filter(program=program, render_state=RenderState.DONE).count()
        progress = batches.batch_progress(batch=batch)
        if progress.remaining == 0:
            break
        if workers.process.poll() is not None:
            raise SystemExit("the worker died during the run")
        now = time.perf_counter()
        if now - last_print > 10:
            print(f"  … {done}/{len(users)} rendered after {now - started:.0f} s", flush=True)
            last_print = now
        if now - started > 1800:
            raise SystemExit("gave up after 30 minutes")
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    worker_cpu = workers.cpu_seconds() - cpu_before
    certificates = list(Certificate.objects.filter(program=program))
    sizes = [c.pdf.size for c in certificates if c.render_state == RenderState.DONE]
    return {
        "seconds": elapsed,
        "worker_cpu_per_cert": worker_cpu / max(1, len(certificates)),
        "load": os.getloadavg()[0],
        "issued": len(certificates),
        "rendered": len(sizes),
        "failed": progress.failed,
        "pdf_mean": statistics.mean(sizes) if sizes else 0,
        "pdf_max": max(sizes) if sizes else 0,
    }


def profile_stages(program, sample: int = 20) -> dict:
    """Where the time of one certificate goes, stage by stage, in this process."""
    import hashlib

    from certification import credentials, pdf
    from certification.eligibility import eligibility_for
    from certification.models import Certificate
    from certification.services import certificate_issue
    from certification.services.printing import certificate_document
    from certification.services.templates import template_for_program
    from courses.models import HoursEntry

    users = list(Certificate.objects.filter(program=program).select_related("user").order_by("pk")[:sample])
    stages = {k: [] for k in ("eligibility", "issue", "sign", "build", "render", "hash")}
    # Fresh trainees for issuing (the batch's already hold a certificate).
    from django.contrib.auth import get_user_model

    User = get_user_model()
    tag = uuid.uuid4().hex[:6]
    fresh = User.objects.bulk_create(
        [User(username=f"prof-{tag}-{n}", first_name=NAMES[n % 12]) for n in range(sample)]
    )
    _profiles(fresh)
    course_id = HoursEntry.objects.filter(user=users[0].user).values_list("course_id", flat=True).first()
    HoursEntry.objects.bulk_create(
        [HoursEntry(user=u, course_id=course_id, source="online", hours=48) for u in fresh]
    )
    source = template_for_program(program)
    pdf.renderer()
    for user in fresh:
        t0 = time.perf_counter()
        eligibility_for(user=user, program=program)
        t1 = time.perf_counter()
        certificate = certificate_issue(actor=SYSTEM, user=user, program=program).certificate
        t2 = time.perf_counter()
        credentials.sign(credentials.credential_document(certificate), created="2026-01-01T00:00:00Z")
        t3 = time.perf_counter()
        document = certificate_document(certificate, source)
        t4 = time.perf_counter()
        content = pdf.render_certificate_pdf(document)
        t5 = time.perf_counter()
        hashlib.sha256(content).hexdigest()
        t6 = time.perf_counter()
        for key, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
            stages[key].append(value)
    return {key: statistics.median(values) for key, values in stages.items()}


def naive_child(count: int) -> None:
    """Run in a child process: ``count`` naive renders; prints JSON with timing, size and peak RSS."""
    import django

    django.setup()
    from datetime import UTC, datetime

    from certification import pdf
    from certification.services.printing import _render_body, printed_context
    from certification.services.templates import _shipped_default

    source = _shipped_default()
    times, sizes = [], []
    for n in range(count):
        snapshot = {
            "holder_name": NAMES[n % len(NAMES)],
            "program_title_zh": "技术经理人（初级）培训项目",
            "program_title_en": "Technology Transfer Manager Programme",
            "level_label_zh": "初级",
            "level_label_en": "Primary",
            "hours": "48",
            "serial": f"TTA-2026-P-{n:06d}",
            "verification_url": f"http://127.0.0.1:8000/verify/naive{n}/",
            "issuer_name_zh": "国家技术转移人才培养基地",
            "issuer_name_en": "National Technology Transfer Talent Training Base",
        }
        started = time.perf_counter()
        context = printed_context(
            snapshot=snapshot, issued_on=datetime.now(UTC).date(), expires_on=None, seal=None, signatures=()
        )
        document = pdf.CertificateDocument(
            body_html=_render_body(source.body, context),
            css=source.css,
            title=snapshot["serial"],
            issued_at=datetime.now(UTC),
            attachments=(pdf.PdfAttachment(name="credential.json", content=json.dumps(snapshot).encode()),),
        )
        content = pdf.render_naive(document)
        times.append(time.perf_counter() - started)
        sizes.append(len(content))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {"seconds_each": statistics.mean(times), "size_mean": statistics.mean(sizes), "peak_rss": peak}
        )
    )


def _clean_up(*, queue: str, storage: Path, keep: bool) -> None:
    """Drop the run's queue from the broker and, unless kept, its PDFs and worker log."""
    import redis

    client = redis.Redis.from_url(BROKER)
    client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
    if keep:
        print(f"kept the PDFs in {storage} and the worker log in {storage.with_suffix('.log')}")
        return
    shutil.rmtree(storage, ignore_errors=True)
    storage.with_suffix(".log").unlink(missing_ok=True)


def main() -> None:
    args = parse_args()
    if args.naive_child:
        naive_child(args.naive_child)
        return
    machine_ms = machine_reference_ms()
    print(f"machine reference: {machine_ms} ms of CPU (benchmarks/_harness.machine_reference_ms)", flush=True)

    queue = f"bench-certificates-{uuid.uuid4().hex[:8]}"
    storage = Path(os.environ.get("TMPDIR", "/tmp")) / f"tta-bench-certs-{uuid.uuid4().hex[:8]}"
    env = bench_env(args, queue=queue, storage=storage)
    os.environ.update(env)
    prepare_database(db_host=args.db_host, database=args.database, env=env, reuse=args.reuse_db)

    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]

    print(f"arranging {args.count} eligible trainees", flush=True)
    program, cohort, users = arrange(args.count)

    workers = Workers(env=env, queue=queue, concurrency=args.concurrency, log=storage.with_suffix(".log"))
    try:
        wait_until_ready(workers)
        print(f"issuing {args.count} certificates through {args.concurrency} worker processes", flush=True)
        result = run_end_to_end(args, env, program, cohort, users, workers)
    finally:
        workers.stop()

    rate = result["rendered"] / result["seconds"]
    cpu_ms = result["worker_cpu_per_cert"] * 1000
    cores = os.cpu_count() or 2
    print(f"end to end: {result['rendered']} of {args.count} certificates in {result['seconds']:.1f} s "
          f"= {rate:.1f} certificates/s ({args.concurrency} worker processes, {cores} cores)")  # fmt: skip
    print(f"  issued {result['issued']}, failed {result['failed']}")
    print(f"  worker CPU: {cpu_ms:.0f} ms per certificate (issue + render), so at most {cores * 1000 / cpu_ms:.1f}/s "
          f"on {cores} idle cores; load average during the run: {result['load']:.1f}")  # fmt: skip
    print(f"  PDF size: mean {result['pdf_mean'] / 1024:.0f} KB, max {result['pdf_max'] / 1024:.0f} KB")
    print(f"  peak worker RSS: {workers.peak_child_rss / 2**20:.0f} MB per process, "
          f"{workers.peak_total_rss / 2**20:.0f} MB for the worker and its children", flush=True)  # fmt: skip

    print(f"naive baseline: {args.naive} certificates, fresh HTML(...).write_pdf() each", flush=True)
    naive = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--naive-child", str(args.naive)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    print("profiling one certificate's stages (median of 20, in this process)", flush=True)
    stages = profile_stages(program)

    naive_rate = 1 / naive["seconds_each"]
    print()
    print(f"naive baseline: {naive['seconds_each'] * 1000:.0f} ms per certificate = {naive_rate:.1f}/s in one "
          f"process, PDF {naive['size_mean'] / 1024:.0f} KB, peak RSS {naive['peak_rss'] / 2**20:.0f} MB")  # fmt: skip
    total = sum(stages.values())
    print("where one certificate's time goes (median, ms):")
    for key, value in stages.items():
        print(f"  {key:12s} {value * 1000:7.1f}  ({100 * value / total:.0f} %)")
    print(
        f"machine_ref_ms={machine_ms} count={args.count} rendered={result['rendered']} failed={result['failed']} seconds={result['seconds']:.1f} "
        f"certificates_per_s={rate:.1f} worker_cpu_ms_per_cert={cpu_ms:.0f} load={result['load']:.1f} pdf_kb_mean={result['pdf_mean'] / 1024:.0f} pdf_kb_max={result['pdf_max'] / 1024:.0f} "
        f"peak_worker_rss_mb={workers.peak_child_rss / 2**20:.0f} naive_ms={naive['seconds_each'] * 1000:.0f} "
        f"naive_pdf_kb={naive['size_mean'] / 1024:.0f} naive_peak_rss_mb={naive['peak_rss'] / 2**20:.0f} "
        + " ".join(f"{key}_ms={value * 1000:.1f}" for key, value in stages.items())
    )
    _clean_up(queue=queue, storage=storage, keep=args.keep_files)


if __name__ == "__main__":
    main()
