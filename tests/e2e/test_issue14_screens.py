"""In a real browser (issue 14): the public verification page's status badge on a phone, and the
countdown on a lesson's "mark complete" button that opens when the server has credited enough study.

Each test saves what the pages showed to var/test-screenshots/issue14/ (Chinese and English; desktop
and phone), so a person can look at them.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from certification.models import CertificateStatus
from courses.models import CourseRule
from tests.browser import PHONE
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
BADGES = {
    CertificateStatus.ISSUED: ("证书有效", "Valid certificate"),
    CertificateStatus.EXPIRED: ("该证书已过期。", "This certificate has expired."),
    CertificateStatus.SUSPENDED: ("该证书已被暂停。", "This certificate is suspended."),
    CertificateStatus.REVOKED: ("该证书已被撤销。", "This certificate has been revoked."),
}


def _shot(page, name: str) -> None:
    folder = Path(settings.BASE_DIR) / "var" / "test-screenshots" / "issue14"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


@pytest.fixture
def certificate(curriculum, no_rendering):  # the page needs no PDF
    holder = cert_factories.trainee(real_name="李华", username="lihua")
    return cert_factories.certificate(user=holder, program=curriculum.program)


@pytest.mark.parametrize("status", list(BADGES))
def test_the_verification_badge_reads_on_a_phone(site, browser, certificate, status):
    certificate.status = status
    certificate.save(update_fields=["status"])
    path = f"/verify/{certificate.verification_code}/"
    for language, prefix, text in (("zh-CN", "", BADGES[status][0]), ("en-GB", "/en", BADGES[status][1])):
        context = browser.new_context(locale=language, viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(site.url + prefix + path)

        badge = page.locator(f".status-badge[data-status={status}]")
        expect(badge).to_be_visible()
        expect(badge).to_contain_text(text)  # in words, not colour alone
        box = badge.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        colours = badge.evaluate(
            "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderColor]"
        )
        assert "rgba(0, 0, 0, 0)" not in colours  # a coloured badge, not bare text
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # On a phone each label stands above its value, both within the screen.
        label, value = page.locator(".verify-facts dt").first, page.locator(".verify-facts dd").first
        assert label.bounding_box()["y"] < value.bounding_box()["y"]
        assert value.bounding_box()["x"] + value.bounding_box()["width"] <= PHONE["width"]
        if status in (CertificateStatus.ISSUED, CertificateStatus.REVOKED):
            _shot(page, f"verify-{status}-{language}-phone")
        context.close()


def test_the_verification_page_on_a_desktop(site, browser, certificate):
    for language, prefix in (("zh-CN", ""), ("en-GB", "/en")):
        context = browser.new_context(locale=language, viewport=DESKTOP)
        page = context.new_page()
        page.goto(f"{site.url}{prefix}/verify/{certificate.verification_code}/")
        expect(page.locator(".status-badge[data-status=issued]")).to_be_visible()
        label, value = page.locator(".verify-facts dt").first, page.locator(".verify-facts dd").first
        assert abs(label.bounding_box()["y"] - value.bounding_box()["y"]) < 4  # side by side
        _shot(page, f"verify-issued-{language}-desktop")
        context.close()


def test_mark_complete_counts_down_and_opens_when_the_study_is_credited(site, login, curriculum):
    # 6 s of active study for a 1-minute lesson; heartbeats come every second (curriculum).
    CourseRule.objects.filter(course=curriculum.course).update(mark_complete_min_share=Decimal("0.1"))
    trainee = cert_factories.trainee(real_name="李华", username="lihua")
    course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
    context = login(trainee, viewport=DESKTOP)
    page = context.new_page()
    page.goto(site.url + curriculum.lessons[0].url)

    button = page.locator("[data-role=complete-button]")
    countdown = page.locator("[data-role=countdown]")
    expect(button).to_be_disabled()
    expect(countdown).to_have_text("0:06")
    _shot(page, "lesson-countdown-zh-CN-desktop")
    expect(countdown).not_to_have_text("0:06")  # it runs on the page, second by second
    timer = page.locator("[data-role=credited]")
    expect(timer).not_to_have_text("0:00", timeout=15_000)  # the server's credited time, from heartbeats

    expect(button).to_be_enabled(timeout=30_000)
    expect(page.locator("[data-role=complete-hint]")).to_contain_text("学习时间已足够")
    button.click()
    expect(page.locator("#tta-progress [data-role=status]")).to_contain_text("已完成")
    context.close()


def test_the_lesson_countdown_fits_a_phone(site, login, curriculum):
    CourseRule.objects.filter(course=curriculum.course).update(mark_complete_min_share=Decimal("0.5"))
    trainee = cert_factories.trainee(real_name="李华", username="lihua")
    course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
    context = login(trainee, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site.url + curriculum.lessons[1].url)

    expect(page.locator("[data-role=complete-button]")).to_be_disabled()
    expect(page.locator("[data-role=complete-hint]")).to_contain_text("后可用")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("#tta-progress").scroll_into_view_if_needed()
    _shot(page, "lesson-countdown-zh-CN-phone")
    context.close()


def test_the_home_page_shows_how_to_join_on_a_phone(site, browser, curriculum):
    for language, prefix in (("zh-CN", ""), ("en-GB", "/en")):
        context = browser.new_context(locale=language, viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(f"{site.url}{prefix}/")
        if prefix and page.locator("#upcoming-cohorts").count() == 0:
            context.close()  # no English home page in this curriculum
            continue
        expect(page.locator(f"[data-cohort={curriculum.cohort.code}]")).to_be_visible()
        expect(page.locator(".join-steps li")).to_have_count(4)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.keyboard.press("Tab")  # the first stop is the skip link, shown when focused
        expect(page.locator(".skip-link")).to_be_focused()
        expect(page.locator(".skip-link")).to_be_in_viewport()
        _shot(page, f"home-{language}-phone")
        context.close()


def test_staff_pages_show_the_staff_navigation(site, login, curriculum):
    instructor = course_factories.instructor()
    context = login(instructor, viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site.url}/staff/cohorts/")

    back = page.get_by_role("link", name="‹ 返回管理后台")
    expect(back).to_have_attribute("href", "/admin/")
    expect(page.get_by_role("navigation", name="工作人员")).to_be_visible()
    _shot(page, "staff-rosters-zh-CN-desktop")
    context.close()
