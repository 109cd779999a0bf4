import os
import time
import types
import uuid

import pytest
from django.conf import settings

# Fixtures of certificate rendering (private PDF storage, a worker taking the certificates queue) and
# of the browser tests (live server, Chromium, signed-in contexts, screenshots on failure).
pytest_plugins = ["tests.certification.render_fixtures", "tests.browser", "tests.factories.program_fixtures"]


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames)
        or (marker and marker.kwargs.get("transaction"))
    )


# Tests that take seconds, not tenths, for a reason of their own (a subprocess, Node.js, a rasteriser,
# the whole demo loaded, thousands of rows), by module or by test; measured with --durations
# (docs/testing.md). They stay in the full suite; ``./tta test --fast`` leaves them out.
SLOW_TESTS = {
    "tests/test_settings.py": "a fresh Django in a subprocess per test (3-11 s each)",
    "tests/test_public_url.py": "a fresh Django in a subprocess per test",
    "tests/accounts/test_deploy_check.py": "check --deploy in a subprocess (5 s)",
    "tests/courses/test_import_files.py::test_django_serves_media_only_in_debug": "three subprocesses (7 s)",
    "tests/certification/test_credentials.py": "Node.js verifies each credential (npm libraries)",
    "tests/certification/test_pdf_engines.py": "four PDF engines rasterise each page",
    "tests/review4/test_r4_truetype_metrics.py": "outlines of the CJK fonts rasterised (2 s each)",
    "tests/api/test_fuzz.py": "schemathesis sends 575 requests (14 s)",
    "tests/cms/test_demo.py": "the whole demo, loaded once per module (20-30 s)",
    "tests/courses/test_enrolment_demo.py": "the whole demo, loaded twice (29 s)",
    "tests/practice/test_demo_practice.py": "the whole demo (22 s)",
    "tests/practice/test_demo_advanced.py": "the whole demo (21 s)",
    "tests/reports/test_demo.py": "the whole demo and the reports' demo (27 s)",
    "tests/review3/test_r3_english.py::test_the_demo_exam_has_an_english_title": "four demo loaders (29 s)",
    "tests/reports/test_cohort_report.py::test_queries_stay_fixed_from_ten_to_five_thousand_trainees": (
        "5,000 trainees created (15 s)"
    ),
}


def _listed_slow(item) -> bool:
    test = item.nodeid.split("[")[0]
    return test in SLOW_TESTS or test.split("::")[0] in SLOW_TESTS


def _kinds(item) -> set[str]:
    """The markers ``./tta test --fast`` leaves out, read off what a test uses: a browser (e2e), a
    Celery worker or the production topology (integration), a database flushed after it or listed in
    ``SLOW_TESTS`` (slow)."""
    names = set(item.fixturenames)
    kinds = set()
    if {"browser", "live_server"} & names:
        kinds.add("e2e")
    if {"celery_worker_thread", "celery_test_queue"} & names or item.nodeid.startswith("tests/integration/"):
        kinds.add("integration")
    if _is_transactional(item) or _listed_slow(item):
        kinds.add("slow")
    return kinds


def pytest_collection_modifyitems(items):
    """Transactional tests flush every table, the rows that migrations create included (Wagtail's
    root page, locale and site, default templates). Give each of them Django's serialized rollback,
    so the database is put back as migrations left it; see ``pytest_runtest_teardown``.
    Each test is also marked with its kinds (``_kinds``), which ``-m`` selects on."""
    for item in items:
        if _is_transactional(item) and "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")
        for kind in _kinds(item) - {marker.name for marker in item.iter_markers()}:
            item.add_marker(kind)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Django restores the serialized rows at the start of a serialized-rollback test and leaves the
    tables empty after it. Once every fixture of such a test is torn down (its flush included),
    restore them, so the next test, in whatever order the test processes take the files, starts
    from the migrated database."""
    result = yield
    # After the session's last test the test databases are already torn down; a kept one
    # (--reuse-db) was restored by ``_kept_database_left_migrated``.
    if nextitem is not None and "django_db_serialized_rollback" in item.fixturenames:
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _restore_migrated_rows()
    return result


def _restore_migrated_rows() -> None:
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session", autouse=True)
def _kept_database_left_migrated(request, django_db_setup, django_db_blocker):
    """With --reuse-db the test database outlives the session: if its last test was transactional,
    put the migrated rows back before it is kept, or the next session starts without a page tree."""
    yield
    if request.config.getoption("reuse_db") and not request.config.getoption("create_db"):
        with django_db_blocker.unblock():
            _restore_migrated_rows()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """A SQLite test database of this run's own (suffixed with the process id): two test runs on one
    machine at the same time must not create and delete each other's file. --reuse-db keeps the
    shared name, so a kept database is found again."""
    from pytest_django.fixtures import _set_suffix_to_test_databases

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and not request.config.getoption(
        "reuse_db"
    ):
        _set_suffix_to_test_databases(suffix=f"p{os.getpid()}")


@pytest.fixture(autouse=True)
def _chinese_first():
    """Each test starts in the default language; a request under /en/ leaves English active in the thread."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    broker = settings.CELERY_BROKER_URL.split("@")[-1]
    return [
        f"tta: database={database['ENGINE'].rsplit('.', 1)[-1]} name={database['NAME']}",
        f"tta: celery broker={broker}",
    ]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """The production hasher (PBKDF2, a million rounds) is slow on purpose: about half a second for
    each user a factory or the demo loader creates. Tests check who may sign in, not how hard a
    password is to crack. For the whole session, module fixtures (the demo) included; the production
    hashers stay listed, so a password hashed by them still verifies."""
    from django.test import override_settings

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    ):
        yield


def _refuse_clear(self):
    raise AssertionError(
        "cache.clear() empties the whole Redis database that both test processes share (CI): a test's"
        " cache is already empty, each test has its own KEY_PREFIX; delete the keys it set instead"
    )


@pytest.fixture(autouse=True)
def _no_shared_cache_flush(monkeypatch):
    """A test emptying the cache in CI flushed the other test process's rate counters and sessions too."""
    from django.core.cache.backends.redis import RedisCache

    monkeypatch.setattr(RedisCache, "clear", _refuse_clear)


@pytest.fixture(autouse=True)
def _steady_rate_window(monkeypatch):
    """The rate limiter's minute (core.ratelimit, a fixed window) held at its middle for the test: a
    test that spends a limit and expects the next request refused failed when the minute turned
    between the two (CI, 7 December: a token's fourth look-up answered 404 instead of 429)."""
    from core import ratelimit

    middle = (
        time.time() // ratelimit.WINDOW_SECONDS
    ) * ratelimit.WINDOW_SECONDS + ratelimit.WINDOW_SECONDS / 2
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: middle))


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Uploaded files go to a per-test folder; plain HTTP and unhashed static files in tests.

    The production values of these settings are checked by tests/test_settings.py in a subprocess.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    # A fresh cache namespace per test: rolled-back rows must not survive in a shared Redis cache
    # (Wagtail caches site root paths), and parallel test processes must not read each other's.
    settings.CACHES = {
        name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"} for name, config in settings.CACHES.items()
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        # Private uploads (import files, Wagtail documents) in per-test folders outside MEDIA_ROOT.
        **{
            alias: {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(tmp_path / f"private-{alias}"), "base_url": None},
            }
            for alias in ("imports", "documents")
        },
    }


_NOT_INDEXED = types.SimpleNamespace(enqueue=lambda *args, **kwargs: None)


@pytest.fixture(autouse=True)
def _indexes_only_where_read(request, monkeypatch):
    """Wagtail updates its reference index (which pages use a document: the documents' access check
    reads it) and its search index (the catalogue's search) on every save of a page, a snippet or a
    document, a fifth of a typical test's time. Tests update them only where they read them: marked
    ``indexed``, and the browser and worker tests, which keep the whole product as it runs. (Only
    this thread: a live server's threads index as in production.)"""
    if {"indexed", "e2e", "integration"} & {marker.name for marker in request.node.iter_markers()}:
        yield
        return
    from modelsearch import signal_handlers as search_signals
    from wagtail.signal_handlers import disable_reference_index_auto_update

    monkeypatch.setattr(search_signals, "insert_or_update_object_task", _NOT_INDEXED)
    with disable_reference_index_auto_update():
        yield


@pytest.fixture(autouse=True)
def _force_login_passes_mfa(monkeypatch):
    """``client.force_login(user)`` signs in a session that also passed the second factor (TOTP),
    which registrars and superusers need for the admins and staff pages; see tests/mfa.py.
    ``client.force_login(user, mfa=False)`` signs in with the password step only."""
    from django.test.client import ClientMixin

    from tests.mfa import session_pass_mfa_as_signed_in

    force_login = ClientMixin.force_login

    def force_login_passing_mfa(self, user, backend=None, *, mfa=True):
        force_login(self, user, backend)
        if mfa:
            session_pass_mfa_as_signed_in(self.session, user)

    monkeypatch.setattr(ClientMixin, "force_login", force_login_passing_mfa)


@pytest.fixture(scope="session")
def celery_queue():
    """A queue of this test session's own, so a developer's worker or another run never takes its tasks."""
    from config.celery_app import app

    name = f"test-{uuid.uuid4().hex[:12]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = previous


@pytest.fixture
def celery_test_queue(celery_queue):
    """A queue of this test's own, the default one while it runs, for a worker thread of this test.

    Tasks queued by earlier tests of the session (on commit, with no worker running) stay in their
    queue: a worker of this test runs only what this test queued, and never waits behind their work.
    """
    from kombu.asynchronous.hub import get_event_loop

    from config.celery_app import app

    # A worker thread runs on the event loop it finds in the process: one left by a Worker created
    # and never started (tests/certification/test_worker.py) has another timer, and the thread's
    # tasks due later (ETA) would never run.
    assert get_event_loop() is None, "an earlier test left kombu's event loop behind"
    name = f"{celery_queue}-{uuid.uuid4().hex[:6]}"
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = celery_queue


@pytest.fixture
def celery_worker_thread(celery_test_queue, transactional_db):
    """A real Celery worker in a thread, consuming this test's queue through the configured broker."""
    from celery.contrib.testing.worker import start_worker

    from config.celery_app import app

    with start_worker(
        app, pool="solo", perform_ping_check=False, queues=[celery_test_queue], shutdown_timeout=30
    ) as worker:
        yield worker


@pytest.fixture
def captured_dispatches():
    """The tasks the code under test queues (``core.dispatch``), recorded instead of sent: each one
    is marked sent when its transaction commits (``django_capture_on_commit_callbacks``)."""
    from core import dispatch

    with dispatch.capture() as captured:
        yield captured


@pytest.fixture
def no_rendering():
    """Issue certificates without rendering their PDFs (rendering has its own tests): the render
    task is recorded, not sent; every other task is sent as usual."""
    from core import dispatch

    with dispatch.capture(only=["certification.tasks.certificate_render_task"]) as captured:
        yield captured


@pytest.fixture
def figure(record_property):
    """Record a measured figure (queries per page, a fuzz run's summary); the run lists them at its end.

    Kept on the test's report, so it reaches the summary from every xdist worker process.
    """

    def record(text: str) -> None:
        record_property("figure", text)

    return record


# Lines of each failure's report repeated at the very end of the output: CI shows only its tail.
FAILURE_RECAP_LINES = 40


def pytest_terminal_summary(terminalreporter):
    figures = [
        (report.nodeid, value)
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "figure"
    ]
    if figures:
        terminalreporter.section("figures")
        for nodeid, value in figures:
            terminalreporter.write_line(f"{nodeid.split('::')[-1]}: {value}")
    failed = [
        report
        for key in ("failed", "error")
        for report in terminalreporter.stats.get(key, [])
        if getattr(report, "longreprtext", "")
    ]
    if failed:
        terminalreporter.section("failures, last lines of each")
        for report in failed:
            terminalreporter.write_line(f"--- {report.nodeid} ({report.when})", bold=True)
            for line in report.longreprtext.splitlines()[-FAILURE_RECAP_LINES:]:
                terminalreporter.write_line(line)
