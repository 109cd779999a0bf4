"""Browser fixtures for the ``e2e`` tests: Debian's Chromium driven by Playwright against ``live_server``.

Registered for the whole suite by tests/conftest.py. When a test that uses ``browser`` fails, every
page still open is saved to var/test-screenshots/ and the paths are added to the failure report.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(live_server):
    """The live server with this test's settings.

    The session-wide live server built its middleware before the per-test settings (plain HTTP)
    applied, so it would redirect to HTTPS; give it a handler built with them, then restore.
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.testcases import _MediaFilesHandler

    thread = live_server.thread
    previous = thread.httpd.get_app()
    thread.httpd.set_app(thread.static_handler(_MediaFilesHandler(WSGIHandler())))
    yield live_server
    thread.httpd.set_app(previous)


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                # The live server speaks plain HTTP; Chromium must not try to upgrade it to HTTPS.
                "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
                # Pages under test reach this machine only: any other host name does not resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def login(browser, site):
    """``login(user, **options)``: a new browser context (Chinese, unless ``options`` say otherwise)
    already signed in as ``user``, through a session made on the server (that passed TOTP: tests/mfa.py)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from tests.mfa import session_pass_mfa_as_signed_in

    def signed_in(user, **options):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        session_pass_mfa_as_signed_in(session, user)  # registrars and superusers need TOTP passed
        context = browser.new_context(**{"locale": "zh-CN", **options})
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site.url}]
        )
        return context

    return signed_in


def screenshot_open_pages(browser, name: str) -> list[Path]:
    """Save a full-page screenshot of every page open in ``browser``; returns the files written."""
    folder = Path(settings.BASE_DIR) / "var" / "test-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    pages = [page for context in browser.contexts for page in context.pages]
    paths = []
    for number, page in enumerate(pages, start=1):
        path = folder / (f"{name}.png" if len(pages) == 1 else f"{name}-{number}.png")
        try:
            page.screenshot(path=path, full_page=True, timeout=10_000)
        except Exception:  # noqa: BLE001 - a crashed or closing page must not hide the test's own failure
            continue
        paths.append(path)
    return paths


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a browser test's failure (before its fixtures close the pages), keep what each page showed."""
    report = yield
    browser = getattr(item, "funcargs", {}).get("browser")
    if report.failed and call.when == "call" and browser is not None:
        name = re.sub(r"[^\w.-]+", "_", item.nodeid.split("/")[-1])
        paths = screenshot_open_pages(browser, name)
        if paths:
            report.sections.append(("screenshots", "\n".join(str(path) for path in paths)))
    return report
