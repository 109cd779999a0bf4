"""Heartbeats count only from a lesson page the server served, while it is seen and used (issue 11, finding 5).

A script that posts heartbeats without loading the page earns nothing and is flagged; hidden and idle
pages earn nothing; several pages of one trainee together earn real time once.
"""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import page_views, selectors, services
from courses.models import AnomalyKind, CourseStudy, HoursEntry, LessonStudy, ProgressAnomaly
from tests.courses.page_views import heartbeat
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

INTERVAL = 30


@pytest.fixture(autouse=True)
def _heartbeat_settings(settings):
    settings.HEARTBEAT_INTERVAL_SECONDS = INTERVAL
    settings.HEARTBEAT_DAILY_CAP_SECONDS = 12 * 3600
    settings.HEARTBEAT_IDLE_SECONDS = 300
    settings.HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS = 4 * 3600
    settings.HEARTBEAT_MAX_CONCURRENT_VIEWS = 3


@pytest.fixture
def course(db):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, learning_hours=Decimal("12"))


@pytest.fixture
def lesson(course):
    return cms_factories.lesson_page(course)


@pytest.fixture
def trainee(course):
    return factories.enrolment(cohort=factories.cohort(course=course)).user


def record(user, lesson, *, view, seq, at, visible=True, interacted=True):
    return services.progress_record_heartbeat(
        user=user, lesson=lesson, page_view=view, seq=seq, visible=visible, interacted=interacted, now=at
    )


def credited(user) -> int:
    return sum(LessonStudy.objects.filter(user=user).values_list("active_seconds", flat=True))


# --- A script without a page view -----------------------------------------------------------------


def test_1200_scripted_beats_without_a_page_view_credit_nothing_and_are_flagged(trainee, lesson):
    start = timezone.now()
    for seq in range(1, 1201):  # ten hours of beats, 30 s apart, claiming everything
        result = record(trainee, lesson, view="", seq=seq, at=start + timedelta(seconds=INTERVAL * seq))
        assert result.status == "refused" and result.credited_seconds == 0
    assert credited(trainee) == 0
    assert not HoursEntry.objects.exists() and not CourseStudy.objects.exists()
    # One row per trainee, kind and day, counting them: the script fills no table.
    flags = ProgressAnomaly.objects.filter(user=trainee, kind=AnomalyKind.HEARTBEAT_MISSING_TOKEN)
    assert sum(flags.values_list("count", flat=True)) == 1200
    assert flags.count() <= 2  # ten hours may cross midnight


def test_todays_scripted_heartbeat_is_refused_with_a_reason(client, trainee, lesson):
    client.force_login(trainee)
    url = reverse("courses:heartbeat")
    for seq in range(1, 4):
        body = {"lesson": lesson.pk, "tab": "script", "seq": seq}
        response = client.post(url, json.dumps(body), content_type="application/json")
        assert response.status_code == 403
        data = response.json()
        assert (data["status"], data["reason"], data["credited_seconds"]) == (
            "refused",
            "heartbeat_missing_token",
            0,
        )
        assert "重新加载" in data["error"]
    assert credited(trainee) == 0
    assert ProgressAnomaly.objects.get(user=trainee).count == 3


def test_a_page_view_of_another_trainee_or_lesson_or_a_forged_one_credits_nothing(trainee, lesson, course):
    other_lesson = cms_factories.lesson_page(course)
    classmate = factories.user()
    now = timezone.now()
    theirs = page_views.page_view_issue(user_id=classmate.pk, lesson_id=lesson.pk, now=now)
    other = page_views.page_view_issue(user_id=trainee.pk, lesson_id=other_lesson.pk, now=now)
    mine = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk, now=now)
    forged = mine[:-3] + ("AAA" if not mine.endswith("AAA") else "BBB")
    for seq, view in enumerate([theirs, other, forged, "not-a-token"], start=1):
        result = record(trainee, lesson, view=view, seq=seq, at=now + timedelta(seconds=INTERVAL * seq))
        assert (result.status, result.refusal) == ("refused", "heartbeat_invalid_token")
    assert credited(trainee) == 0
    assert ProgressAnomaly.objects.get(user=trainee, kind=AnomalyKind.HEARTBEAT_INVALID_TOKEN).count == 4


def test_an_expired_page_view_credits_nothing_and_asks_for_a_reload(client, trainee, lesson, settings):
    old = page_views.page_view_issue(
        user_id=trainee.pk, lesson_id=lesson.pk, now=timezone.now() - timedelta(hours=4, seconds=1)
    )
    result = record(trainee, lesson, view=old, seq=1, at=timezone.now())
    assert (result.status, result.refusal) == ("refused", "heartbeat_expired_token")
    assert credited(trainee) == 0

    from django.utils import translation

    client.force_login(trainee)
    with translation.override("en"):
        url = reverse("courses:heartbeat")
    body = {"lesson": lesson.pk, "view": old, "seq": 2, "visible": True, "interacted": True}
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"].startswith("This lesson page has been open too long")


def test_no_time_before_the_page_was_served_is_credited(trainee, lesson):
    served = timezone.now().replace(microsecond=0)
    view = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk, now=served)
    # Hidden right after loading: the closing heartbeat stands for 2 s, not a whole interval.
    assert record(trainee, lesson, view=view, seq=1, at=served + timedelta(seconds=2)).credited_seconds == 2


def test_the_lesson_page_embeds_a_new_page_view_per_load(client, trainee, lesson):
    client.force_login(trainee)
    views = []
    for _load in range(2):
        html = client.get(lesson.url).content.decode()
        views.append(re.search(r'data-view="([^"]+)"', html).group(1))
    now = timezone.now()
    read = [
        page_views.page_view_read(token=v, user_id=trainee.pk, lesson_id=lesson.pk, now=now) for v in views
    ]
    assert read[0].view_id != read[1].view_id
    # Each tab earns under its own page view; the page's own token is accepted by the endpoint.
    body = {"lesson": lesson.pk, "view": views[0], "seq": 1, "visible": True, "interacted": True}
    response = client.post(reverse("courses:heartbeat"), json.dumps(body), content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "credited"


# --- Tabs and devices -----------------------------------------------------------------------------


def test_two_tabs_beating_together_credit_real_time_once(trainee, course):
    lesson_a, lesson_b = cms_factories.lesson_page(course), cms_factories.lesson_page(course)
    start = timezone.now()
    for seq in range(1, 21):  # ten minutes, both tabs visible and used, beating at the same moments
        at = start + timedelta(seconds=INTERVAL * seq)
        heartbeat(user=trainee, lesson=lesson_a, tab="desktop", seq=seq, now=at)
        heartbeat(user=trainee, lesson=lesson_b, tab="phone", seq=seq, now=at)
    assert credited(trainee) == 20 * INTERVAL
    assert selectors.hours_total(user=trainee) == Decimal("0.1")


def test_one_page_view_copied_to_a_second_tab_or_script_shares_its_counter(trainee, lesson):
    start = timezone.now()
    view = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk, now=start)
    assert record(trainee, lesson, view=view, seq=1, at=start + timedelta(seconds=30)).credited_seconds == 30
    # The copy replays sequence numbers the page view has used.
    assert record(trainee, lesson, view=view, seq=1, at=start + timedelta(seconds=45)).status == "replay"
    # ... and a higher one earns only the time since the view's last heartbeat.
    assert record(trainee, lesson, view=view, seq=9, at=start + timedelta(seconds=45)).credited_seconds == 15


def test_more_concurrent_page_views_than_plausible_are_flagged(trainee, course):
    lessons = [cms_factories.lesson_page(course) for _ in range(5)]
    start = timezone.now()
    for seq in (1, 2):
        for number, lesson in enumerate(lessons):
            at = start + timedelta(seconds=INTERVAL * seq + number)
            heartbeat(user=trainee, lesson=lesson, tab=f"tab-{number}", seq=seq, now=at)
    flag = ProgressAnomaly.objects.get(user=trainee, kind=AnomalyKind.CONCURRENT_VIEWS)
    assert flag.detail == "5 page views" and flag.count >= 2
    assert credited(trainee) <= 2 * INTERVAL + len(lessons)


def test_three_page_views_are_not_flagged(trainee, course):
    lessons = [cms_factories.lesson_page(course) for _ in range(3)]
    start = timezone.now()
    for seq in (1, 2):
        for number, lesson in enumerate(lessons):
            heartbeat(
                user=trainee,
                lesson=lesson,
                tab=f"tab-{number}",
                seq=seq,
                now=start + timedelta(seconds=30 * seq),
            )
    assert not ProgressAnomaly.objects.exists()


# --- Hidden and idle pages ------------------------------------------------------------------------


def test_a_hidden_page_credits_nothing(trainee, lesson):
    start = timezone.now()
    for seq in range(1, 21):
        result = heartbeat(
            user=trainee, lesson=lesson, seq=seq, now=start + timedelta(seconds=INTERVAL * seq), visible=False
        )
        assert (result.status, result.credited_seconds) == ("hidden", 0)
    assert credited(trainee) == 0


def test_the_hidden_stretch_is_not_credited_when_the_page_shows_again(trainee, lesson):
    start = timezone.now()
    heartbeat(user=trainee, lesson=lesson, seq=1, now=start)  # visible: the interval before it
    # Hidden for ten minutes, then shown: the heartbeat closing the hidden stretch earns nothing ...
    back = start + timedelta(minutes=10)
    assert heartbeat(user=trainee, lesson=lesson, seq=2, now=back, visible=False).credited_seconds == 0
    # ... and the next one only the 10 s since the page showed again.
    assert (
        heartbeat(user=trainee, lesson=lesson, seq=3, now=back + timedelta(seconds=10)).credited_seconds == 10
    )


def test_an_idle_page_stops_earning_after_the_idle_time_and_resumes_on_interaction(trainee, lesson):
    start = timezone.now()
    results = [
        heartbeat(
            user=trainee,
            lesson=lesson,
            seq=seq,
            now=start + timedelta(seconds=INTERVAL * seq),
            interacted=seq == 1,  # touched once, then left alone for an hour
        )
        for seq in range(1, 121)
    ]
    # The last interaction was at the first heartbeat: 300 s more, i.e. ten more heartbeats, count.
    assert [r.status for r in results[:11]] == ["credited"] * 11
    assert {r.status for r in results[11:]} == {"idle"}
    assert credited(trainee) == 11 * INTERVAL
    resumed = heartbeat(user=trainee, lesson=lesson, seq=121, now=start + timedelta(seconds=INTERVAL * 121))
    assert (resumed.status, resumed.credited_seconds) == ("credited", INTERVAL)


def test_the_idle_time_is_a_setting(trainee, lesson, settings):
    settings.HEARTBEAT_IDLE_SECONDS = 60
    start = timezone.now().replace(microsecond=0)  # page views are issued in whole seconds
    statuses = [
        heartbeat(
            user=trainee,
            lesson=lesson,
            seq=seq,
            now=start + timedelta(seconds=INTERVAL * seq),
            interacted=False,
        ).status
        for seq in range(1, 6)
    ]
    # The page load is the last interaction: it was issued one interval before the first heartbeat.
    assert statuses == ["credited", "credited", "idle", "idle", "idle"]


def test_endpoint_reports_hidden_and_idle_and_treats_a_missing_flag_as_no(client, trainee, lesson, settings):
    settings.HEARTBEAT_IDLE_SECONDS = 0
    client.force_login(trainee)
    view = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk, now=timezone.now())
    url = reverse("courses:heartbeat")

    def send(**fields):
        body = {"lesson": lesson.pk, "view": view} | fields
        return client.post(url, json.dumps(body), content_type="application/json").json()

    assert send(seq=1, interacted=True)["status"] == "hidden"  # no "visible": not seen
    assert send(seq=2, visible=True)["status"] == "idle"  # no "interacted": nothing done
    assert credited(trainee) == 0


# --- Cost -------------------------------------------------------------------------------------------


def test_a_heartbeat_costs_no_query_for_its_page_view(trainee, lesson):
    """Measured with CaptureQueriesContext: a steady heartbeat was 11 statements before page views
    (9 queries and a savepoint pair), and is 10 now; the page-view check is an HMAC, not a lookup."""
    start = timezone.now()
    heartbeat(user=trainee, lesson=lesson, seq=1, now=start)
    with CaptureQueriesContext(connection) as queries:
        result = heartbeat(user=trainee, lesson=lesson, seq=2, now=start + timedelta(seconds=INTERVAL))
    assert result.credited_seconds == INTERVAL
    assert len(queries) <= 10, [q["sql"][:80] for q in queries]
    with CaptureQueriesContext(connection) as queries:
        heartbeat(
            user=trainee, lesson=lesson, seq=3, now=start + timedelta(seconds=2 * INTERVAL), visible=False
        )
    # A hidden page's heartbeat writes only the clock. SQLite wraps that write in a savepoint pair that
    # PostgreSQL's single statement does not need: bookkeeping, not queries, so they are not counted.
    statements = [q["sql"] for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(statements) <= 6, [sql[:80] for sql in statements]


# --- Registrars -------------------------------------------------------------------------------------


def test_registrars_see_anomalies_in_a_read_only_filterable_list(client, trainee, lesson, course):
    from wagtail.users.models import UserProfile

    from cms.services import editorial_setup

    catalogue = course.get_parent()
    editorial_setup(site_root=catalogue.get_parent(), catalogue=catalogue)
    record(trainee, lesson, view="", seq=1, at=timezone.now())
    flag = ProgressAnomaly.objects.get()
    listing = reverse("wagtailsnippets_courses_progressanomaly:list")

    registrar = factories.registrar()
    client.force_login(registrar)
    html = client.get(listing).content.decode()
    assert "无页面访问凭证的心跳" in html and trainee.username in html
    filtered = client.get(listing, {"kind": AnomalyKind.CONCURRENT_VIEWS}).content.decode()
    assert trainee.username not in filtered
    assert client.get(reverse("wagtailsnippets_courses_progressanomaly:add")).status_code in (302, 403)
    edit = reverse("wagtailsnippets_courses_progressanomaly:edit", args=[flag.pk])
    assert client.get(edit).status_code in (302, 403)
    inspect = reverse("wagtailsnippets_courses_progressanomaly:inspect", args=[flag.pk])
    assert client.get(inspect).status_code == 200
    # A registrar who reads the admin in English.
    UserProfile.objects.update_or_create(user=registrar, defaults={"preferred_language": "en"})
    english = client.get(listing).content.decode()
    assert "Heartbeat without a page view" in english and "Progress anomalies" in english

    for outsider in (factories.instructor(), trainee):
        client.force_login(outsider)
        assert client.get(listing).status_code in (302, 403)
