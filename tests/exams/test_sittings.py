"""Sittings (考试场次): papers prepared ahead by a worker, a waiting room, a start that draws nothing."""

import datetime
import time

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import report_selectors, selectors, services, sittings
from courses.exams.models import (
    AssemblyStatus,
    Attempt,
    AttemptItem,
    AttemptStatus,
    Sitting,
    SittingDelivery,
    SittingRoom,
)
from tests.factories import courses as course_factories
from tests.factories import exams as factories
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db


def _sitting(setup, *, opens_in=datetime.timedelta(minutes=30), **fields) -> Sitting:
    """A sitting of the setup's paper for the trainee's cohort, opening ``opens_in`` from now."""
    cohort = setup.trainee.enrolments.get().cohort
    return Sitting.objects.create(
        paper=setup.paper, cohort=cohort, opens_at=timezone.now() + opens_in, **fields
    )


def _open(sitting: Sitting, *, ago=datetime.timedelta(minutes=1)) -> Sitting:
    Sitting.objects.filter(pk=sitting.pk).update(opens_at=timezone.now() - ago)
    sitting.refresh_from_db()
    return sitting


def _classmate(setup):
    user = course_factories.user()
    course_factories.enrolment(cohort=setup.trainee.enrolments.get().cohort, user=user)
    return user


def _prepared(sitting, user=None):
    papers = Attempt.all_objects.filter(sitting=sitting, status=AttemptStatus.PREPARED)
    return papers.filter(user=user) if user is not None else papers


def _items(attempt):
    return list(
        AttemptItem.objects.filter(attempt_id=attempt.pk).values_list(
            "pk", "position", "version_id", "option_values"
        )
    )


def test_assembly_prepares_one_paper_per_expected_examinee_and_again_adds_nothing(setup):
    others = [_classmate(setup) for _ in range(2)]
    outsider = factories.trainee_for(setup.course)  # another cohort: not expected in this sitting
    sitting = _sitting(setup)

    assert sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk) == 0
    sitting.refresh_from_db()
    assert sitting.assembly_status == AssemblyStatus.READY
    assert set(_prepared(sitting).values_list("user_id", flat=True)) == {
        setup.trainee.pk,
        *(u.pk for u in others),
    }
    assert not _prepared(sitting, outsider).exists()
    papers = {a.pk: _items(a) for a in _prepared(sitting)}
    assert all(len(items) == len(setup.questions) for items in papers.values())

    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)  # a redelivered task, or the sweep
    assert {a.pk: _items(a) for a in _prepared(sitting)} == papers  # nothing new, nothing drawn again


def test_prepared_papers_are_no_attempts_anywhere(setup, english):
    setup.paper.max_attempts = 1
    setup.paper.save()
    sitting = _sitting(setup)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    prepared = _prepared(sitting, setup.trainee).get()

    assert not setup.paper.attempts.exists()
    assert not Attempt.objects.filter(pk=prepared.pk).exists()
    assert selectors.attempts_used(user=setup.trainee, paper=setup.paper) == 0
    assert not selectors.attempt_list_for_user(user=setup.trainee).exists()
    assert not selectors.paper_results(paper=setup.paper).exists()
    assert report_selectors.paper_summary(paper=setup.paper).attempts == 0
    # With one attempt allowed, the prepared paper leaves it unused: the trainee starts it.
    _open(sitting)
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    assert (attempt.pk, attempt.number) == (prepared.pk, 1)


def test_the_trainee_cannot_open_a_prepared_paper_before_it_starts(client, setup):
    sitting = _sitting(setup)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    prepared = _prepared(sitting, setup.trainee).get()
    client.force_login(setup.trainee)
    for name in ("exams:attempt", "exams:attempt_answers", "exams:attempt_result"):
        assert client.get(reverse(name, args=[prepared.pk])).status_code == 404, name


def test_a_start_before_the_sitting_opens_is_refused_with_a_clear_message(client, setup):
    sitting = _sitting(setup)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    client.force_login(setup.trainee)
    url = reverse("exams:attempt_start", args=[setup.paper.pk])

    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response.json()["error"].startswith("考试将于 ")
    response = client.post(url, follow=True)  # the page: back to the waiting room, with the message
    assert "考试将于" in response.content.decode() and "候考室" in response.content.decode()
    assert not Attempt.objects.filter(user=setup.trainee).exists()
    assert _prepared(sitting, setup.trainee).exists()


def test_a_start_from_a_prepared_paper_draws_nothing(setup, monkeypatch):
    sitting = _sitting(setup, closes_at=timezone.now() + datetime.timedelta(hours=3))
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    prepared = _prepared(sitting, setup.trainee).get()
    items = _items(prepared)
    _open(sitting)

    def no_draw(**kwargs):
        raise AssertionError("a prepared paper is started, not drawn")

    monkeypatch.setattr(services.starting, "draw_items", no_draw)  # where attempt_start looks it up
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee, ip="10.0.0.7")

    assert attempt.pk == prepared.pk and attempt.status == AttemptStatus.IN_PROGRESS
    assert _items(attempt) == items  # the very rows the worker wrote
    assert attempt.number == 1 and attempt.last_ip == "10.0.0.7"
    assert attempt.deadline == attempt.started_at + datetime.timedelta(minutes=setup.paper.time_limit_minutes)
    assert attempt.events.get().detail == {"prepared": True}
    assert services.attempt_start(paper=setup.paper, user=setup.trainee) == attempt  # a double click


def test_a_late_arrival_without_a_prepared_paper_gets_one_drawn_with_extra_time(setup):
    closes = timezone.now() + datetime.timedelta(minutes=70)
    sitting = _sitting(setup, closes_at=closes)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    _open(sitting, ago=datetime.timedelta(minutes=20))
    late = _classmate(setup)  # enrolled after the worker ran
    services.accommodation_grant(
        paper=setup.paper,
        user=late,
        extra_minutes=30,
        reason="视障考生",
        granted_by=course_factories.registrar(),
    )

    attempt = services.attempt_start(paper=setup.paper, user=late)
    assert attempt.sitting == sitting and attempt.items.count() == len(setup.questions)
    assert attempt.deadline == closes  # 60 + 30 minutes from now would pass the sitting's close
    assert not _prepared(sitting, late).exists()
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    assert not _prepared(sitting, late).exists()  # their attempt counts as their paper


def test_entry_closes_and_other_cohorts_have_no_sitting(setup, english):
    sitting = _sitting(setup)
    Sitting.objects.filter(pk=sitting.pk).update(
        opens_at=timezone.now() - datetime.timedelta(minutes=40),
        entry_closes_at=timezone.now() - datetime.timedelta(minutes=10),
    )
    with pytest.raises(services.ExamError, match="Entry to this exam closed"):
        services.attempt_start(paper=setup.paper, user=setup.trainee)
    outsider = factories.trainee_for(setup.course)
    with pytest.raises(services.ExamError, match="none is scheduled for you"):
        services.attempt_start(paper=setup.paper, user=outsider)
    assert not Attempt.all_objects.filter(paper=setup.paper).exclude(status=AttemptStatus.PREPARED).exists()


def test_seats_fill_the_rooms_in_order(setup):
    others = [_classmate(setup) for _ in range(2)]
    sitting = _sitting(setup, delivery=SittingDelivery.ROOMS)
    SittingRoom.objects.create(sitting=sitting, name="301", capacity=2, sort_order=0)
    SittingRoom.objects.create(sitting=sitting, name="302", capacity=5, sort_order=1)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    rooms = sorted(_prepared(sitting).values_list("room__name", flat=True))
    assert rooms == ["301", "301", "302"] and len(others) == 2


def test_a_paper_approved_again_is_prepared_again(setup):
    sitting = _sitting(setup)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    before = _prepared(sitting, setup.trainee).get().pk
    factories.republish(setup.paper)  # queues the assembly on commit; run it here
    assert not _prepared(sitting).exists()
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    assert _prepared(sitting, setup.trainee).get().pk != before


def test_the_waiting_room_counts_down_by_the_servers_clock(client, setup):
    sitting = _sitting(setup, title="上午场")
    client.force_login(setup.trainee)
    url = reverse("exams:paper_detail", args=[setup.paper.pk])
    page = client.get(url).content.decode()
    assert "候考" in page and "上午场" in page and 'id="sitting-clock"' in page
    assert "disabled" in page.split('id="sitting-start"')[1].split("</form>")[0]
    assert client.get(url, HTTP_ACCEPT="application/json").json()["can_start"] is False

    _open(sitting)
    assert client.get(url, HTTP_ACCEPT="application/json").json()["can_start"] is True
    page = client.get(url).content.decode()
    assert "disabled" not in page.split('id="sitting-start"')[1].split("</form>")[0]


# --- The admin -------------------------------------------------------------------------------------


@pytest.fixture
def admins():
    services.exam_permissions_setup()
    access = Permission.objects.get(codename="access_admin")
    registrar, instructor = course_factories.registrar(), course_factories.instructor()
    for user in (registrar, instructor):
        user.groups.get().permissions.add(access)
    return registrar, instructor


def test_only_registrars_schedule_sittings(client, setup, admins, django_capture_on_commit_callbacks):
    registrar, instructor = admins
    sitting = _sitting(setup)
    urls = [
        reverse("wagtailsnippets_exams_sitting:list"),
        reverse("wagtailsnippets_exams_sitting:add"),
        reverse("wagtailsnippets_exams_sitting:edit", args=[sitting.pk]),
        reverse("exam_sitting_assemble", args=[sitting.pk]),
    ]
    for user, allowed in ((registrar, True), (instructor, False), (setup.trainee, False)):
        client.force_login(user)
        for url in urls:
            status = client.get(url).status_code
            assert (status == 200) if allowed else status in (302, 403, 404), (user, url, status)
    client.force_login(instructor)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("exam_sitting_assemble", args=[sitting.pk]))
    # Wagtail answers a refusal in its admin with a redirect to the dashboard; nothing is queued.
    assert response.status_code in (302, 403) and response.get("Location") == "/admin/" and not queued


def test_a_registrar_schedules_a_sitting_and_sees_its_counts(
    client, setup, admins, django_capture_on_commit_callbacks
):
    registrar, _instructor = admins
    client.force_login(registrar)
    opens = timezone.localtime() + datetime.timedelta(days=1)
    data = {
        "paper": setup.paper.pk,
        "cohort": setup.trainee.enrolments.get().cohort.pk,
        "title": "上午场",
        "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
        "entry_closes_at": (opens + datetime.timedelta(minutes=15)).strftime("%Y-%m-%d %H:%M"),
        "closes_at": (opens + datetime.timedelta(minutes=90)).strftime("%Y-%m-%d %H:%M"),
        "delivery": SittingDelivery.ONLINE,
        "rooms-TOTAL_FORMS": "0",
        "rooms-INITIAL_FORMS": "0",
        "rooms-MIN_NUM_FORMS": "0",
        "rooms-MAX_NUM_FORMS": "1000",
    }
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("wagtailsnippets_exams_sitting:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    sitting = Sitting.objects.get()
    assert len(queued) == 1  # the assembly task, on commit
    sittings.sitting_assemble(
        actor=SYSTEM, sitting_id=sitting.pk
    )  # what the worker does (see the worker test)

    page = client.get(reverse("wagtailsnippets_exams_sitting:list")).content.decode()
    assert "上午场" in page and "试卷已备好" in page


def test_a_sitting_outside_the_cohorts_course_is_refused(client, setup, admins):
    registrar, _instructor = admins
    client.force_login(registrar)
    other = course_factories.cohort(course=factories.course())
    opens = timezone.localtime() + datetime.timedelta(days=1)
    data = {
        "paper": setup.paper.pk,
        "cohort": other.pk,
        "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
        "delivery": SittingDelivery.ONLINE,
        "rooms-TOTAL_FORMS": "0",
        "rooms-INITIAL_FORMS": "0",
        "rooms-MIN_NUM_FORMS": "0",
        "rooms-MAX_NUM_FORMS": "1000",
    }
    response = client.post(reverse("wagtailsnippets_exams_sitting:add"), data)
    assert response.status_code == 200 and not Sitting.objects.exists()


# --- A real worker ---------------------------------------------------------------------------------


@pytest.mark.integration
def test_a_worker_prepares_the_papers_of_a_scheduled_sitting(celery_worker_thread):
    setup = factories.exam_setup()
    others = [_classmate(setup) for _ in range(3)]
    sitting = _sitting(setup)
    sittings.sitting_schedule(actor=SYSTEM, sitting=sitting)  # outside a transaction: queued at once
    sittings.sitting_schedule(
        actor=SYSTEM, sitting=sitting
    )  # twice, as a double save would: still one paper each

    def assembled():
        sitting.refresh_from_db()
        return sitting.assembly_status == AssemblyStatus.READY and _prepared(sitting).count() == 4

    wait_for(assembled, timeout=60, interval=0.2)
    assert sitting.assembly_status == AssemblyStatus.READY, sitting.assembly_note
    time.sleep(0.5)  # the second task has run or is running: it adds nothing
    assert sorted(_prepared(sitting).values_list("user_id", flat=True)) == sorted(
        [setup.trainee.pk, *(u.pk for u in others)]
    )
    _open(sitting)
    attempt = services.attempt_start(paper=setup.paper, user=others[0])
    assert attempt.sitting_id == sitting.pk and attempt.items.count() == len(setup.questions)


def test_the_sweep_prepares_late_enrolments_and_clears_what_nobody_can_start(
    setup, django_capture_on_commit_callbacks
):
    sitting = _sitting(setup, opens_in=datetime.timedelta(minutes=20))
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    _classmate(setup)
    with django_capture_on_commit_callbacks() as queued:
        assert sittings.sittings_sweep(actor=SYSTEM) == 1
    assert len(queued) == 1
    far = _sitting(setup, opens_in=datetime.timedelta(days=2))
    assert (
        sittings.sittings_sweep(actor=SYSTEM) == 1
    )  # the near one still misses a paper; the far one is not due
    Sitting.objects.filter(pk=sitting.pk).update(
        opens_at=timezone.now() - datetime.timedelta(hours=2),
        closes_at=timezone.now() - datetime.timedelta(hours=1),
    )
    sittings.sittings_sweep(actor=SYSTEM)
    assert not _prepared(sitting).exists() and far.pk


def test_the_waiting_room_speaks_english_on_english_pages(client, setup):
    """Review of issue 14 (finding 9): the paper's English title on English pages, as the other exam pages."""
    from django.utils import translation

    setup.paper.title_en = "Final Examination"
    setup.paper.save(update_fields=["title_en"])
    _sitting(setup, title="上午场")
    client.force_login(setup.trainee)
    with translation.override("en"):
        url = reverse("exams:paper_detail", args=[setup.paper.pk])
    page = client.get(url).content.decode()
    heading = page.split("<h1>")[1].split("</h1>")[0]
    assert heading == "Final Examination" and "<title>Final Examination" in page
