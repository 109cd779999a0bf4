"""An instructor's change stays a draft until a registrar approves it in the review workflow."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms import services
from core import roles
from tests.factories import cms as factories


@pytest.fixture
def site(catalogue):
    home = catalogue.get_parent().specific
    services.editorial_setup(site_root=home, catalogue=catalogue)
    course = factories.course_page(catalogue, title="技术评价基础")
    lesson = factories.lesson_page(course, title="评价指标体系")
    return {"home": home, "catalogue": catalogue, "course": course, "lesson": lesson}


def _user(name: str, group: str | None) -> User:
    user = User.objects.create_user(name, password="x-Secret-123")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def instructor(site):
    return _user("instructor", roles.INSTRUCTORS_GROUP)


@pytest.fixture
def registrar(site):
    return _user("registrar", roles.REGISTRARS_GROUP)


def _edit(client, page: Page, action: str, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    # The StreamField editor is drawn by JavaScript, so its fields are not in the HTML form.
    body = nested_form_data({"body": streamfield([("rich_text", rich_text("<p>修订后的正文。</p>"))])})
    form.update(body)
    for key, value in changes.items():
        form[key] = value
    form[action] = "1"
    return client.post(url, form)


def test_editorial_setup_is_idempotent(site):
    before = (Group.objects.count(), site["catalogue"].group_permissions.count())
    services.editorial_setup(site_root=site["home"], catalogue=site["catalogue"])
    assert (Group.objects.count(), site["catalogue"].group_permissions.count()) == before


def test_instructor_may_edit_courses_but_not_publish(site, instructor, registrar):
    lesson = site["lesson"]
    assert lesson.permissions_for_user(instructor).can_edit()
    assert not lesson.permissions_for_user(instructor).can_publish()
    assert not site["home"].permissions_for_user(instructor).can_edit()
    assert lesson.permissions_for_user(registrar).can_publish()


def test_instructor_publish_attempt_is_refused(client, site, instructor):
    client.force_login(instructor)
    _edit(client, site["lesson"], "action-publish", title="偷偷发布")
    site["lesson"].refresh_from_db()
    assert site["lesson"].title == "评价指标体系"


def test_submitted_edit_stays_draft_until_a_registrar_approves(client, site, instructor, registrar):
    lesson = site["lesson"]
    client.force_login(instructor)
    response = _edit(client, lesson, "action-submit", title="评价指标体系（修订）")
    assert response.status_code == 302, response.content.decode()[:2000]

    lesson.refresh_from_db()
    assert lesson.title == "评价指标体系"  # the live page is unchanged
    assert lesson.has_unpublished_changes
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "评价指标体系（修订）" not in client.get(lesson.url).content.decode()

    # An instructor cannot approve their own submission.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk])
    client.post(approve, {})
    lesson.refresh_from_db()
    assert lesson.title == "评价指标体系"

    client.force_login(registrar)
    response = client.post(approve, {})
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert lesson.title == "评价指标体系（修订）"
    assert "评价指标体系（修订）" in client.get(lesson.url).content.decode()
