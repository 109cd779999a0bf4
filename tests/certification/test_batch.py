"""Bulk issuance of a cohort: registrars only, each trainee once, live progress, retries, a private ZIP."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from certification.models import BatchItem, Certificate, IssuanceBatch, ItemState, RenderState, ZipState
from certification.services import batches
from certification.services.rendering import certificate_render
from core.guards import SYSTEM
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories
from tests.waiting import wait_for


@pytest.fixture
def registrar(registrar):
    """The conftest's registrar, with access to the Wagtail admin (granted by the editorial setup)."""
    from django.contrib.auth.models import Permission

    registrar.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return registrar


@pytest.fixture
def cohort(program, eligible, private_storage):
    """``eligible`` meets the rule; 李䶮 is enrolled too but has not learnt anything yet."""
    cohort = course_factories.cohort(program=program)
    course_factories.enrolment(cohort=cohort, user=eligible)
    laggard = cert_factories.trainee(real_name="李䶮", username="liyan")
    course_factories.enrolment(cohort=cohort, user=laggard)
    return cohort


def _laggard():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="liyan")


def _previewed(page: str) -> str:
    """The trainees a preview page confirms, as its form posts them (ids, comma-separated)."""
    return re.search(r'name="users" value="([\d,]*)"', page).group(1)


def _render_all():
    for certificate in Certificate.objects.filter(render_state=RenderState.PENDING):
        certificate_render(actor=SYSTEM, certificate_id=certificate.pk)


def test_only_registrars_start_a_batch(cohort, trainee):
    with pytest.raises(PermissionDenied):
        batches.batch_start(cohort=cohort, actor=trainee)
    assert not IssuanceBatch.objects.exists()


def test_a_batch_issues_the_eligible_and_explains_the_others_in_chinese(cohort, registrar, eligible):
    batch = batches.batch_start(cohort=cohort, actor=registrar)
    assert batches.batch_progress(batch=batch).as_dict() == {
        "total": 2, "issued": 0, "held": 0, "not_eligible": 0, "failed": 0, "render_failed": 0,
        "remaining": 2, "finished": False, "percent": 0,
    }  # fmt: skip

    assert batches.batch_run(actor=SYSTEM, batch_id=batch.pk) == 2
    issued = BatchItem.objects.get(batch=batch, user=eligible)
    refused = BatchItem.objects.get(batch=batch, user=_laggard())
    assert issued.state == ItemState.ISSUED and issued.certificate.user == eligible
    assert refused.state == ItemState.NOT_ELIGIBLE and refused.certificate is None  # never "failed"
    assert "学时" in refused.error or "课程" in refused.error  # the eligibility explanation, in Chinese
    # The run rendered what it issued, in the same process: nothing was left to a render task.
    assert issued.certificate.render_state == RenderState.DONE
    progress = batches.batch_progress(batch=batch)
    assert (progress.issued, progress.held, progress.not_eligible, progress.failed) == (1, 0, 1, 0)
    assert (progress.remaining, progress.finished) == (0, True)
    batch.refresh_from_db()
    assert batch.state == "finished"


def test_running_a_batch_twice_issues_each_trainee_once(cohort, registrar):
    batch = batches.batch_start(cohort=cohort, actor=registrar)
    # Starting again while it runs gives the same batch: a double click starts one.
    assert batches.batch_start(cohort=cohort, actor=registrar) == batch
    batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    assert batches.batch_run(actor=SYSTEM, batch_id=batch.pk) == 0
    assert Certificate.objects.count() == 1


def test_the_run_is_the_systems_but_issues_as_the_registrar_who_started_the_batch(
    cohort, registrar, eligible, trainee
):
    batch = batches.batch_start(cohort=cohort, actor=registrar)
    with pytest.raises(PermissionDenied):  # the worker body is the platform's alone
        batches.batch_run(actor=registrar, batch_id=batch.pk)
    # A batch whose registrar is gone is refused, not issued by the system in their place.
    IssuanceBatch.objects.filter(pk=batch.pk).update(created_by=None)
    with pytest.raises(PermissionDenied):
        batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    assert not Certificate.objects.exists()
    assert not BatchItem.objects.filter(batch=batch).exclude(state=ItemState.PENDING).exists()

    IssuanceBatch.objects.filter(pk=batch.pk).update(created_by=registrar)
    batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    issued = Certificate.objects.get(user=eligible)
    assert issued.events.get(to_status="issued").actor == registrar  # the audit trail names who asked


def _callback_names(callbacks) -> list[str]:
    """The functions that registered on-commit callbacks, sorted (``_queue_run``, ...)."""
    return sorted(callback.__qualname__.split(".<locals>")[0] for callback in callbacks)


def test_a_long_batch_is_issued_in_chunks_each_queued_on_commit(
    cohort, registrar, django_capture_on_commit_callbacks, captured_dispatches
):
    batch = batches.batch_start(cohort=cohort, actor=registrar)
    run_task = "certification.tasks.certificate_batch_run_task"
    started = len(captured_dispatches.of(run_task))  # TTA_BATCH_RUNS runs, sharing the items
    with django_capture_on_commit_callbacks() as queued:
        assert batches.batch_run(actor=SYSTEM, batch_id=batch.pk, max_items=1) == 1
    # The rest of the batch (the first trainee, 李䶮, was not eligible), queued on commit.
    assert len(captured_dispatches.of(run_task)) == started + 1 and "dispatch" in _callback_names(queued)
    with django_capture_on_commit_callbacks() as queued:
        assert batches.batch_run(actor=SYSTEM, batch_id=batch.pk, max_items=1) == 1
    # The holder's notification (email, unread count); no render task (the run rendered the PDF
    # itself) and no further run: nothing is left.
    names = _callback_names(queued)
    tasks = captured_dispatches.names()
    assert "certification.tasks.certificate_render_task" not in tasks
    assert len(captured_dispatches.of(run_task)) == started + 1  # no further run
    assert "courses.notifications.tasks.notification_email_task" in tasks and "forget_unread_count" in names
    assert Certificate.objects.get().render_state == RenderState.DONE
    batch.refresh_from_db()
    assert batch.state == "finished"


def test_a_later_batch_issues_those_who_have_since_become_eligible(cohort, registrar, courses):
    """Not eligible is not an error: "try the errors again" leaves it alone; the next batch, previewed
    first, issues the trainee and counts the earlier holder as already holding one."""
    batch = batches.batch_start(cohort=cohort, actor=registrar)
    batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    laggard = _laggard()
    for course in courses:
        cert_factories.complete(user=laggard, course=course)
    cert_factories.exam_result(user=laggard, course=courses[-1], percent=90)
    assert batches.batch_retry_failures(batch=batch, actor=registrar) == 0

    preview = batches.batch_preview(cohort=cohort, actor=registrar)
    assert (len(preview.will_issue), len(preview.held), len(preview.not_eligible)) == (1, 1, 0)
    again = batches.batch_start(cohort=cohort, actor=registrar)
    batches.batch_run(actor=SYSTEM, batch_id=again.pk)
    _render_all()
    progress = batches.batch_progress(batch=again)
    assert (progress.issued, progress.held, progress.not_eligible, progress.remaining) == (1, 1, 0, 0)

    third = batches.batch_start(cohort=cohort, actor=registrar)
    batches.batch_run(actor=SYSTEM, batch_id=third.pk)
    progress = batches.batch_progress(batch=third)  # "0 issued, 2 already held"
    assert (progress.issued, progress.held, progress.not_eligible, progress.failed) == (0, 2, 0, 0)


def test_retry_renders_again_a_pdf_that_was_refused(cohort, registrar, monkeypatch):
    from certification import fonts
    from certification.services import rendering

    batch = batches.batch_start(cohort=cohort, actor=registrar)
    with monkeypatch.context() as patch:
        patch.setattr(
            rendering, "certificate_render", lambda certificate_id, actor: None
        )  # issued, render left pending
        batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    # Then no font can draw a printed character (a font removed from the machine, say).
    monkeypatch.setattr(fonts, "missing_glyphs", lambda text, weight=400: ["丰"])
    _render_all()
    progress = batches.batch_progress(batch=batch)
    # The refused PDF's certificate was issued: it counts as issued, its PDF's state apart (no error).
    assert (progress.issued, progress.render_failed, progress.failed, progress.not_eligible) == (1, 1, 0, 1)
    assert progress.finished
    monkeypatch.undo()
    with transaction.atomic():
        assert batches.batch_retry_failures(batch=batch, actor=registrar) == 1
    assert Certificate.objects.get().render_state == RenderState.PENDING


def test_the_zip_holds_every_stored_pdf_by_serial_and_is_served_to_registrars_only(
    cohort, registrar, trainee, client
):
    batch = batches.batch_start(cohort=cohort, actor=registrar)
    batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    _render_all()
    batches.batch_request_zip(batch=batch, actor=registrar)
    batch = batches.batch_build_zip(actor=SYSTEM, batch_id=batch.pk)
    assert batch.zip_state == ZipState.DONE

    certificate = Certificate.objects.get()
    url = reverse("certificate_batch_zip_download", args=[batch.pk])
    assert client.get(url).status_code == 302  # anonymous: to the admin login
    client.force_login(trainee)
    assert client.get(url).status_code in (302, 403)
    client.force_login(registrar)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == [f"{certificate.serial}.pdf"]
    with certificate.pdf.open("rb") as handle:
        assert archive.read(f"{certificate.serial}.pdf") == handle.read()


def test_the_batch_pages_and_progress_json(cohort, registrar, trainee, client):
    client.force_login(registrar)
    assert client.get(reverse("certificate_batches")).status_code == 200
    preview = client.get(reverse("certificate_batch_preview"), {"cohort": cohort.pk}).content.decode()
    confirmed = {"cohort": cohort.pk, "previewed": "1", "users": _previewed(preview)}
    response = client.post(reverse("certificate_batch_create"), confirmed)
    batch = IssuanceBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "certificate_batch", args=[batch.pk]
    )
    client.post(reverse("certificate_batch_create"), confirmed)
    assert IssuanceBatch.objects.count() == 1  # a double click starts one batch

    page = client.get(reverse("certificate_batch", args=[batch.pk]))
    assert page.status_code == 200 and b"batch-bar" in page.content
    body = client.get(reverse("certificate_batch_progress", args=[batch.pk])).json()
    # The eligible trainee waits for the worker; 李䶮, not eligible in the preview, is settled at once.
    assert (body["total"], body["remaining"], body["not_eligible"], body["failures"]) == (2, 1, 1, [])

    bad = client.post(reverse("certificate_batch_create"), {"cohort": "not a number"})
    assert bad.status_code == 302  # a clear message, never a 500

    client.force_login(trainee)
    assert client.get(reverse("certificate_batch_progress", args=[batch.pk])).status_code in (302, 403)


@pytest.mark.integration
def test_a_batch_runs_on_a_real_worker_through_the_broker(certificates_worker, cohort, registrar):
    with transaction.atomic():
        batch = batches.batch_start(cohort=cohort, actor=registrar)
    assert wait_for(lambda: batches.batch_progress(batch=batch).finished, timeout=90)
    progress = batches.batch_progress(batch=batch)
    assert (progress.issued, progress.not_eligible, progress.failed) == (1, 1, 0)


def test_a_batch_whose_run_was_lost_is_queued_again_by_the_sweep(
    cohort, registrar, captured_dispatches, django_capture_on_commit_callbacks
):
    """The one sweep of every registrar job (core.jobs) resumes a batch untouched for a while."""
    from datetime import timedelta

    from django.utils import timezone

    from core.jobs import jobs_resume_stalled

    run_task = "certification.tasks.certificate_batch_run_task"
    batch = batches.batch_start(cohort=cohort, actor=registrar)  # its run messages are never sent

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 0  # pending, but only just
    an_hour_ago = timezone.now() - timedelta(hours=1)
    IssuanceBatch.objects.filter(pk=batch.pk).update(updated_at=an_hour_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 1
    assert captured_dispatches.args(run_task, sent=True) == [batch.pk]

    assert batches.batch_run(actor=SYSTEM, batch_id=batch.pk) == 2  # the queued run issues what is pending
    IssuanceBatch.objects.filter(pk=batch.pk).update(updated_at=an_hour_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 0  # finished: nothing to resume
    assert captured_dispatches.args(run_task, sent=True) == [batch.pk]


def test_a_confirmed_batch_issues_only_the_trainees_its_preview_showed(
    cohort, registrar, courses, eligible, client
):
    """Review of issue 14 (finding 6): between the preview and the confirmation 李䶮 became eligible
    and the previewed trainee lost their exam result. The confirmed batch issues nobody: the one
    previewed is not eligible, with the reason; 李䶮 is not added silently but told to preview again."""
    from django.utils import translation

    from courses.exams.models import Attempt

    client.force_login(registrar)
    preview = client.get(reverse("certificate_batch_preview"), {"cohort": cohort.pk}).content.decode()
    previewed = _previewed(preview)
    assert previewed == str(eligible.pk)

    laggard = _laggard()
    for course in courses:
        cert_factories.complete(user=laggard, course=course)
    cert_factories.exam_result(user=laggard, course=courses[-1], percent=90)
    Attempt.objects.filter(user=eligible).delete()

    unpreviewed = client.post(reverse("certificate_batch_create"), {"cohort": cohort.pk})
    assert unpreviewed.status_code == 302 and not IssuanceBatch.objects.exists()
    client.post(
        reverse("certificate_batch_create"), {"cohort": cohort.pk, "previewed": "1", "users": previewed}
    )
    batch = IssuanceBatch.objects.get()
    batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    progress = batches.batch_progress(batch=batch)
    assert (progress.issued, progress.held, progress.not_eligible, progress.remaining) == (0, 0, 2, 0)
    assert not Certificate.objects.exists()
    reasons = dict(BatchItem.objects.filter(batch=batch).values_list("user__username", "error"))
    assert "考试" in reasons[eligible.username]
    with translation.override("zh-hans"):  # stored in Chinese, as every batch reason
        assert reasons["liyan"] == batches.not_previewed_reason()
