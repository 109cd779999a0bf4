"""A registrar issues a cohort's certificates in bulk, in a real browser: the batch page follows a real
Celery worker to the end, one certificate is then revoked with an internal reason and a public note,
and its public verification page says so to anyone, with the note only."""

import pytest
from playwright.sync_api import expect

from certification.models import CertificateRule
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAMES = {"wangxm": "王小明", "chenjing": "陈静", "liuyang": "刘洋", "zhaomin": "赵敏", "sunhao": "孙浩"}
DESKTOP = {"width": 1280, "height": 900}
REASON = "培训档案核查发现考试成绩作假"  # internal: for registrars and the holder
PUBLIC_NOTE = "该证书因培训记录不符已撤销"  # what the registrar chose to publish


def test_a_registrar_issues_a_cohort_watches_it_finish_and_revokes_one(
    browser, site, login, curriculum, certificates_worker
):
    # The registrar issues these: nothing is issued as each trainee meets the rule.
    CertificateRule.objects.update(auto_issue=False)
    for username, real_name in NAMES.items():
        trainee = cert_factories.trainee(real_name=real_name, username=username)
        course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
        cert_factories.complete(user=trainee, course=curriculum.course)
        cert_factories.exam_result(user=trainee, course=curriculum.course, percent=85)

    page = login(course_factories.registrar(username="zhaoguanli"), viewport=DESKTOP).new_page()
    page.goto(f"{site.url}/admin/certificate-batches/")
    page.select_option("#batch-cohort", str(curriculum.cohort.pk))
    page.get_by_role("button", name="开始发证").click()
    page.wait_for_url("**/admin/certificate-batches/*/")

    # The page polls the batch until every certificate is issued and its PDF rendered.
    expect(page.locator("#batch-remaining")).to_have_text("0", timeout=60_000)
    expect(page.locator("#batch-issued")).to_have_text(str(len(NAMES)))
    expect(page.locator("#batch-failed")).to_have_text("0")
    expect(page.locator("#batch-bar")).to_have_attribute("value", "100")
    expect(page.locator("#batch-zip")).to_be_enabled()

    # Revoke 刘洋's certificate, with the internal reason and a public note.
    page.goto(f"{site.url}/admin/certificates/?q=liuyang")
    page.locator("table.listing tbody a").click()
    page.fill("#reason", REASON)
    page.fill("#public_note", PUBLIC_NOTE)
    page.get_by_role("button", name="撤销", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("已撤销")
    public_url = page.get_by_role("link", name="/verify/").get_attribute("href")

    # Anyone following the certificate's link (no account) sees it revoked and the public note,
    # never the internal reason.
    visitor = browser.new_page(locale="zh-CN")
    visitor.goto(site.url + public_url)
    expect(visitor.locator("[data-status=revoked]")).to_have_text("该证书已被撤销。")
    expect(visitor.locator("main")).to_contain_text(PUBLIC_NOTE)
    expect(visitor.locator("main")).not_to_contain_text(REASON)
    expect(visitor.locator("main")).to_contain_text("刘*")
