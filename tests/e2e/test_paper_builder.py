"""An instructor builds a paper in a real browser: fixed questions picked from the question chooser
(filtered by type, several at once), a random section's eligible count as its draw changes, the
totals beside the pass mark following every change, and one drawn paper previewed."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.exams.models import PaperSection, SectionKind
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 1400}
SHOTS = "var/test-screenshots"


def test_an_instructor_builds_a_paper_with_the_chooser_and_sees_its_totals(site, login):
    from courses.exams import services

    services.exam_permissions_setup()
    bank = question_factories.question_bank(name="组卷题库")
    first = question_factories.question(bank, name="已选：认定登记")
    essays = [question_factories.question(bank, qtype=QuestionType.ESSAY, name=f"论述题 {n}") for n in (1, 2)]
    for n in range(3):
        question_factories.question(bank, name=f"单选题 {n}")
    paper = exam_factories.paper(
        course=exam_factories.course(),
        questions=[first],
        live=False,
        title="组卷演示",
        pass_mark=Decimal("60"),
    )
    random_section = PaperSection.objects.create(
        paper=paper, title="随机单选", kind=SectionKind.RANDOM, question_type=QuestionType.SINGLE_CHOICE,
        draw_count=2, points_per_question=Decimal("1"), sort_order=1,
    )  # fmt: skip
    random_section.banks.set([bank])
    random_section.save()
    paper.save_revision()
    instructor = course_factories.instructor(username="zujuan")
    instructor.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    profile = UserProfile.get_for_user(instructor)
    profile.preferred_language = "en"
    profile.save()
    page = login(instructor, viewport=DESKTOP).new_page()
    page.goto(f"{site.url}/admin/snippets/exams/exampaper/edit/{paper.pk}/")

    totals = page.locator("[data-paper-totals]")
    expect(totals.locator("[data-total-questions]")).to_have_text("3")  # 1 fixed + 2 drawn
    eligible = page.locator("#inline_child_sections-1 [data-section-eligible]")
    expect(eligible).to_have_text("4 eligible, drawing 2")  # the first question and three more

    # Two essays from the chooser, filtered by type, picked at once.
    page.locator("#inline_child_sections-0 [data-pick-questions]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("select[name=qtype]").select_option("essay")
    expect(modal.locator("[data-multiple-choice-select]")).to_have_count(2)
    expect(modal.locator("a[data-question-preview]").first).to_be_visible()
    modal.locator("[data-multiple-choice-select]").nth(0).check()
    modal.locator("[data-multiple-choice-select]").nth(1).check()
    page.screenshot(path=f"{SHOTS}/paper-builder-chooser.png", full_page=True)
    modal.locator("[data-multiple-choice-submit]").click()
    picked = page.locator("#inline_child_sections-0 [data-picked] li")
    expect(picked).to_have_count(3)
    expect(totals.locator("[data-total-questions]")).to_have_text("5")

    # Marks follow the points and the pass mark; too many to draw is said at once.
    page.fill("#id_sections-0-points_per_question", "5")
    expect(totals.locator("[data-total-marks]")).to_have_text("17")
    expect(totals.locator("[data-pass-marks]")).to_have_text("10.20")
    page.fill("#id_sections-1-draw_count", "9")
    expect(eligible).to_have_text("Only 4 eligible: too few to draw 9.")
    expect(eligible).to_have_class("section-eligible is-short")
    page.fill("#id_sections-1-draw_count", "3")
    expect(eligible).to_have_text("4 eligible, drawing 3")
    expect(totals.locator("[data-total-questions]")).to_have_text("6")
    expect(totals.locator("[data-total-marks]")).to_have_text("18")
    page.screenshot(path=f"{SHOTS}/paper-builder-totals.png", full_page=True)
    totals.screenshot(path=f"{SHOTS}/paper-builder-totals-panel.png")

    page.locator("footer button[type=submit]").first.click()
    expect(page.locator(".messages")).to_be_visible()
    draft = paper.latest_revision.__class__.objects.filter(object_id=str(paper.pk)).order_by("-pk").first()
    fixed = draft.as_object().sections.all()[0]
    assert {q.pk for q in fixed.questions.all()} == {first.pk, *(e.pk for e in essays)}

    preview = page.context.new_page()
    preview.goto(f"{site.url}/admin/exams/builder/papers/{paper.pk}/preview/")
    expect(preview.locator(".exam-question")).to_have_count(6)
    expect(preview.locator("[data-paper-totals]")).to_contain_text("6 questions, 18 marks")
    preview.screenshot(path=f"{SHOTS}/paper-builder-preview.png", full_page=True)

    # The instructor's home lists the draft, not yet submitted for review.
    page.goto(f"{site.url}/admin/")
    expect(page.locator('[data-home="drafts"]')).to_contain_text("组卷演示")
    expect(page.locator('[data-home="drafts"]')).to_contain_text("Draft, not submitted for review")
    page.screenshot(path=f"{SHOTS}/admin-home-instructor.png", full_page=True)
