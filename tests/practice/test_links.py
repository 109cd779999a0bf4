"""Staff find each screen of the practical assessment by following links: the assignment page leads to
its defence sessions and the reviewer load and back; the reviews lead to the defences to score; the
admin menu and the snippet listings lead to them too. Each link is shown only to who may open it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.practice import defence
from tests.factories import courses as course_factories
from tests.practice import defence_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = defence_world.build(trainees=1)
    defence_world.submission(world.assignment, world.trainees[0])
    starts = timezone.now() + datetime.timedelta(days=5)
    world.session = defence.defence_session_create(
        assignment=world.assignment,
        panel=world.panel,
        title="高级实务答辩 第一场",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        slot_minutes=30,
        online_link="https://meeting.example.org/d/1",
        actor=world.registrar,
    )
    defence.defence_autofill(session=world.session, actor=world.registrar)
    return world


def _hrefs(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _link(url: str) -> str:
    return f'href="{url}"'


def test_a_registrar_goes_from_the_assignment_to_its_defences_and_the_reviewer_load_and_back(world, client):
    assignment = world.assignment
    staff_assignment = reverse("practice:staff_assignment", args=[assignment.pk])
    sessions = reverse("defence:staff_sessions", args=[assignment.pk])
    session = reverse("defence:staff_session", args=[world.session.pk])
    load = reverse("reviewer_load:list")
    reviews = reverse("practice:review_queue")
    assignments = reverse("wagtailsnippets_practice_practicalassignment:list")
    client.force_login(world.registrar)

    page = _hrefs(client, staff_assignment)
    assert _link(sessions) in page and _link(load) in page and _link(reviews) in page
    page = _hrefs(client, sessions)
    assert _link(staff_assignment) in page and _link(session) in page and _link(load) in page
    page = _hrefs(client, session)
    assert _link(sessions) in page and _link(staff_assignment) in page
    # A registrar on no panel is not offered the panel's scoring page.
    assert _link(reverse("defence:panel_session", args=[world.session.pk])) not in page
    page = _hrefs(client, load)
    assert _link(assignments) in page and _link(reviews) in page
    page = _hrefs(client, reviews)
    assert _link(load) in page and _link(assignments) in page
    assert _link(reverse("defence:panel_sessions")) not in page

    # The admin: the menu leads to the reviews, the reviewer load and the defences; the assignments'
    # listing to each assignment's submissions and defence sessions, the sessions' to their slots.
    admin = _hrefs(client, reverse("wagtailadmin_home"))
    for url in (reviews, load, reverse("defence:panel_sessions")):
        assert url in admin
    listing = _hrefs(client, assignments)
    assert staff_assignment in listing and sessions in listing
    listing = _hrefs(client, reverse("wagtailsnippets_practice_defencesession:list"))
    assert session in listing


def test_the_panel_finds_its_defences_from_the_reviews_and_no_registrar_page(world, client):
    member = world.members[0]
    panel_sessions = reverse("defence:panel_sessions")
    panel_session = reverse("defence:panel_session", args=[world.session.pk])
    registrars_only = [
        reverse("reviewer_load:list"),
        reverse("practice:staff_assignment", args=[world.assignment.pk]),
        reverse("defence:staff_sessions", args=[world.assignment.pk]),
        reverse("defence:staff_session", args=[world.session.pk]),
        reverse("wagtailsnippets_practice_practicalassignment:list"),
    ]
    client.force_login(member)
    pages = [_hrefs(client, url) for url in (reverse("practice:review_queue"), panel_sessions, panel_session)]
    assert _link(panel_sessions) in pages[0]
    assert _link(reverse("practice:review_queue")) in pages[1] and _link(panel_session) in pages[1]
    assert _link(panel_sessions) in pages[2]
    for page in pages:
        for url in registrars_only:
            assert _link(url) not in page
    admin = client.get(reverse("wagtailadmin_home"))
    if admin.status_code == 200:  # reviewers without admin access are sent elsewhere
        assert reverse("reviewer_load:list") not in admin.content.decode()

    # The chair schedules the session's slots (codes, not names): the panel's page leads there and back.
    client.force_login(world.chair)
    page = _hrefs(client, panel_session)
    assert _link(reverse("defence:staff_session", args=[world.session.pk])) in page
    page = _hrefs(client, reverse("defence:staff_session", args=[world.session.pk]))
    assert _link(panel_session) in page
    assert _link(reverse("defence:staff_sessions", args=[world.assignment.pk])) not in page


def test_a_trainee_with_a_slot_finds_their_defence_from_the_practical_assessment(world, client):
    client.force_login(world.trainees[0])
    assert _link(reverse("defence:my_defence")) in _hrefs(client, reverse("practice:my_practice"))
    client.force_login(course_factories.user(username="no_slot"))
    assert _link(reverse("defence:my_defence")) not in _hrefs(client, reverse("practice:my_practice"))
