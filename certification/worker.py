"""Start-up of Celery workers that render certificates.

A worker consuming the ``certificates`` queue refuses to start without HarfBuzz subsetting or
the CJK fonts: without the library WeasyPrint silently falls back to fontTools and a
certificate takes ~10 s instead of ~0.1 s; without the fonts it would print missing glyphs.
Each worker process then builds its renderer (fonts, base stylesheet) and glyph table once.

Imported by ``certification.tasks`` so the signal handlers are connected whenever tasks are.
"""

import logging

from celery.signals import celeryd_init, worker_process_init

from certification import fonts

logger = logging.getLogger(__name__)


def certificates_queue() -> str:
    from django.conf import settings

    return getattr(settings, "TTA_CERTIFICATES_QUEUE", "certificates")


class WorkerNotReady(SystemExit):
    """This machine cannot render certificates; the message says what to install.

    A SystemExit, because Celery logs and swallows ordinary exceptions raised by signal
    handlers: this one stops the worker, printing the message, with exit status 1.
    """


def startup_problems() -> list[str]:
    """What stops this machine from rendering certificates correctly and fast (empty: ready)."""
    problems = []
    if not fonts.harfbuzz_subset_available():
        problems.append(
            f"HarfBuzz subsetting library not found ({fonts.HARFBUZZ_SUBSET_SONAME}). Without it "
            "WeasyPrint falls back to fontTools and takes ~10 s per certificate. Install the Debian "
            "package libharfbuzz-subset0 (apt-get install libharfbuzz-subset0)."
        )
    missing = fonts.missing_font_files()
    if missing:
        problems.append(
            "Certificate fonts not found: "
            + ", ".join(str(path) for path in missing)
            + ". Install the Debian package fonts-noto-cjk; the subsets in certification/fonts/ (TTA Serif "
            "SC and TTA Serif SC Ext) ship with the project (rebuild them with `python -m certification.fonts`)."
        )
    return problems


def _queue_names(queues) -> set[str]:
    if not queues:
        return set()
    if isinstance(queues, str):
        queues = queues.split(",")
    return {name.strip() for name in queues if name and name.strip()}


def check_worker_can_render(queues) -> None:
    """Raise WorkerNotReady if ``queues`` include the certificates queue and this machine cannot render."""
    if certificates_queue() not in _queue_names(queues):
        return
    problems = startup_problems()
    if problems:
        raise WorkerNotReady(
            f"This worker consumes the '{certificates_queue()}' queue but cannot render certificates:\n- "
            + "\n- ".join(problems)
        )


@celeryd_init.connect
def _refuse_to_start_without_fonts(sender=None, instance=None, conf=None, options=None, **kwargs):
    check_worker_can_render((options or {}).get("queues"))


@worker_process_init.connect
def _build_renderer(**kwargs):
    """Build fonts, stylesheet and glyph table in each worker process, before its first task."""
    from certification import pdf

    pdf.renderer()
    fonts.covered_code_points(400)
    logger.info("certificate renderer ready")
