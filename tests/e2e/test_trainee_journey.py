"""A trainee's whole way, in a real browser: sign up, verify the email address, enrol, study a lesson,
pass the exam, download the certificate a real Celery worker rendered, and open its public
verification page through the link its QR code encodes."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from certification.models import Certificate, RenderState
from certification.qr import qr_svg
from tests.certification.pdf_helpers import pdf_plain
from tests.waiting import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Tech-Transfer-2026!"


def _sign_up(page, site) -> None:
    page.goto(f"{site.url}/accounts/signup/")
    page.fill("[name=email]", "lihua@example.com")
    page.fill("[name=username]", "lihua")
    page.fill("[name=password1]", PASSWORD)
    page.fill("[name=password2]", PASSWORD)
    page.fill("[name=real_name]", "李华")
    page.check("[name=accept_privacy_notice]")
    page.get_by_role("button", name="注册", exact=True).click()
    page.wait_for_url("**/accounts/confirm-email/")

    # The verification email's link, on this server (its scheme and host are the production ones).
    message = next(m for m in mail.outbox if "/accounts/confirm-email/" in m.body)
    path = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(site.url + path)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/login/")  # confirmed: now sign in
    page.fill("[name=login]", "lihua")
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    # A new trainee is asked to complete the profile first; the journey goes on without it.
    page.wait_for_url("**/accounts/profile/edit/")


def _study(page, lesson_url: str) -> None:
    """Read the lesson until its heartbeats have credited enough study time, then mark it complete."""
    page.goto(lesson_url)
    credited = 0
    while credited < 3:  # the rule asks for 5 % of 1 minute
        with page.expect_response("**/progress/heartbeat/") as heartbeat:
            pass
        credited += heartbeat.value.json()["credited_seconds"]
    page.get_by_role("button", name="标记为完成").click()
    expect(page.locator("#tta-progress [data-role=status]")).to_contain_text("已完成")


def _sit_the_exam(page, site, paper) -> None:
    page.goto(f"{site.url}/exams/")
    page.get_by_role("link", name=paper.title).click()
    page.get_by_role("button", name="开始考试").click()
    page.wait_for_url("**/exams/attempts/*/")
    # Options are sent by per-attempt opaque values: the trainee picks the right one by its text.
    page.locator("fieldset[data-type=single_choice]").get_by_label("《促进科技成果转化法》").check()
    page.locator("fieldset[data-type=true_false] input[value='true']").check()
    # The summary before submitting lists what is unanswered or flagged; its button submits.
    page.get_by_role("button", name="检查并交卷", exact=True).click()
    page.locator("#exam-summary").get_by_role("button", name="交卷", exact=True).click()
    page.wait_for_url("**/result/")
    expect(page.locator("main p", has_text=re.compile("^通过$"))).to_be_visible()


def test_a_trainee_signs_up_studies_passes_and_verifies_the_certificate(
    browser, site, curriculum, certificates_worker
):
    page = browser.new_page(locale="zh-CN")
    _sign_up(page, site)

    # Enrol in the program's cohort from the course page.
    page.goto(site.url + curriculum.course.url)
    page.locator("#enrol").get_by_role("button", name="报名", exact=True).click()
    expect(page.locator("#enrol")).to_contain_text("已报名")

    _study(page, site.url + curriculum.lessons[0].url)
    _study(page, site.url + curriculum.lessons[1].url)
    _sit_the_exam(page, site, curriculum.paper)

    # The rule issues the certificate by itself; a worker renders its PDF.
    assert wait_for(
        lambda: Certificate.objects.filter(user__username="lihua", render_state=RenderState.DONE).exists(),
        timeout=60,
    )
    page.goto(f"{site.url}/certificates/")
    card = page.locator("section.certificate")
    expect(card).to_contain_text("初级技术经理人培训项目")
    with page.expect_download() as download:
        card.get_by_role("link", name="下载 PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as file:
        pdf = file.read()
    assert pdf.startswith(b"%PDF-")

    # The QR code on the page encodes the verification link it points to; follow it, as a phone would.
    qr = card.locator("a.certificate-qr")
    link = qr.get_attribute("href")
    drawn = qr.locator("svg path.qrline").get_attribute("d")
    assert f'd="{drawn}"' in qr_svg(link)
    assert link.startswith(site.url + "/verify/")
    assert link.encode() in pdf_plain(pdf)  # the signed credential inside the PDF names the same page
    page.goto(link)
    expect(page.locator("[data-status=issued]")).to_be_visible()
    expect(page.locator("main")).to_contain_text("李*")
