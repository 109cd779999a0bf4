"""Review r3: the exam pages a trainee reads in English."""

import pytest
from django.urls import reverse

from tests.factories import cms as cms_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def test_the_english_paper_page_names_the_course_in_english(client):
    # templates/exams/paper_detail.html prints paper.course.title: the Chinese page's title on /en/.
    setup = factories.exam_setup()
    english = setup.course.copy_for_translation(cms_factories.english_locale(), copy_parents=True)
    english.title = "Introduction to Technology Transfer"
    english.save_revision().publish()
    client.force_login(setup.trainee)
    response = client.get("/en" + reverse("exams:paper_detail", args=[setup.paper.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Introduction to Technology Transfer" in page
    assert setup.course.title not in page


def test_the_demo_exam_has_an_english_title(db):
    # The English pages of the demo (./tta run, /en/exams/papers/1/) show the paper's Chinese title
    # although the paper has a title_en field since migration 0009.
    from django.core.management import call_command

    from courses.exams.models import ExamPaper

    for command in ("load_demo", "load_demo_learning", "load_demo_questions", "load_demo_exam"):
        call_command(command, verbosity=0)
    paper = ExamPaper.objects.get(title="初级技术经理人结业考试")
    assert paper.title_en
