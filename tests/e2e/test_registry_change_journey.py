"""A registrar suspends every certificate of a cohort from the registry, in a real browser: the
selection grows from the page to all matching, the count is confirmed, and the change's page follows a
real Celery worker to the end, the certificate that cannot be suspended reported on its row."""

import pytest
from playwright.sync_api import expect

from certification.models import Certificate, CertificateStatus
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
COUNT = 53  # more than the registry's first page of 50
REASON = "年度档案复核"


def test_a_registrar_suspends_all_matching_and_watches_the_worker_finish(
    site,
    login,
    curriculum,
    certificates_worker,
    no_rendering,  # PDFs play no part here
):
    from certification.services import certificate_revoke

    registrar = course_factories.registrar(username="zhaoguanli")
    made = [
        cert_factories.certificate(
            user=cert_factories.trainee(real_name=f"学员{n:02d}", username=f"trainee{n:02d}"),
            program=curriculum.program,
            cohort=curriculum.cohort,
        )
        for n in range(COUNT)
    ]
    certificate_revoke(certificate=made[0], actor=registrar, reason="代考")

    page = login(registrar, viewport=DESKTOP).new_page()
    page.goto(f"{site.url}/admin/reports/certificates/?cohort={curriculum.cohort.pk}")
    page.locator("#select-all").check()
    page.locator("#select-all-matching").click()
    expect(page.locator("#bulk-count")).to_contain_text(str(COUNT))
    page.select_option("select[name=action]", "suspend")
    page.fill("#bulk-reason", REASON)
    page.get_by_role("button", name="应用于所选证书").click()

    # The confirmation states the count; nothing has changed yet.
    expect(page.get_by_role("heading", name=f"暂停：符合筛选条件的全部 {COUNT} 张证书？")).to_be_visible()
    assert not Certificate.objects.filter(status=CertificateStatus.SUSPENDED).exists()
    page.get_by_role("button", name=f"暂停 {COUNT} 张证书").click()

    # The change's page follows the worker, then shows each certificate's result.
    page.wait_for_url("**/admin/reports/certificates/changes/*/")
    expect(page.locator("#change-remaining")).to_have_text("0", timeout=60_000)
    expect(page.locator("#change-changed")).to_have_text(str(COUNT - 1))
    expect(page.locator("#change-failed")).to_have_text("1")
    page.get_by_role("link", name="只显示无法变更的").click()
    expect(page.locator("table.report-results tbody tr")).to_have_count(1)
    expect(page.locator("table.report-results")).to_contain_text(made[0].serial)
    expect(page.locator("table.report-results")).to_contain_text("状态为“已撤销”的证书不能这样更改。")
    assert Certificate.objects.filter(status=CertificateStatus.SUSPENDED).count() == COUNT - 1
