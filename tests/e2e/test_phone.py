"""The trainee's pages on a phone (390 × 844 CSS pixels): nothing scrolls sideways, the site's
navigation wraps within the screen, and each page's main controls are on screen and big enough to tap.

With ``TTA_SCREENSHOTS=docs/screenshots`` the test also saves the README's phone screenshots there:
``TTA_SCREENSHOTS=docs/screenshots ./tta test tests/e2e/test_phone.py``.
"""

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from certification.services.rendering import certificate_render
from core.guards import SYSTEM
from courses import services as course_services
from courses.exams import services as exam_services
from courses.models import CourseRule, LessonCompletion, OfflineSession
from tests.browser import PHONE
from tests.factories import certification as cert_factories
from tests.factories import courses as course_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# WCAG 2.2's minimum target size: 24 × 24 CSS pixels.
MIN_TARGET = 24


@pytest.fixture
def trainee_midway(curriculum, no_rendering, settings):
    """李华, enrolled, one of two lessons done, an offline session on now, the exam open, and a
    certificate of the program already held (to show the certificate pages)."""
    # The check-in page is visited after several others: keep its code valid meanwhile on a busy machine.
    settings.CHECKIN_CODE_SECONDS = 600
    # Here the course asks for its 2 learning hours, as most do (the journeys waive them).
    CourseRule.objects.filter(course=curriculum.course).update(hours_share_required=1)
    trainee = cert_factories.trainee(real_name="李华", username="lihua")
    course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
    LessonCompletion.objects.create(user=trainee, lesson=curriculum.lessons[0])
    cert_factories.hours(user=trainee, course=curriculum.course, amount="0.8")
    now = timezone.now()
    session = OfflineSession.objects.create(
        cohort=curriculum.cohort,
        course=curriculum.course,
        title="技术合同实务研讨（线下）",
        starts_at=now - datetime.timedelta(minutes=10),
        ends_at=now + datetime.timedelta(hours=3),
        location="北京市海淀区学院路 1 号 报告厅",
        hours=Decimal("3"),
    )
    attempt = exam_services.attempt_start(paper=curriculum.paper, user=trainee)
    # The PDF is rendered here, by the rendering service (the journeys render through a worker).
    certificate = cert_factories.certificate(user=trainee, program=curriculum.program)
    certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    return {
        "trainee": trainee,
        "checkin_path": f"/checkin/{session.pk}/{course_services.checkin_code(session=session)}/",
        "attempt": attempt,
        "certificate": certificate,
    }


def _pages(curriculum, midway) -> dict[str, tuple[str, list[str]]]:
    """Page name → (path, selectors of its main controls)."""
    return {
        "dashboard": ("/dashboard/", [".cohort-card a.button", ".course-rows a"]),
        "course": (curriculum.course.url, ["#enrol", ".syllabus a"]),
        "lesson": (curriculum.lessons[1].url, ["#tta-progress button", ".lesson-pager a", ".syllabus a"]),
        "exam": (
            f"/exams/attempts/{midway['attempt'].pk}/",
            ["#exam-countdown", "fieldset.exam-question label", "#exam-form > button[type=submit]"],
        ),
        "checkin": (midway["checkin_path"], [".checkin-card button"]),
        "certificates": ("/certificates/", ["section.certificate a.button", "a.certificate-qr"]),
        "verification": (f"/verify/{midway['certificate'].verification_code}/", ["[data-status=issued]"]),
    }


def _overflowing(page) -> list[str]:
    """Elements wider than the screen or reaching past its right edge (what makes a page scroll sideways)."""
    return page.evaluate(
        """width => [...document.querySelectorAll('body *')].filter(el => {
              const box = el.getBoundingClientRect();
              return box.width > 0 && box.right > width + 0.5;
           }).slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))""",
        PHONE["width"],
    )


def _assert_tappable(page, selector: str) -> None:
    targets = page.locator(selector)
    assert targets.count(), f"{selector}: not on the page"
    for index in range(targets.count()):
        target = targets.nth(index)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            f"{selector}: off screen {box}"
        )
        if target.evaluate("el => el.matches('a, button, input, select, textarea')"):
            assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, (
                f"{selector}: too small to tap {box}"
            )
            target.click(trial=True)  # visible, enabled and not covered by anything else


def test_trainee_pages_fit_a_phone(site, login, curriculum, trainee_midway):
    context = login(trainee_midway["trainee"], viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    shots = os.environ.get("TTA_SCREENSHOTS")
    for name, (path, controls) in _pages(curriculum, trainee_midway).items():
        page.goto(site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} scrolls sideways ({width}px): {_overflowing(page)}"
        if name != "exam":  # the exam page has no site navigation, on purpose
            for link in page.locator(".site-nav a").all():
                box = link.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
                    f"{name}: nav {box}"
                )
                assert box["height"] >= MIN_TARGET, f"{name}: nav link too small to tap {box}"
        for selector in controls:
            _assert_tappable(page, selector)
        if shots and name in ("dashboard", "lesson", "exam"):
            page.evaluate("window.scrollTo(0, 0)")
            folder = Path(settings.BASE_DIR) / shots
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=folder / f"{name}-phone.png", full_page=name == "dashboard")
    context.close()
