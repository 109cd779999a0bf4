"""Issue 15's journey in one browser test: a trainee of the Advanced program uploads a PDF report (its
metadata naming her) and signs the declaration; a registrar assigns the panel; two reviewers score it
blind — never seeing her name, employer or account on a page or in the copy they download — and
differ by more than the margin; the chair reconciles; the registrar fills the defence's slots; a
panel member scores the defence on a 390 px phone and the chair records the outcome, confirmed; the
registrar releases the result after confirming; the trainee sees her score, and the rule requiring
the practical assessment issues her certificate (a real worker renders it)."""

import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from playwright.sync_api import expect

from certification.models import Certificate, CertificateRule, CourseSelection, RenderState
from cms.choices import Level
from courses.accounts.models import TraineeProfile
from courses.practice import defence
from courses.practice.models import (
    DefenceCriterion,
    OverMarginAction,
    PracticalAssignment,
    Submission,
    SubmissionState,
)
from tests.browser import PHONE
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import practice as practice_factories
from tests.waiting import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAME, EMPLOYER, USERNAME = "欧阳娜娜", "甲大学技术转移中心", "ouyangnana"
DESKTOP = {"width": 1280, "height": 900}
# Two reviewers 35 points apart (the margin is 10): the chair reconciles.
REVIEWS = (("35", "35", "15"), ("20", "20", "10"))
RECONCILED = ("30", "30", "15")


def _hidden_from_reviewers(text: str) -> None:
    for secret in (NAME, EMPLOYER, USERNAME, "欧阳"):
        assert secret not in text


@pytest.fixture
def advanced(curriculum, settings, tmp_path):
    """The Advanced program's practical assessment on top of the live site of ``curriculum``."""
    from django.utils import timezone

    settings.STORAGES = {
        **settings.STORAGES,
        "records": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "records"), "base_url": None},
        },
    }
    program = cms_factories.program_page(
        curriculum.home, title="高级技术经理人培训项目", level=Level.ADVANCED, required_hours=Decimal("0")
    )
    course = cms_factories.course_page(
        curriculum.catalogue, title="高级实务项目与答辩", level=Level.ADVANCED, code="A-08"
    )
    cohort = course_factories.cohort(course=course)
    trainee = course_factories.user(username=USERNAME, first_name="娜娜", last_name="欧阳")
    TraineeProfile.objects.create(user=trainee, real_name=NAME, organisation=EMPLOYER)
    course_factories.enrolment(cohort=cohort, user=trainee)
    reviewers = [
        practice_factories.reviewer(organisation="丙研究院", username="pingshen_bing"),
        practice_factories.reviewer(external=True, organisation="戊基金", username="zhuanjia_wu"),
    ]
    chair = course_factories.instructor(username="zuzhang")
    panel = practice_factories.panel(chair=chair, members=reviewers)
    assignment = practice_factories.assignment(
        course=course,
        panel=panel,
        defence_required=True,
        over_margin=OverMarginAction.CHAIR,
        reconcile_margin=Decimal("10"),
        due_at=timezone.now() + datetime.timedelta(days=7),
    )
    for order, (name, points) in enumerate((("陈述", "40"), ("答辩", "60"))):
        DefenceCriterion.objects.create(
            assignment=assignment, sort_order=order, name=name, max_points=Decimal(points)
        )
    CertificateRule.objects.create(
        program=program, course_selection=CourseSelection.NONE, requires_practical=True, auto_issue=True
    )
    return {
        "program": program,
        "assignment": assignment,
        "trainee": trainee,
        "reviewers": reviewers,
        "chair": chair,
        "panel": panel,
        "registrar": course_factories.registrar(username="zhaoguanli"),
    }


def test_a_report_reviewed_blind_reconciled_defended_on_a_phone_released_and_certified(
    site, login, advanced, certificates_worker
):
    from django.utils import timezone

    assignment, trainee, chair = advanced["assignment"], advanced["trainee"], advanced["chair"]
    registrar = advanced["registrar"]

    # The trainee uploads her report (whose metadata name her) and signs the declaration.
    mine = login(trainee, viewport=DESKTOP).new_page()
    mine.goto(f"{site.url}/practice/")
    mine.get_by_role("link", name=assignment.title).click()
    report = practice_factories.pdf_bytes("技术转移项目案例报告 case report", author=NAME, title=EMPLOYER)
    mine.set_input_files(
        "input[name=report]", files=[{"name": "报告.pdf", "mimeType": "application/pdf", "buffer": report}]
    )
    mine.locator("input[name=declaration]").check()
    mine.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    expect(mine.locator(".message.success")).to_contain_text("1")
    submission = Submission.objects.get(trainee=trainee)

    # The deadline passes (until then she may replace her report); the registrar assigns two reviewers.
    PracticalAssignment.objects.filter(pk=assignment.pk).update(
        due_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    office = login(registrar, viewport=DESKTOP).new_page()
    office.goto(f"{site.url}/practice/staff/assignments/{assignment.pk}/")
    office.get_by_role("button", name="为待评审的报告分配评审专家").click()
    expect(office.locator(".message.success")).to_contain_text(submission.code)

    # Each reviewer finds the report by its code, downloads a copy without its metadata, and scores it.
    for reviewer, points in zip(advanced["reviewers"], REVIEWS, strict=True):
        page = login(reviewer, viewport=DESKTOP).new_page()
        page.goto(f"{site.url}/practice/reviews/")
        _hidden_from_reviewers(page.content())
        page.get_by_role("link", name=submission.code).click()
        _hidden_from_reviewers(page.content())
        with page.expect_download() as download:
            page.get_by_role("link", name="下载报告").click()
        assert download.value.suggested_filename == f"{submission.code}.pdf"
        copy = Path(download.value.path()).read_bytes()
        _hidden_from_reviewers(copy.decode("latin-1"))
        for encoded in (NAME.encode("utf-16-be"), NAME.encode("utf-8"), EMPLOYER.encode("utf-16-be")):
            assert encoded not in copy
        with pymupdf.open(stream=io.BytesIO(copy), filetype="pdf") as document:
            assert not (document.metadata.get("author") or document.metadata.get("title"))
        for box, value in zip(page.locator("input[name^=points_]").all(), points, strict=True):
            box.fill(value)
        page.get_by_role("button", name="提交评审").click()
        page.wait_for_url("**/practice/reviews/")
        page.context.close()
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECONCILIATION

    # The chair sees the two reviews side by side, by number, and sets the final scores with a reason.
    chairs = login(chair, viewport=DESKTOP).new_page()
    chairs.goto(f"{site.url}/practice/reviews/")
    chairs.locator(f"a[href='/practice/reconcile/{submission.pk}/']").click()
    _hidden_from_reviewers(chairs.content())
    for box, value in zip(chairs.locator("input[name^=points_]").all(), RECONCILED, strict=True):
        box.fill(value)
    chairs.locator("textarea[name=reason]").fill("两位评审意见差距较大，经组长审阅报告后确定最终分数。")
    chairs.get_by_role("button", name="记录复核分数").click()
    chairs.wait_for_url("**/practice/reviews/")
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECONCILED and submission.final_score == Decimal("75")
    chairs.context.close()

    # A defence session in two days; the registrar fills its slots from the assignment's pages.
    starts = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    session = defence.defence_session_create(
        assignment=assignment,
        panel=advanced["panel"],
        title="高级实务答辩 第一场",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        slot_minutes=30,
        online_link="https://meeting.example.org/defence/1",
        actor=registrar,
    )
    office.get_by_role("link", name="答辩场次").first.click()
    office.get_by_role("link", name=session.title).click()
    office.get_by_role("button", name="自动填满空闲时段").click()
    expect(office.locator("table")).to_contain_text(NAME)  # registrars see names
    slot = session.slots.get(trainee=trainee)
    mine.goto(f"{site.url}/practice/defence/")
    expect(mine.locator(".defence-slot")).to_contain_text(
        timezone.localtime(slot.starts_at).strftime("%Y-%m-%d %H:%M")
    )

    # On a phone: a panel member scores the defence (each change saved), then the chair records the outcome.
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    member = login(advanced["reviewers"][1], **phone).new_page()
    member.goto(f"{site.url}/practice/defence/panel/")
    member.get_by_role("link", name=session.title).first.click()
    member.get_by_role("link", name=submission.code).click()
    _hidden_from_reviewers(member.content())
    assert member.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rows = member.locator("form[data-score-row]")
    for number, value in enumerate(("32", "48")):
        rows.nth(number).locator("input[name=points]").fill(value)
        rows.nth(number).locator("input[name=points]").dispatch_event("change")
        rows.nth(number).locator(".score-status").filter(has_text="已保存").wait_for()
    expect(member.locator("[data-total]")).to_have_text("80")
    member.context.close()

    chairs = login(chair, **phone).new_page()
    chairs.goto(f"{site.url}/practice/defence/panel/sessions/{session.pk}/")
    chairs.locator(f"a[href='/practice/defence/panel/slots/{slot.pk}/outcome/']").tap()
    expect(chairs.locator("main")).to_contain_text("80")  # the panel's mean
    chairs.locator("input[name=result][value=pass]").check()
    chairs.locator("textarea[name=reasons]").fill("陈述清晰，回答问题准确，案例分析扎实。")
    chairs.locator("form button[type=submit]").tap()
    expect(chairs.get_by_role("alert")).to_contain_text(submission.code)  # asks to confirm
    chairs.get_by_role("button", name="确认并记录").tap()
    chairs.wait_for_url(f"**/practice/defence/panel/sessions/{session.pk}/")
    submission.refresh_from_db()
    assert submission.state == SubmissionState.READY_FOR_RELEASE
    chairs.context.close()

    # Nothing is shown to the trainee before the release; the registrar confirms, then releases.
    mine.goto(f"{site.url}/practice/assignments/{assignment.pk}/")
    before_release = mine.locator(".practice-page").inner_text()
    assert "成绩发布后将在此显示" in before_release
    # The score as a number of its own: the versions' file digests are hex and may hold "75".
    assert not re.search(r"(?<![0-9A-Za-z.])75(?![0-9A-Za-z])", before_release)
    office.goto(f"{site.url}/practice/staff/assignments/{assignment.pk}/")
    office.locator(f"a[href='/practice/staff/submissions/{submission.pk}/release/']").click()
    office.get_by_role("button", name="发布成绩").click()
    expect(office).to_have_url(f"{site.url}/practice/staff/submissions/{submission.pk}/release/")
    assert Submission.objects.get(pk=submission.pk).state == SubmissionState.READY_FOR_RELEASE
    office.locator("input[name=confirm]").check()
    office.get_by_role("button", name="发布成绩").click()
    office.wait_for_url(f"**/practice/staff/submissions/{submission.pk}/receipt/")

    # The trainee sees her result; the rule requiring the practical assessment issues her certificate.
    mine.goto(f"{site.url}/practice/assignments/{assignment.pk}/")
    expect(mine.locator(".practice-page")).to_contain_text("75")
    assert wait_for(
        lambda: Certificate.objects.filter(
            user=trainee, program=advanced["program"], render_state=RenderState.DONE
        ).exists(),
        timeout=60,
    )
    mine.goto(f"{site.url}/certificates/")
    expect(mine.locator("section.certificate")).to_contain_text("高级技术经理人培训项目")
