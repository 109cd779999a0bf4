"""Papers go through Wagtail's snippet workflow: drafts until a registrar approves, and trainees sit
only the published version. Driven through the admin, as instructors and registrars use it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from courses.exams import services
from courses.exams.models import CourseGrader, ExamPaper
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_exams_exampaper:add")


def _edit_url(paper):
    return reverse("wagtailsnippets_exams_exampaper:edit", args=[paper.pk])


@pytest.fixture
def staff():
    services.exam_permissions_setup()
    users = {"instructor": course_factories.instructor(), "registrar": course_factories.registrar()}
    for user in users.values():
        user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    return users


def _form(*, course, questions, title="结业考试", time_limit="60", section_id="", action=None) -> dict:
    data = {
        "title": title,
        "course": course.pk,
        "cohort": "",
        "instructions": "",
        "eligibility": "enrolled",
        "max_attempts": "2",
        "result_policy": "best",
        "marking_margin": "2",
        "opens_at": "",
        "closes_at": "",
        "time_limit_minutes": time_limit,
        "pass_mark": "60",
        "shuffle_questions": "on",
        "review_mode": "score",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "1" if section_id else "0",
        "sections-MIN_NUM_FORMS": "1",
        "sections-MAX_NUM_FORMS": "1000",
        "sections-0-id": section_id,
        "sections-0-ORDER": "1",
        "sections-0-DELETE": "",
        "sections-0-title": "第一部分",
        "sections-0-kind": "fixed",
        "sections-0-questions": [q.pk for q in questions],
        "sections-0-tags": "",
        "sections-0-question_type": "",
        "sections-0-draw_count": "0",
        "sections-0-points_per_question": "1",
    }
    if action:
        data[f"action-{action}"] = "on"
    return data


def _refused(paper, user) -> str:
    # Requests leave their language active in the thread: read the service's refusal in English.
    with translation.override("en"), pytest.raises(services.ExamError) as refusal:
        services.attempt_start(paper=paper, user=user)
    return refusal.value.message


def _approve(client, registrar, paper) -> None:
    paper.refresh_from_db()
    task_state = paper.current_workflow_state.current_task_state
    client.force_login(registrar)
    url = reverse(
        "wagtailsnippets_exams_exampaper:workflow_action", args=[paper.pk, "approve", task_state.pk]
    )
    response = client.post(url)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_instructor_cannot_publish_and_a_registrar_approving_makes_the_paper_startable(client, staff):
    course = factories.course()
    questions = factories.questions()
    trainee = factories.trainee_for(course)
    client.force_login(staff["instructor"])

    # "Publish" is not among an instructor's actions: the paper is saved as a draft.
    response = client.post(ADD_URL, _form(course=course, questions=questions, action="publish"))
    assert response.status_code == 302, response.content.decode()[:3000]
    paper = ExamPaper.objects.get(title="结业考试")
    assert not paper.live
    assert "not been approved" in _refused(paper, trainee)

    section = paper.sections.get()
    form = _form(course=course, questions=questions, section_id=section.pk, action="submit")
    assert client.post(_edit_url(paper), form).status_code == 302
    paper.refresh_from_db()
    assert paper.workflow_in_progress and not paper.live
    assert "not been approved" in _refused(paper, trainee)

    # The instructor is not in the approval task's group: approving is refused, nothing published.
    task_state = paper.current_workflow_state.current_task_state
    url = reverse(
        "wagtailsnippets_exams_exampaper:workflow_action", args=[paper.pk, "approve", task_state.pk]
    )
    assert client.post(url).status_code in (302, 403)  # refused, back to the editor
    paper.refresh_from_db()
    assert not paper.live

    _approve(client, staff["registrar"], paper)
    paper.refresh_from_db()
    assert paper.live and not paper.workflow_in_progress
    attempt = services.attempt_start(paper=paper, user=trainee)
    assert attempt.items.count() == len(questions)


def test_an_edit_after_approval_reaches_trainees_only_once_approved_again(client, staff):
    setup = factories.exam_setup(time_limit_minutes=60)
    paper, section = setup.paper, setup.paper.sections.get()
    before = services.attempt_start(paper=paper, user=setup.trainee)

    client.force_login(staff["instructor"])
    edited = _form(
        course=setup.course,
        questions=setup.questions[:2],
        title=paper.title,
        time_limit="5",
        section_id=section.pk,
        action="submit",
    )
    assert client.post(_edit_url(paper), edited).status_code == 302
    paper.refresh_from_db()
    assert paper.live and paper.has_unpublished_changes and paper.workflow_in_progress

    # The draft waits for review: a trainee starting now gets the published paper.
    second = factories.trainee_for(setup.course)
    during = services.attempt_start(paper=paper, user=second)
    assert during.items.count() == len(setup.questions)
    assert (during.deadline - during.started_at).total_seconds() == 60 * 60
    CourseGrader.objects.create(course=setup.course, user=staff["instructor"])  # staff pages: its graders
    page = client.get(reverse("exams:staff_paper", args=[paper.pk])).content.decode()
    assert "Waiting for review" in page or "等待审核" in page

    _approve(client, staff["registrar"], paper)
    paper.refresh_from_db()
    assert paper.time_limit_minutes == 5 and not paper.has_unpublished_changes
    assert list(paper.sections.get().questions.order_by("pk")) == setup.questions[:2]
    after = services.attempt_start(paper=paper, user=factories.trainee_for(setup.course))
    assert after.items.count() == 2
    assert (after.deadline - after.started_at).total_seconds() == 5 * 60

    # Attempts started before keep the paper they got.
    assert before.items.count() == during.items.count() == len(setup.questions)
    before.refresh_from_db()
    assert (before.deadline - before.started_at).total_seconds() == 60 * 60


def test_registrars_get_publish_and_instructors_do_not(staff):
    assert staff["registrar"].has_perm("exams.publish_exampaper")
    assert not staff["instructor"].has_perm("exams.publish_exampaper")
    assert staff["instructor"].has_perm("exams.change_exampaper")
    workflow = services.exam_permissions_setup()
    assert ExamPaper().get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Registrars"}
