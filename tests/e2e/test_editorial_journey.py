"""A lesson's change goes through review in the Wagtail admin, in a real browser: an instructor edits
and submits it, a registrar approves and publishes it, and only then do trainees read the new text."""

import pytest
from playwright.sync_api import expect

from tests.factories import courses as course_factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW_TEXT = "修订后的正文：技术转移的方式包括技术许可、技术转让与作价投资，技术经理人全程提供专业服务。"
DESKTOP = {"width": 1280, "height": 900}


def test_an_instructor_edit_is_published_by_a_registrar_and_read_by_trainees(site, login, curriculum):
    lesson = curriculum.lessons[0]
    edit_url = f"{site.url}/admin/pages/{lesson.pk}/edit/"
    trainee = course_factories.user(username="lihua")
    course_factories.enrolment(cohort=curriculum.cohort, user=trainee)
    reader = login(trainee).new_page()

    # The instructor rewrites the lesson's text and submits it for review.
    instructor = login(course_factories.instructor(username="wanglaoshi"), viewport=DESKTOP).new_page()
    instructor.goto(edit_url)
    editor = instructor.locator("[contenteditable=true][role=textbox]").first
    editor.click()
    instructor.keyboard.press("Control+A")
    instructor.keyboard.type(NEW_TEXT)
    # The editor writes its content into the form a moment later (Draftail saves its state every 250 ms).
    instructor.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')].some(i => i.value.includes(text))",
        arg=NEW_TEXT,
    )
    instructor.locator("footer .w-dropdown__toggle").click()
    instructor.locator("button[name=action-submit]").click()
    expect(instructor.locator(".messages")).to_contain_text("已经提交进行审核")

    # Under review, trainees still read the published text.
    reader.goto(site.url + lesson.url)
    expect(reader.locator(".prose")).to_contain_text("技术转移是指技术从供给方向需求方转移的过程")
    expect(reader.locator(".prose")).not_to_contain_text(NEW_TEXT)

    # The registrar sees the change waiting, approves and publishes it.
    registrar = login(course_factories.registrar(username="zhaoguanli"), viewport=DESKTOP).new_page()
    registrar.goto(f"{site.url}/admin/")
    expect(registrar.locator("main")).to_contain_text(lesson.title)
    registrar.goto(edit_url)
    expect(registrar.locator("[contenteditable=true][role=textbox]").first).to_contain_text(NEW_TEXT)
    registrar.locator("footer .w-dropdown__toggle").click()
    registrar.get_by_role("button", name="通过并发布").click()
    expect(registrar.locator(".messages")).to_contain_text(lesson.title)

    reader.reload()
    expect(reader.locator(".prose")).to_contain_text(NEW_TEXT)
    expect(reader.locator(".prose")).not_to_contain_text("技术转移是指技术从供给方向需求方转移的过程")
