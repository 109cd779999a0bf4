"""Papers in the Wagtail admin, and the staff pages' permissions."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from courses.exams import selectors
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar():
    from courses.exams.services import exam_permissions_setup

    exam_permissions_setup()
    return course_factories.registrar()


def test_registrars_and_instructors_author_papers_in_the_admin(client, setup, registrar):
    from courses.exams.services import exam_permissions_setup

    instructor = course_factories.instructor()
    exam_permissions_setup()
    for user in (registrar, instructor):
        user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        assert client.get("/admin/snippets/exams/exampaper/").status_code == 200
        assert client.get("/admin/snippets/exams/exampaper/add/").status_code == 200
        assert client.get(f"/admin/snippets/exams/exampaper/edit/{setup.paper.pk}/").status_code == 200
    client.force_login(setup.trainee)
    assert client.get("/admin/snippets/exams/exampaper/").status_code in (302, 403)


def test_a_draft_paper_is_hidden_from_trainees(client):
    setup = factories.exam_setup(live=False)
    client.force_login(setup.trainee)
    assert client.get(reverse("exams:paper_detail", args=[setup.paper.pk])).status_code == 404
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    assert not setup.paper.attempts.exists()
    assert setup.paper not in selectors.papers_for_user(user=setup.trainee)


def test_the_staff_page_shows_where_the_paper_stands_in_review(client, setup, registrar):
    client.force_login(registrar)
    page = client.get(reverse("exams:staff_paper", args=[setup.paper.pk])).content.decode()
    assert "已发布" in page or "Live" in page
    assert reverse("wagtailsnippets_exams_exampaper:edit", args=[setup.paper.pk]) in page


def test_a_paper_with_a_section_is_created_in_the_admin_as_a_draft(client, setup, registrar):
    registrar.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(registrar)
    data = {
        "title": "期末考试",
        "course": setup.course.pk,
        "cohort": "",
        "instructions": "",
        "eligibility": "enrolled",
        "max_attempts": "1",
        "result_policy": "best",
        "marking_margin": "2",
        "opens_at": "",
        "closes_at": "",
        "time_limit_minutes": "60",
        "pass_mark": "60",
        "shuffle_questions": "on",
        "review_mode": "score",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "1",
        "sections-MAX_NUM_FORMS": "1000",
        "sections-0-id": "",
        "sections-0-ORDER": "1",
        "sections-0-DELETE": "",
        "sections-0-title": "单选题",
        "sections-0-kind": "fixed",
        "sections-0-questions": [q.pk for q in setup.questions[:2]],
        "sections-0-tags": "",
        "sections-0-question_type": "",
        "sections-0-draw_count": "0",
        "sections-0-points_per_question": "2",
    }
    response = client.post("/admin/snippets/exams/exampaper/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    from courses.exams.models import ExamPaper

    paper = ExamPaper.objects.get(title="期末考试")
    assert not paper.live
    assert list(paper.sections.get().questions.order_by("pk")) == setup.questions[:2]
