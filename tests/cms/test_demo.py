"""The demo command builds a readable bilingual curriculum, safely, again and again."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Revision

from cms.choices import Level, Module
from cms.demo.loader import DEMO_ACCOUNTS, load_demo
from cms.models import CourseIndexPage, CoursePage, LessonPage, ProgramPage, TrainingBaseSettings
from courses.models import EnrolmentStatus
from tests.factories import cms as factories
from tests.factories import courses as course_factories


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction that is rolled back afterwards.

    Each test's own ``db`` transaction nests inside it as a savepoint, so tests stay isolated.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_once, db):
    return demo_once


def test_demo_curriculum(demo):
    zh = Locale.get_default()
    courses = CoursePage.objects.live().filter(locale=zh)
    assert courses.count() >= 20
    assert set(courses.values_list("module", flat=True)) == set(Module.values)
    assert set(courses.values_list("level", flat=True)) == set(Level.values)
    for course in courses:
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() >= 3, course.title
        for lesson in lessons:
            text = " ".join(str(block.value) for block in lesson.body)
            assert len(text) > 300, lesson.title
            assert "lorem" not in text.lower()
    assert set(ProgramPage.objects.filter(locale=zh).values_list("level", flat=True)) == set(Level.values)
    base = TrainingBaseSettings.objects.get()
    assert base.name_zh and base.name_en and base.accreditation_number and base.seal_id and base.logo_id


def test_every_demo_page_has_an_english_translation(demo):
    en = Locale.objects.get(language_code="en")
    for page in Page.objects.filter(locale=Locale.get_default(), depth__gte=2).specific():
        translation = page.get_translation_or_none(en)
        assert translation is not None and translation.live, page.title
        assert translation.title != page.title, page.title


def test_demo_accounts_log_in_with_the_printed_passwords(demo):
    roles = {role for _, _, role in demo.accounts}
    assert roles == {"trainee", "instructor", "registrar", "administrator"}
    for username, password, *_ in DEMO_ACCOUNTS:
        assert authenticate(username=username, password=password) is not None, username


def test_the_command_prints_accounts_that_log_in(demo):
    out = io.StringIO()
    call_command("load_demo", stdout=out)  # as `./tta run` does; the demo is there already
    lines = out.getvalue().splitlines()
    accounts = [line.split() for line in lines[lines.index("演示账号（用户名 / 密码 / 角色）：") + 1 :]]
    assert [role for *_, role in accounts] == ["trainee", "instructor", "registrar", "administrator"]
    for username, password, _role in accounts:
        assert authenticate(username=username, password=password) is not None, username


def test_loading_again_changes_nothing(demo):
    before = (Page.objects.count(), Revision.objects.count())
    again = load_demo()
    assert again.created == [] and again.updated == []
    assert (Page.objects.count(), Revision.objects.count()) == before


def _log_in_enrolled_trainee(client, level=Level.PRIMARY):
    """Lesson content is for enrolled trainees: log in one with a place in a cohort of the program."""
    program = ProgramPage.objects.get(level=level, locale=Locale.get_default())
    trainee = course_factories.user()
    course_factories.enrolment(
        cohort=course_factories.cohort(program=program), user=trainee, status=EnrolmentStatus.ENROLLED
    )
    client.force_login(trainee)


def test_demo_pages_render_in_chinese_and_english(client, demo):
    _log_in_enrolled_trainee(client)
    course = CoursePage.objects.get(code="P-05", locale=Locale.get_default())
    lesson = LessonPage.objects.child_of(course).first()
    zh_html = client.get(lesson.url).content.decode()
    assert lesson.url.startswith("/courses/")
    assert '<html lang="zh-hans">' in zh_html and 'class="block-case"' in zh_html and "<h2>" in zh_html

    english = lesson.get_translation(Locale.objects.get(language_code="en"))
    assert english.url.startswith("/en/")
    en_html = client.get(english.url).content.decode()
    assert '<html lang="en">' in en_html and english.title in en_html and 'class="block-case"' in en_html
    assert "Case study" in en_html

    catalogue_en = CourseIndexPage.objects.get(locale__language_code="en")
    html = client.get(catalogue_en.url).content.decode()
    assert "Technology Contracts under the Civil Code" in html


def _queries(client, url, django_assert_max_num_queries, limit):
    client.get(url)  # the first view renders image renditions; count a warm page, as users see it
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# Indexed: the filtered URL searches (q=法), and the added courses must reach the search index for
# its results to grow with them (otherwise it compares the same seven demo courses twice).
@pytest.mark.indexed
def test_page_queries_stay_constant_with_ten_times_the_courses(client, demo, django_assert_max_num_queries):
    _log_in_enrolled_trainee(client)
    catalogue = CourseIndexPage.objects.get(locale=Locale.get_default())
    course = CoursePage.objects.get(code="P-01", locale=Locale.get_default())
    lesson = LessonPage.objects.child_of(course).first()
    urls = {
        "catalogue": catalogue.url,
        "filtered": catalogue.url + "?module=policy&q=法",
        "course": course.url,
        "lesson": lesson.url,
    }
    # Signed in (lessons are for enrolled trainees): the session, the user, their permissions and
    # enrolment come on top of the anonymous figures, and a lesson adds the trainee's progress box.
    limits = {"catalogue": 25, "filtered": 25, "course": 25, "lesson": 35}
    before = {
        name: _queries(client, url, django_assert_max_num_queries, limits[name]) for name, url in urls.items()
    }

    # Ten times as many courses, and ten times as many lessons in the measured course.
    cover = course.cover_image
    for n in range(CoursePage.objects.count() * 9):
        factories.course_page(catalogue, cover_image=cover, module=Module.POLICY, title=f"法规课程 {n}")
    for _ in range(27):
        factories.lesson_page(course)

    after = {
        name: _queries(client, url, django_assert_max_num_queries, limits[name]) for name, url in urls.items()
    }
    assert after == before
