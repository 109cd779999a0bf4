"""Screenshots of the registrar reports, for docs/guide.md (Reports for registrars).

    .venv/bin/python docs/screenshots/make.py              # on the configured database (DATABASE_URL)
    .venv/bin/python docs/screenshots/make.py --no-demo    # skip loading the demo (already loaded)

Loads the demo (migrate, the demo loaders and ``load_demo_reports``; all idempotent), starts the
development server on a free local port, signs in as the demo registrar and saves one PNG per
report (desktop viewport 1440 px wide, the whole page) into this folder. Playwright drives Debian's
Chromium (/usr/bin/chromium); no browser is downloaded. Set DATABASE_URL to a scratch database: the
demo adds rows.
"""

import argparse
import base64
import hmac
import os
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DEMO = [
    ["migrate", "--no-input", "-v", "0"],
    ["load_demo"],
    ["load_demo_learning"],
    ["load_demo_questions"],
    ["load_demo_exam"],
    ["load_demo_accounts"],
    ["load_demo_certificates"],
    ["load_demo_reports"],
]
# (file name, path, what to wait for): each report page in Chinese, as registrars see it.
PAGES = [
    ("report-cohort.png", "/admin/reports/cohorts/{cohort}/"),
    ("report-exam.png", "/admin/reports/exams/{paper}/"),
    ("report-certificate-registry.png", "/admin/reports/certificates/?cohort={cohort}"),
    ("report-annual.png", "/admin/reports/annual/"),
]


def manage(*args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ids() -> dict:
    code = (
        "from courses.models import Cohort; from courses.exams.models import ExamPaper;"
        "print(Cohort.objects.get(code='P-2026-SUMMER').pk, ExamPaper.objects.get(title='初级技术经理人结业考试').pk)"
    )
    cohort, paper = manage("shell", "-v", "0", "-c", code).split()[-2:]
    return {"cohort": cohort, "paper": paper}


def shrink(path: Path) -> None:
    """A palette PNG: the reports are flat colours, so 256 colours keep them sharp at a third the size."""
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo first")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_DEBUG", "1")  # the development server serves the static files
    if not options.no_demo:
        for command in DEMO:
            manage(*command)
    targets = ids()
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urlopen(f"{base}/health/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        shoot(base, targets)
    finally:
        server.terminate()
        server.wait(timeout=20)


DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str, period: int = 30) -> str:
    """The current six-digit TOTP code (RFC 6238, SHA-1), as an authenticator app shows it."""
    digest = hmac.new(
        base64.b32decode(secret), struct.pack(">Q", int(time.time()) // period), "sha1"
    ).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def shoot(base: str, targets: dict) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        page.goto(f"{base}/accounts/login/?next=/admin/")  # the admin signs in through the site login
        page.fill("input[name=login]", "registrar")
        page.fill("input[name=password]", "Registrar-2026!")
        page.locator("main form button[type=submit]").click()
        # Registrars give a TOTP code too: the demo's published secret (courses/accounts/demo.py).
        page.wait_for_url(f"{base}/accounts/2fa/authenticate/")
        page.fill("input[name=code]", totp_code(DEMO_TOTP_SECRET))
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"{base}/admin/")
        for name, path in PAGES:
            page.goto(base + path.format(**targets))
            page.wait_for_selector("html[data-charts-ready]")
            # The admin scrolls its content pane, not the page: grow the window to the content's height.
            height = page.evaluate("document.querySelector('main.content-wrapper').scrollHeight")
            page.set_viewport_size({"width": 1440, "height": min(max(900, height), 2600)})
            page.wait_for_timeout(400)
            out = HERE / name
            page.screenshot(path=str(out))
            page.set_viewport_size({"width": 1440, "height": 900})
            shrink(out)
            print(f"{out.relative_to(ROOT)}  {out.stat().st_size // 1024} KB")
        browser.close()


if __name__ == "__main__":
    main()
