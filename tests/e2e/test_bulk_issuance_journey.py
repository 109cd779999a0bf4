"""A registrar issues a cohort's certificates in bulk, in a real browser: a preview states what will
happen (will be issued, already hold one, not eligible with the reason), the registrar confirms, and
the batch page follows a real Celery worker to the end with the same three counts; one certificate is
then revoked with an internal reason and a public note, and its public verification page says so to
anyone, with the note only. Screenshots of the preview and the finished batch go to
var/test-screenshots/issue14/."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from certification import services as certification
from certification.models import Certificate, CertificateRule
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAMES = {"wangxm": "王小明", "chenjing": "陈静", "liuyang": "刘洋", "zhaomin": "赵敏", "sunhao": "孙浩"}
HOLDER = "zhaomin"  # issued one before the batch: "already hold one"
STUDYING = "sunhao"  # course not completed: "not eligible", with the reason
DESKTOP = {"width": 1280, "height": 900}
REASON = "培训档案核查发现考试成绩作假"  # internal: for registrars and the holder
PUBLIC_NOTE = "该证书因培训记录不符已撤销"  # what the registrar chose to publish


def _shot(page, name: str) -> None:
    folder = Path(settings.BASE_DIR) / "var" / "test-screenshots" / "issue14"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


def test_a_registrar_issues_a_cohort_watches_it_finish_and_revokes_one(
    browser, site, login, curriculum, certificates_worker
):
    # The registrar issues these: nothing is issued as each trainee meets the rule.
    CertificateRule.objects.update(auto_issue=False)
    registrar = course_factories.registrar(username="zhaoguanli")
    for username, real_name in NAMES.items():
        trainee = cert_factories.trainee(real_name=real_name, username=username)
        course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
        if username == STUDYING:
            continue
        cert_factories.complete(user=trainee, course=curriculum.course)
        cert_factories.exam_result(user=trainee, course=curriculum.course, percent=85)
        if username == HOLDER:
            certification.certificate_issue(user=trainee, program=curriculum.program, actor=registrar)
    eligible = len(NAMES) - 2

    page = login(registrar, viewport=DESKTOP).new_page()
    page.goto(f"{site.url}/admin/certificate-batches/")
    page.select_option("#batch-cohort", str(curriculum.cohort.pk))
    page.get_by_role("button", name="预览").click()

    # The preview: nothing issued yet, three counts, and why the one not eligible is not.
    page.wait_for_url("**/admin/certificate-batches/preview/**")
    expect(page.locator("#preview-issue")).to_have_text(str(eligible))
    expect(page.locator("#preview-held")).to_have_text("1")
    expect(page.locator("#preview-not-eligible")).to_have_text("1")
    reason = page.locator("#preview-not-eligible-rows tbody tr")
    expect(reason).to_have_count(1)
    expect(reason).to_contain_text(NAMES[STUDYING])
    expect(reason).to_contain_text("0/1")  # the course not completed, as the eligibility explains it
    _shot(page, "bulk-issuance-preview-desktop")
    assert Certificate.objects.count() == 1

    page.get_by_role("button", name=f"发出 {eligible} 张证书").click()
    page.wait_for_url("**/admin/certificate-batches/*/")

    # The page polls the batch until every certificate is issued and its PDF rendered: the same counts.
    expect(page.locator("#batch-remaining")).to_have_text("0", timeout=60_000)
    expect(page.locator("#batch-issued")).to_have_text(str(eligible))
    expect(page.locator("#batch-held")).to_have_text("1")
    expect(page.locator("#batch-not-eligible")).to_have_text("1")
    expect(page.locator("#batch-errors-count")).to_be_hidden()
    expect(page.locator("#batch-receipt")).to_have_text(
        f"已完成：新发 {eligible} 张，1 人已持有，1 人不符合条件。"
    )
    expect(page.locator("#batch-not-eligible-rows")).to_contain_text(NAMES[STUDYING])
    expect(page.locator("#batch-bar")).to_have_attribute("value", "100")
    expect(page.locator("#batch-zip")).to_be_enabled()
    _shot(page, "bulk-issuance-finished-desktop")
    assert Certificate.objects.count() == len(NAMES) - 1
    assert not Certificate.objects.filter(user__username=STUDYING).exists()

    # Revoke 刘洋's certificate, with the internal reason and a public note.
    page.goto(f"{site.url}/admin/certificates/?q=liuyang")
    page.locator("table.listing tbody a").click()
    page.fill("#reason", REASON)
    page.fill("#public_note", PUBLIC_NOTE)
    page.get_by_role("button", name="撤销", exact=True).click()
    # An official act asks first, stating the change, and confirms after.
    expect(page.get_by_role("heading", level=2)).to_contain_text("撤销")
    expect(page.locator("main")).to_contain_text(REASON)
    page.get_by_role("button", name="确认撤销").click()
    expect(page.locator(".messages")).to_contain_text("已撤销")
    public_url = page.get_by_role("link", name="/verify/").get_attribute("href")

    # Anyone following the certificate's link (no account) sees it revoked and the public note,
    # never the internal reason.
    visitor = browser.new_page(locale="zh-CN")
    visitor.goto(site.url + public_url)
    expect(visitor.locator("[data-status=revoked]")).to_contain_text("该证书已被撤销。")  # after its icon
    expect(visitor.locator("main")).to_contain_text(PUBLIC_NOTE)
    expect(visitor.locator("main")).not_to_contain_text(REASON)
    expect(visitor.locator("main")).to_contain_text("刘*")
