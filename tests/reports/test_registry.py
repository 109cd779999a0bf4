"""The certificate registry: filters, bulk actions through the lifecycle services, exports, queries."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from certification.models import Certificate, CertificateEvent, CertificateStatus, RegistryChange
from certification.services import bulk
from core.guards import SYSTEM
from tests.factories import certification as cert_factories
from tests.waiting import wait_for

from .conftest import bulk_cohort

pytestmark = pytest.mark.django_db

PAGE_QUERIES = 40


@pytest.fixture
def certificates(program, rule, cohort, no_rendering, registrar):
    """Three certificates: two of the cohort (one suspended), one issued without a cohort last year."""
    made = []
    for index in range(3):
        trainee = cert_factories.trainee(real_name=f"持证人{index}", username=f"holder{index}")
        made.append(
            cert_factories.certificate(user=trainee, program=program, cohort=cohort if index < 2 else None)
        )
    from certification.services import certificate_suspend

    certificate_suspend(certificate=made[1], actor=registrar, reason="核查中")
    Certificate.objects.filter(pk=made[2].pk).update(issued_at=timezone.now() - datetime.timedelta(days=400))
    return [Certificate.objects.get(pk=c.pk) for c in made]


def _listed(response) -> set[str]:
    return {c.serial for c in response.context["page"]}


def test_filters(registrar_client, certificates, cohort, program):
    url = reverse("certificate_registry")
    assert _listed(registrar_client.get(url)) == {c.serial for c in certificates}
    assert _listed(registrar_client.get(url, {"status": "suspended"})) == {certificates[1].serial}
    assert _listed(registrar_client.get(url, {"cohort": cohort.pk})) == {c.serial for c in certificates[:2]}
    assert _listed(registrar_client.get(url, {"program": program.pk})) == {c.serial for c in certificates}
    assert _listed(registrar_client.get(url, {"q": "持证人2"})) == {certificates[2].serial}
    since = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    assert _listed(registrar_client.get(url, {"issued_from": since})) == {c.serial for c in certificates[:2]}
    response = registrar_client.get(url, {"status": "revoked"})
    assert response.status_code == 200 and "没有符合条件的证书" in response.content.decode()
    bad = registrar_client.get(url, {"issued_from": "2026-05-01", "issued_to": "2026-01-01"})
    assert bad.status_code == 200 and "结束日期早于开始日期" in bad.content.decode()


def test_bulk_suspend_reports_each_row(registrar_client, certificates, registrar):
    ids = [c.pk for c in certificates]
    response = registrar_client.post(
        reverse("certificate_registry"), {"action": "suspend", "reason": "年度复核", "certificates": ids}
    )
    assert response.status_code == 200
    outcomes = {o.serial: o for o in response.context["outcomes"]}
    assert outcomes[certificates[0].serial].ok and outcomes[certificates[2].serial].ok
    assert (
        outcomes[certificates[1].serial].ok and outcomes[certificates[1].serial].message
    )  # already suspended
    assert set(Certificate.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"suspended"}
    events = CertificateEvent.objects.filter(action="suspended", reason="年度复核")
    assert events.count() == 2 and {e.actor_id for e in events} == {registrar.pk}


def test_bulk_revoke_needs_a_reason_and_changes_nothing_without_one(registrar_client, certificates):
    ids = [c.pk for c in certificates]
    response = registrar_client.post(
        reverse("certificate_registry"), {"action": "revoke", "certificates": ids}
    )
    assert response.status_code == 400 and "请填写原因" in response.content.decode()
    assert not Certificate.objects.filter(status=CertificateStatus.REVOKED).exists()
    empty = registrar_client.post(reverse("certificate_registry"), {"action": "reinstate"})
    assert empty.status_code == 400 and "请至少选择一张证书" in empty.content.decode()


def test_a_row_that_cannot_change_is_reported_not_a_500(registrar_client, certificates, registrar):
    from certification.services import certificate_revoke

    certificate_revoke(certificate=certificates[0], actor=registrar, reason="违规")
    response = registrar_client.post(
        reverse("certificate_registry"),
        {"action": "reinstate", "certificates": [certificates[0].pk, certificates[1].pk, 999999]},
    )
    assert response.status_code == 200
    outcomes = response.context["outcomes"]
    assert [o.ok for o in outcomes] == [False, True, False]
    assert "无法执行" in response.content.decode()
    assert Certificate.objects.get(pk=certificates[1].pk).status == CertificateStatus.ISSUED
    assert Certificate.objects.get(pk=certificates[0].pk).status == CertificateStatus.REVOKED


def test_export_of_a_selection_and_of_all_matching(registrar_client, certificates):
    response = registrar_client.post(
        reverse("certificate_registry"), {"action": "export", "certificates": [certificates[1].pk]}
    )
    rows = list(load_workbook(io.BytesIO(response.content))["证书"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == certificates[1].serial and rows[1][6] == "已暂停"
    response = registrar_client.get(reverse("certificate_registry_export"), {"status": "issued"})
    rows = list(load_workbook(io.BytesIO(response.content))["证书"].iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {certificates[0].serial, certificates[2].serial}


@pytest.mark.parametrize("who", ["trainee", "instructor"])
def test_only_registrars(client, certificates, trainee_user, instructor, who):
    client.force_login(trainee_user if who == "trainee" else instructor)
    assert client.get(reverse("certificate_registry")).status_code in (302, 403)
    response = client.post(
        reverse("certificate_registry"),
        {"action": "revoke", "reason": "x", "certificates": [certificates[0].pk]},
    )
    assert response.status_code in (302, 403)
    response = client.post(
        reverse("certificate_registry"),
        {"action": "revoke", "reason": "x", "scope": "all", "filters": "", "confirmed_count": 3},
    )
    assert response.status_code in (302, 403)
    assert Certificate.objects.get(pk=certificates[0].pk).status == CertificateStatus.ISSUED


def test_queries_stay_fixed_with_thousands_of_certificates(
    registrar_client, certificates, cohort, courses, paper, program, django_assert_max_num_queries, figure
):
    url = reverse("certificate_registry")
    registrar_client.get(url)
    with django_assert_max_num_queries(PAGE_QUERIES) as small:
        assert registrar_client.get(url).status_code == 200
    bulk_cohort(cohort=cohort, courses=courses, paper=paper, program=program, count=2000, certified_every=1)
    with django_assert_max_num_queries(PAGE_QUERIES) as large:
        response = registrar_client.get(url, {"per_page": 200})
    assert response.context["figures"].total == 2003 and len(response.context["page"]) == 200
    with django_assert_max_num_queries(PAGE_QUERIES):
        export = registrar_client.get(reverse("certificate_registry_export"))
    assert load_workbook(io.BytesIO(export.content), read_only=True)["证书"].max_row == 1 + 2003
    figure(f"registry queries: {len(small)} (3 certificates) / {len(large)} (2,003)")
    assert len(large) == len(small)


# --- "All matching the filter" ------------------------------------------------------------------


@pytest.fixture
def two_pages(certificates, cohort, courses, paper, program):
    """62 certificates of ``cohort`` (60 plus two of ``certificates``, one of them suspended): two
    pages at 50 a page. The third of ``certificates`` has no cohort and is outside the filter."""
    bulk_cohort(cohort=cohort, courses=courses, paper=paper, program=program, count=60, certified_every=1)
    return list(Certificate.objects.filter(cohort=cohort).order_by("-issued_at", "-pk"))


def _bulk(client, **data):
    return client.post(reverse("certificate_registry"), data)


def test_the_page_offers_to_extend_the_selection_to_all_matching(registrar_client, two_pages, cohort):
    response = registrar_client.get(reverse("certificate_registry"), {"cohort": cohort.pk})
    page = response.content.decode()
    assert len(response.context["page"]) == 50
    assert 'id="select-all-banner"' in page and "选择符合筛选条件的全部 62 张证书" in page
    assert f'name="filters" value="cohort={cohort.pk}"' in page
    one_page = registrar_client.get(reverse("certificate_registry"), {"cohort": cohort.pk, "per_page": 100})
    assert 'id="select-all-banner"' not in one_page.content.decode()  # nothing beyond the page to add


def test_all_matching_is_confirmed_with_its_count_then_changes_every_one(
    registrar_client, two_pages, certificates, cohort, registrar, django_capture_on_commit_callbacks
):
    outside = certificates[2]
    ticked = [c.pk for c in two_pages[:50]]
    request = {
        "action": "suspend",
        "reason": "批量复核",
        "scope": "all",
        "filters": f"cohort={cohort.pk}",
        "certificates": ticked,
    }
    confirm = _bulk(registrar_client, **request)
    assert confirm.status_code == 200 and confirm.context["count"] == 62
    assert "符合筛选条件的全部 62 张证书" in confirm.content.decode()
    assert not CertificateEvent.objects.filter(reason="批量复核").exists()  # nothing yet

    # Confirmed: a worker makes the change, the registrar is sent to its page.
    with django_capture_on_commit_callbacks() as queued:
        started = _bulk(registrar_client, **request, confirmed_count=62)
    change = RegistryChange.objects.get()
    assert started.status_code == 302
    assert started["Location"] == reverse("certificate_registry_change", args=[change.pk])
    assert len(queued) == 1 and change.items.count() == 62
    assert not CertificateEvent.objects.filter(reason="批量复核").exists()  # not before the worker
    progress = registrar_client.get(reverse("certificate_registry_change_progress", args=[change.pk])).json()
    assert (progress["remaining"], progress["finished"]) == (62, False)

    assert bulk.registry_change_run(actor=SYSTEM, change_id=change.pk) == 62
    done = registrar_client.get(started["Location"])
    assert done.status_code == 200 and done.context["progress"]["finished"]
    assert (done.context["progress"]["changed"], done.context["progress"]["unchanged"]) == (61, 1)
    assert done.context["progress"]["failed"] == 0
    assert set(Certificate.objects.filter(cohort=cohort).values_list("status", flat=True)) == {"suspended"}
    assert Certificate.objects.get(pk=outside.pk).status == CertificateStatus.ISSUED
    for certificate in two_pages:  # one audit event each: the already suspended one kept its own
        events = CertificateEvent.objects.filter(certificate=certificate, action="suspended")
        assert events.count() == 1, certificate.serial
    events = CertificateEvent.objects.filter(reason="批量复核")
    assert events.count() == 61 and {e.actor_id for e in events} == {registrar.pk}


def test_only_the_ticked_rows_without_all_matching(registrar_client, two_pages, cohort):
    ticked = [c.pk for c in two_pages[10:15]]
    response = _bulk(
        registrar_client,
        action="revoke",
        reason="代考",
        scope="selected",
        filters=f"cohort={cohort.pk}",
        certificates=ticked,
    )
    assert response.status_code == 200 and response.context["done"] == 5
    assert set(Certificate.objects.filter(status="revoked").values_list("pk", flat=True)) == set(ticked)
    assert CertificateEvent.objects.filter(action="revoked").count() == 5


def test_a_changed_count_is_confirmed_again(registrar_client, two_pages, cohort):
    request = {"action": "suspend", "reason": "复核", "scope": "all", "filters": f"cohort={cohort.pk}"}
    response = _bulk(registrar_client, **request, confirmed_count=70)
    assert response.status_code == 200 and response.context["count"] == 62
    assert "已有变化" in response.content.decode()
    assert not CertificateEvent.objects.filter(reason="复核").exists()


def test_too_many_matching_asks_to_narrow_the_filter(registrar_client, two_pages, cohort, monkeypatch):
    from certification.reports import views

    monkeypatch.setattr(views, "BULK_ALL_MAX", 60)
    request = {"action": "suspend", "reason": "复核", "scope": "all", "filters": f"cohort={cohort.pk}"}
    response = _bulk(registrar_client, **request, confirmed_count=62)
    page = response.content.decode()
    assert response.status_code == 400 and "62 张证书符合筛选条件" in page and "缩小筛选范围" in page
    assert not CertificateEvent.objects.filter(reason="复核").exists()


@pytest.mark.parametrize(
    "filters", ["issued_from=not-a-date", "cohort=999999", "issued_from=2026-05-01&issued_to=2026-01-01"]
)
def test_a_bad_filter_changes_nothing(registrar_client, certificates, filters):
    response = _bulk(
        registrar_client, action="revoke", reason="x", scope="all", filters=filters, confirmed_count=3
    )
    assert response.status_code == 400 and "筛选条件无效" in response.content.decode()
    assert not Certificate.objects.filter(status=CertificateStatus.REVOKED).exists()


def test_exporting_all_matching(registrar_client, two_pages, cohort):
    response = _bulk(registrar_client, action="export", scope="all", filters=f"cohort={cohort.pk}")
    rows = list(load_workbook(io.BytesIO(response.content))["证书"].iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {c.serial for c in two_pages}


# --- The change of all matching certificates, run by a worker -------------------------------------


def test_a_change_runs_in_chunks_and_changes_each_certificate_once(
    two_pages, registrar, monkeypatch, django_capture_on_commit_callbacks
):
    from certification import tasks

    runs = []
    monkeypatch.setattr(tasks.registry_change_run_task, "delay", runs.append)
    ids = [c.pk for c in two_pages]
    with django_capture_on_commit_callbacks(execute=True):
        change = bulk.registry_change_start(
            certificate_ids=ids, action="revoke", reason="伪造材料", filters="", actor=registrar
        )
    assert runs == [change.pk]

    with django_capture_on_commit_callbacks(execute=True):
        assert bulk.registry_change_run(actor=SYSTEM, change_id=change.pk, max_items=25) == 25
    assert runs == [change.pk, change.pk]  # the rest goes to the next task
    assert bulk.registry_change_progress(change=change).remaining == 37

    with django_capture_on_commit_callbacks(execute=True):
        assert bulk.registry_change_run(actor=SYSTEM, change_id=change.pk, max_items=None) == 37
        # A redelivered task: nothing left.
        assert bulk.registry_change_run(actor=SYSTEM, change_id=change.pk) == 0
    assert len(runs) == 2
    change.refresh_from_db()
    assert change.finished_at is not None
    assert set(Certificate.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"revoked"}
    assert CertificateEvent.objects.filter(action="revoked", reason="伪造材料").count() == 62


def test_what_cannot_change_is_reported_on_the_change_page(
    registrar_client, certificates, registrar, django_capture_on_commit_callbacks
):
    from certification.services import certificate_revoke

    certificate_revoke(certificate=certificates[0], actor=registrar, reason="代考")
    with django_capture_on_commit_callbacks():
        change = bulk.registry_change_start(
            certificate_ids=[c.pk for c in certificates],
            action="reinstate",
            reason="",
            filters="",
            actor=registrar,
        )
    bulk.registry_change_run(actor=SYSTEM, change_id=change.pk)

    page = registrar_client.get(reverse("certificate_registry_change", args=[change.pk]))
    assert page.context["progress"] | {"percent": 0} == {
        "total": 3,
        "changed": 1,
        "unchanged": 1,
        "failed": 1,
        "remaining": 0,
        "finished": True,
        "percent": 0,
    }
    failed = registrar_client.get(
        reverse("certificate_registry_change", args=[change.pk]), {"state": "failed"}
    )
    rows = list(failed.context["page"])
    assert [item.certificate_id for item in rows] == [certificates[0].pk]
    html = failed.content.decode()
    assert certificates[0].serial in html and certificates[1].serial not in html
    assert rows[0].message == "状态为“已撤销”的证书不能这样更改。"  # the refusal, in Chinese
    assert Certificate.objects.get(pk=certificates[0].pk).status == CertificateStatus.REVOKED
    assert Certificate.objects.get(pk=certificates[1].pk).status == CertificateStatus.ISSUED
    # The registry lists the change, to come back to it.
    registry = registrar_client.get(reverse("certificate_registry")).content.decode()
    assert reverse("certificate_registry_change", args=[change.pk]) in registry
    # A registrar who reads the admin in English.
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=registrar, defaults={"preferred_language": "en"})
    english = registrar_client.get(reverse("certificate_registry_change", args=[change.pk])).content.decode()
    assert "Reinstate: 3 certificates matching the filter" in english and "Not possible" in english


def test_starting_a_change_refuses_bad_requests_and_saves_nothing(certificates, registrar, instructor):
    from django.core.exceptions import PermissionDenied

    from certification.services.issuing import CertificationError

    ids = [c.pk for c in certificates]
    with pytest.raises(PermissionDenied):
        bulk.registry_change_start(
            certificate_ids=ids, action="revoke", reason="x", filters="", actor=instructor
        )
    with pytest.raises(CertificationError):
        bulk.registry_change_start(
            certificate_ids=ids, action="revoke", reason="  ", filters="", actor=registrar
        )
    with pytest.raises(CertificationError):
        bulk.registry_change_start(
            certificate_ids=ids, action="delete", reason="x", filters="", actor=registrar
        )
    assert not RegistryChange.objects.exists()


@pytest.mark.parametrize("who", ["trainee", "instructor"])
def test_only_registrars_see_a_change(client, certificates, registrar, trainee_user, instructor, who):
    change = RegistryChange.objects.create(action="suspend", reason="x", created_by=registrar)
    client.force_login(trainee_user if who == "trainee" else instructor)
    for name in ("certificate_registry_change", "certificate_registry_change_progress"):
        assert client.get(reverse(name, args=[change.pk])).status_code in (302, 403)


def test_a_stalled_change_is_queued_again(
    certificates, registrar, captured_dispatches, django_capture_on_commit_callbacks
):
    """The one sweep of every registrar job (core.jobs) resumes a change untouched for a while."""
    from core.jobs import jobs_resume_stalled

    run_task = "certification.tasks.registry_change_run_task"
    with django_capture_on_commit_callbacks():  # its run message is never sent
        change = bulk.registry_change_start(
            certificate_ids=[c.pk for c in certificates],
            action="suspend",
            reason="复核",
            filters="",
            actor=registrar,
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 0  # its task may still be coming
    long_ago = timezone.now() - datetime.timedelta(minutes=11)
    RegistryChange.objects.filter(pk=change.pk).update(updated_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 1
    assert captured_dispatches.args(run_task, sent=True) == [change.pk]
    bulk.registry_change_run(actor=SYSTEM, change_id=change.pk)
    RegistryChange.objects.filter(pk=change.pk).update(updated_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 0  # every item is handled: nothing to resume
    assert captured_dispatches.args(run_task, sent=True) == [change.pk]


@pytest.mark.integration
def test_a_real_worker_makes_the_change_the_registrar_confirmed(
    registrar_client, certificates, cohort, celery_worker_thread
):
    request = {"action": "suspend", "reason": "年度复核", "scope": "all", "filters": f"cohort={cohort.pk}"}
    started = _bulk(registrar_client, **request, confirmed_count=2)
    assert started.status_code == 302
    change = RegistryChange.objects.get()
    wait_for(lambda: RegistryChange.objects.get(pk=change.pk).finished_at, timeout=60, interval=0.2)
    progress = registrar_client.get(reverse("certificate_registry_change_progress", args=[change.pk])).json()
    assert progress["finished"], progress
    assert (progress["changed"], progress["unchanged"]) == (1, 1)  # one of the cohort's was suspended already
    assert set(Certificate.objects.filter(cohort=cohort).values_list("status", flat=True)) == {"suspended"}
