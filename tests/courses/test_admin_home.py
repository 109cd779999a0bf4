"""The admin's home: an instructor's courses, drafts and their review, changes requested with the
reviewer's comment, grading and sessions; a registrar's approvals and sittings; empty states that
say why; and the course chooser opening at the catalogue."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from cms.course_chooser import CourseChooser, catalogue_page_id
from cms.models import CourseIndexPage
from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import CourseGrader, ExamPaper
from courses.models import OfflineSession
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = [pytest.mark.django_db]
HOME = reverse("wagtailadmin_home")


def _staff(user):
    """Admin access, and the admin in English (its own preference; the site's default is Chinese)."""
    user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def workflow():
    return services.exam_permissions_setup()


def test_a_new_instructor_sees_what_to_expect_not_an_empty_dashboard(client, workflow):
    client.force_login(_staff(course_factories.instructor()))

    html = client.get(HOME).content.decode()

    assert 'data-home="courses-empty"' in html and "A registrar links you" in html
    assert 'data-home="drafts-empty"' in html
    assert "You grade no course yet" in html
    assert 'data-home="sessions-empty"' in html
    assert "Papers awaiting approval" not in html


def test_an_instructor_sees_courses_grading_sessions_and_changes_requested(client, workflow):
    setup = factories.exam_setup(types=[QuestionType.ESSAY], pass_mark=Decimal("50"))
    instructor = _staff(course_factories.instructor())
    registrar = _staff(course_factories.registrar())
    CourseGrader.objects.create(course=setup.course, user=instructor)
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)  # the essay waits for a grade
    now = timezone.now()
    OfflineSession.objects.create(
        cohort=setup.trainee.enrolments.get().cohort,
        course=setup.course,
        title="线下研讨：检索实操",
        starts_at=now + timedelta(days=2),
        ends_at=now + timedelta(days=2, hours=3),
        hours=Decimal("3"),
    )
    # The instructor's draft of a paper, submitted and sent back with a comment.
    draft = factories.paper(course=setup.course, questions=setup.questions, live=False, title="期中测验")
    draft.save_revision(user=instructor)
    draft.get_workflow().start(draft, instructor)
    draft.refresh_from_db()
    draft.current_workflow_state.current_task_state.reject(user=registrar, comment="第二部分分值太高")
    client.force_login(instructor)

    html = client.get(HOME).content.decode()

    assert setup.course.title in html
    assert "1 answer waits for your grade." in html and reverse("exams:staff_grading_queue") in html
    assert "线下研讨：检索实操" in html
    assert "期中测验" in html and "第二部分分值太高" in html and "Changes requested" in html


def test_a_draft_in_review_says_so(client, workflow):
    instructor = _staff(course_factories.instructor())
    paper = factories.paper(
        course=factories.course(), questions=factories.questions(), live=False, title="补考"
    )
    paper.save_revision(user=instructor)
    paper.get_workflow().start(paper, instructor)
    client.force_login(instructor)

    html = client.get(HOME).content.decode()

    assert "补考" in html and "In review" in html


def test_a_registrar_sees_papers_awaiting_approval_and_sittings(client, workflow):
    instructor = _staff(course_factories.instructor())
    registrar = _staff(course_factories.registrar())
    paper = factories.paper(
        course=factories.course(), questions=factories.questions(), live=False, title="结业待批"
    )
    paper.save_revision(user=instructor)
    paper.get_workflow().start(paper, instructor)
    client.force_login(registrar)

    html = client.get(HOME).content.decode()

    assert "Papers awaiting approval" in html and "结业待批" in html
    assert 'data-home="sittings-empty"' in html and reverse("wagtailsnippets_exams_sitting:list") in html
    assert "You grade no course yet" not in html


def test_a_registrar_with_nothing_waiting_is_told_so(client, workflow):
    client.force_login(_staff(course_factories.registrar()))
    html = client.get(HOME).content.decode()
    assert 'data-home="awaiting-empty"' in html and "Nothing to grade" in html


def test_the_course_chooser_starts_at_the_catalogue(client, workflow):
    course = factories.course()
    catalogue = CourseIndexPage.objects.get()
    assert catalogue_page_id() == catalogue.pk
    assert f'"startId": {catalogue.pk}' in CourseChooser().render("course", None, {"id": "id_course"})
    client.force_login(_staff(course_factories.instructor()))

    html = client.get(reverse("wagtailsnippets_exams_exampaper:add")).content.decode()

    assert "CatalogueCourseChooser" in html and f'"startId": {catalogue.pk}' in html
    assert course.pk and ExamPaper.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "shown", "hidden"),
    [("en", "Introduction to TT", "技术转移概论"), ("zh-hans", "技术转移概论", "Introduction to TT")],
)
def test_my_courses_lists_each_course_once_in_the_users_language(client, workflow, language, shown, hidden):
    """Review of issue 13, F8: a course and its English translation were two rows of "my courses"."""
    from tests.factories import cms as cms_factories

    course = factories.course()
    course.title = "技术转移概论"
    course.save_revision().publish()
    english = course.copy_for_translation(cms_factories.english_locale(), copy_parents=True)
    english.title = "Introduction to TT"
    english.save_revision().publish()
    untranslated = factories.course()  # no English: its source, in Chinese, in both languages
    instructor = _staff(course_factories.instructor())
    profile = UserProfile.get_for_user(instructor)
    profile.preferred_language = language
    profile.save()
    CourseGrader.objects.create(course=course, user=instructor)
    CourseGrader.objects.create(course=untranslated, user=instructor)
    client.force_login(instructor)

    html = client.get(HOME).content.decode()

    listing = html.split('data-home="courses"', 1)[1].split("</ul>", 1)[0]
    assert listing.count("<li>") == 2
    assert shown in listing and hidden not in listing and untranslated.title in listing
