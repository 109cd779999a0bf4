"""Heartbeats: only real, de-duplicated, capped study time becomes learning hours."""

import datetime
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import selectors
from courses.models import CourseStudy, HoursEntry, HoursSource, LessonStudy
from tests.courses.page_views import heartbeat
from tests.courses.page_views import token as page_view_token
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

INTERVAL = 30


@pytest.fixture(autouse=True)
def _heartbeat_settings(settings):
    settings.HEARTBEAT_INTERVAL_SECONDS = INTERVAL
    settings.HEARTBEAT_DAILY_CAP_SECONDS = 3600


@pytest.fixture
def course(db):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, learning_hours=Decimal("2"))


@pytest.fixture
def lesson(course):
    return cms_factories.lesson_page(course)


@pytest.fixture
def trainee(course):
    return factories.enrolment(cohort=factories.cohort(course=course)).user


def beat(user, lesson, tab, seq, at):
    return heartbeat(user=user, lesson=lesson, tab=tab, seq=seq, now=at)


def test_steady_heartbeats_become_tenths_of_an_hour(trainee, lesson, course):
    start = timezone.now()
    for n in range(1, 25):  # 24 beats, 30 s apart: 12 minutes
        beat(trainee, lesson, "tab-a", n, start + timedelta(seconds=INTERVAL * n))
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).active_seconds == 24 * INTERVAL
    entries = HoursEntry.objects.filter(user=trainee, course=course)
    assert [e.source for e in entries] == [HoursSource.ONLINE, HoursSource.ONLINE]
    assert selectors.hours_total(user=trainee) == Decimal("0.2")


def test_two_tabs_do_not_double_count(trainee, course):
    lesson_a = cms_factories.lesson_page(course)
    lesson_b = cms_factories.lesson_page(course)
    start = timezone.now()
    # Two tabs, each beating every 30 s, offset by 15 s, for 12 minutes of real time.
    for n in range(1, 25):
        beat(trainee, lesson_a, "tab-a", n, start + timedelta(seconds=INTERVAL * n))
        beat(trainee, lesson_b, "tab-b", n, start + timedelta(seconds=INTERVAL * n + 15))
    total = sum(LessonStudy.objects.filter(user=trainee).values_list("active_seconds", flat=True))
    # At most the real elapsed time (12 min 15 s) plus the first beat's own interval.
    assert total <= 24 * INTERVAL + 15 + INTERVAL
    assert CourseStudy.objects.get(user=trainee, course=course).active_seconds == total
    assert selectors.hours_total(user=trainee) == Decimal("0.2")


def test_replayed_and_bursting_heartbeats_earn_nothing_extra(trainee, lesson):
    start = timezone.now()
    first = beat(trainee, lesson, "tab-a", 5, start)
    assert first.status == "credited"
    assert beat(trainee, lesson, "tab-a", 5, start + timedelta(seconds=30)).status == "replay"
    assert beat(trainee, lesson, "tab-a", 4, start + timedelta(seconds=60)).status == "replay"
    # A forged burst: many new sequence numbers within one second credits at most that second.
    for n in range(6, 106):
        beat(trainee, lesson, "tab-a", n, start + timedelta(seconds=1))
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).active_seconds == first.credited_seconds + 1


def test_a_long_gap_credits_one_interval_only(trainee, lesson):
    start = timezone.now()
    beat(trainee, lesson, "t", 1, start)
    result = beat(trainee, lesson, "t", 2, start + timedelta(hours=3))
    assert result.credited_seconds == INTERVAL


def test_daily_cap(trainee, lesson, settings):
    settings.HEARTBEAT_DAILY_CAP_SECONDS = 100
    start = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))  # mid-morning: one local day
    credited = sum(
        beat(trainee, lesson, "t", n, start + timedelta(seconds=INTERVAL * n)).credited_seconds
        for n in range(1, 11)
    )
    assert credited == 100


def test_not_enrolled_heartbeats_earn_nothing(lesson, course):
    outsider = factories.user()
    # Wait-listed is not enrolled either.
    waiting = factories.enrolment(cohort=factories.cohort(course=course), status="waitlisted").user
    start = timezone.now()
    for user in (outsider, waiting):
        for n in range(1, 30):
            assert (
                beat(user, lesson, "t", n, start + timedelta(seconds=INTERVAL * n)).status == "not_enrolled"
            )
    assert not LessonStudy.objects.exists()
    assert not HoursEntry.objects.exists()


def test_ledger_credits_each_tenth_once(trainee, lesson, course):
    start = timezone.now()
    for n in range(1, 25):  # 12 minutes: two tenths
        beat(trainee, lesson, "t", n, start + timedelta(seconds=INTERVAL * n))
    assert HoursEntry.objects.count() == 2
    # Resetting the counter (as if a retry re-ran the step) cannot credit the same tenths again:
    # the next heartbeat crosses the first two tenths once more, and the ledger's key refuses them.
    CourseStudy.objects.filter(user=trainee, course=course).update(active_seconds=719, credited_seconds=0)
    beat(trainee, lesson, "t", 25, start + timedelta(seconds=INTERVAL * 25))
    assert HoursEntry.objects.count() == 2
    assert selectors.hours_total(user=trainee) == Decimal("0.2")


# --- The endpoint -------------------------------------------------------------------------


def post(client, **data):
    """A heartbeat from tab ``tab`` of a visible lesson page the signed-in trainee is using."""
    tab = data.pop("tab", None)
    user_id = client.session.get("_auth_user_id")
    if tab and user_id and isinstance(data.get("lesson"), int):
        data = {
            "view": page_view_token(int(user_id), data["lesson"], tab),
            "visible": True,
            "interacted": True,
        } | data
    return client.post(reverse("courses:heartbeat"), json.dumps(data), content_type="application/json")


def test_endpoint_records_for_the_signed_in_trainee(client, trainee, lesson):
    client.force_login(trainee)
    response = post(client, lesson=lesson.pk, tab="abc", seq=1)
    assert response.status_code == 200
    assert response.json()["status"] == "credited"
    assert post(client, lesson=lesson.pk, tab="abc", seq=1).json()["status"] == "replay"


def test_endpoint_needs_csrf(trainee, lesson):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    assert post(client, lesson=lesson.pk, tab="abc", seq=1).status_code == 403
    assert not LessonStudy.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"lesson": "x", "tab": "a", "seq": 1},
        {"lesson": 1, "tab": "a", "seq": 0},
        {"lesson": 1, "tab": "a", "seq": 1, "visible": "maybe"},
    ],
)
def test_endpoint_rejects_malformed_heartbeats(client, trainee, lesson, data):
    client.force_login(trainee)
    response = post(client, **data)
    assert response.status_code in (400, 404)
    assert not LessonStudy.objects.exists()


def test_endpoint_refuses_anonymous_and_outsiders(client, lesson):
    assert post(client, lesson=lesson.pk, tab="a", seq=1).status_code == 401
    client.force_login(factories.user())
    assert post(client, lesson=lesson.pk, tab="a", seq=1).status_code == 403
    assert not LessonStudy.objects.exists()


# --- Watched video: bounded by credited time --------------------------------------------------

VIDEO_SECONDS = 600  # the lesson's video is 10:00 long, as its editor gave it


def video_lesson(course, duration="10:00"):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(title="讲座录像", file=ContentFile(b"\x00" * 64, name="lecture.mp4"))
    video = {"embed": None, "file": document.pk, "duration": duration, "caption": ""}
    return cms_factories.lesson_page(course, body=[{"type": "video", "value": video}])


def video_beat(user, lesson, seq, at, claim, length=None, tab="t"):
    return heartbeat(
        user=user, lesson=lesson, tab=tab, seq=seq, video_fraction=claim, video_duration=length, now=at
    )


def watch(user, lesson, speed, beats, start):
    """An honest player at ``speed``: each heartbeat, 30 s later, reports what it has really played."""
    results = []
    for n in range(1, beats + 1):
        claim = min(1.0, n * INTERVAL * speed / VIDEO_SECONDS)
        results.append(video_beat(user, lesson, n, start + timedelta(seconds=INTERVAL * n), claim))
    return results


def test_a_forged_full_share_on_the_first_heartbeat_does_not_complete_the_lesson(trainee, course):
    from courses.models import LessonCompletion

    lesson = video_lesson(course)
    result = video_beat(trainee, lesson, 1, timezone.now(), claim=1.0)
    assert result.credited_seconds == INTERVAL and not result.lesson_completed
    # One heartbeat's credit at twice normal speed: 60 of the video's 600 seconds.
    assert result.video_fraction == Decimal("0.1") and result.video_capped
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_watched_seconds, study.video_duration_seconds) == (60, VIDEO_SECONDS)
    assert not study.video_duration_from_client
    assert study.video_fraction_claimed == Decimal("1")  # the claim is kept for audit, not credited
    assert not LessonCompletion.objects.exists()


def test_honest_playback_at_normal_speed_completes_the_lesson_at_the_rules_share(trainee, course):
    lesson = video_lesson(course)
    results = watch(trainee, lesson, speed=1, beats=20, start=timezone.now())
    assert [r.video_fraction for r in results[:3]] == [Decimal("0.05"), Decimal("0.1"), Decimal("0.15")]
    assert not any(r.video_capped for r in results)
    # The default rule asks for 90 %: 540 s of the 600 s video, reached at the 18th heartbeat.
    assert [n for n, r in enumerate(results, start=1) if r.lesson_completed] == [18]
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).video_watched_seconds == 20 * INTERVAL


def test_playback_at_twice_normal_speed_is_credited_in_full(trainee, course):
    lesson = video_lesson(course)
    results = watch(trainee, lesson, speed=2, beats=10, start=timezone.now())
    assert [r.video_fraction for r in results] == [Decimal(n) / 10 for n in range(1, 11)]
    assert not any(r.video_capped for r in results)
    assert [n for n, r in enumerate(results, start=1) if r.lesson_completed] == [9]


def test_playback_at_ten_times_normal_speed_is_capped_at_the_maximum_rate(trainee, course):
    lesson = video_lesson(course)
    results = watch(trainee, lesson, speed=10, beats=10, start=timezone.now())
    # Credited as 2× playback: 60 s per heartbeat, no faster than an honest 2× viewer.
    assert [r.video_fraction for r in results] == [Decimal(n) / 10 for n in range(1, 11)]
    assert [r.video_capped for r in results] == [True] * 9 + [False]
    assert [n for n, r in enumerate(results, start=1) if r.lesson_completed] == [9]


def test_the_maximum_playback_rate_is_a_setting(trainee, course, settings):
    settings.VIDEO_MAX_PLAYBACK_RATE = 1.5
    lesson = video_lesson(course)
    result = video_beat(trainee, lesson, 1, timezone.now(), claim=1.0)
    assert result.video_fraction == Decimal("0.075")  # 30 s × 1.5 = 45 s of 600


def test_replays_and_heartbeats_without_credit_add_no_watched_time(trainee, course, settings):
    lesson = video_lesson(course)
    start = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))  # mid-morning: one local day
    video_beat(trainee, lesson, 1, start, claim=0.05)
    assert video_beat(trainee, lesson, 1, start + timedelta(seconds=30), claim=1.0).status == "replay"
    # A burst of new sequence numbers at the same instant earns no time, so no video either.
    for n in range(2, 12):
        assert video_beat(trainee, lesson, n, start, claim=1.0).credited_seconds == 0
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert study.video_watched_seconds == 30 and study.video_claim_capped

    # Over the daily cap, heartbeats earn nothing and so add nothing to the video either.
    settings.HEARTBEAT_DAILY_CAP_SECONDS = INTERVAL
    result = video_beat(trainee, lesson, 12, start + timedelta(seconds=30), claim=1.0)
    assert result.credited_seconds == 0 and result.video_fraction == Decimal("0.05")


def test_a_lower_share_reported_later_never_lowers_the_watched_time(trainee, course):
    lesson = video_lesson(course)
    start = timezone.now()
    video_beat(trainee, lesson, 1, start, claim=0.1)
    result = video_beat(
        trainee, lesson, 2, start + timedelta(seconds=30), claim=0.02
    )  # the page was reloaded
    assert result.video_fraction == Decimal("0.1") and not result.video_capped


def test_the_editors_length_wins_over_the_one_the_browser_reports(trainee, course):
    lesson = video_lesson(course)
    # A forged length of 20 s would make one heartbeat's 60 s the whole video.
    result = video_beat(trainee, lesson, 1, timezone.now(), claim=1.0, length=20)
    assert result.video_fraction == Decimal("0.1") and not result.lesson_completed


def test_without_an_editors_length_the_first_length_the_browser_reports_is_fixed(trainee, course):
    lesson = video_lesson(course, duration="")  # saved before the length was asked for
    start = timezone.now()
    # No length at all: the claim is kept, nothing is credited.
    assert video_beat(trainee, lesson, 1, start, claim=0.5).video_fraction == Decimal("0")
    video_beat(trainee, lesson, 2, start + timedelta(seconds=30), claim=0.1, length=VIDEO_SECONDS)
    # A later, shorter length does not move it.
    result = video_beat(trainee, lesson, 3, start + timedelta(seconds=60), claim=1.0, length=30)
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_duration_seconds, study.video_duration_from_client) == (VIDEO_SECONDS, True)
    assert result.video_fraction == Decimal("0.2") and not result.lesson_completed


def test_a_length_from_the_browser_is_taken_only_within_sane_bounds(trainee, course):
    from courses.services.progress import CLIENT_VIDEO_LENGTH_RANGE

    lesson = video_lesson(course, duration="")
    video_beat(trainee, lesson, 1, timezone.now(), claim=0.5, length=0.5)
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert study.video_duration_seconds == CLIENT_VIDEO_LENGTH_RANGE[0]

    other = video_lesson(course, duration="")
    video_beat(trainee, other, 2, timezone.now() + timedelta(seconds=30), claim=0.5, length=10**9)
    assert (
        LessonStudy.objects.get(user=trainee, lesson=other).video_duration_seconds
        == CLIENT_VIDEO_LENGTH_RANGE[1]
    )


def test_endpoint_reports_the_credited_share_not_the_claim(client, trainee, course):
    lesson = video_lesson(course)
    client.force_login(trainee)
    data = post(client, lesson=lesson.pk, tab="abc", seq=1, video=1.0, video_duration=5).json()
    assert data["video_fraction"] == 0.1 and data["video_capped"] is True
    assert not data["lesson_completed"]

    html = client.get(lesson.url).content.decode()
    assert '<span data-role="video-percent">10</span>%' in html
    assert 'data-role="video-capped">' in html  # the note explaining the cap is shown
    assert "2 倍" in html


def test_lesson_page_shows_no_cap_note_for_honest_watching(client, trainee, course):
    lesson = video_lesson(course)
    video_beat(trainee, lesson, 1, timezone.now(), claim=0.05)
    client.force_login(trainee)
    html = client.get(lesson.url).content.decode()
    assert '<span data-role="video-percent">5</span>%' in html
    assert 'data-role="video-capped" hidden>' in html


@pytest.mark.parametrize("duration", [-1, 0, "abc", "NaN", "Infinity"])
def test_endpoint_rejects_malformed_video_lengths(client, trainee, course, duration):
    lesson = video_lesson(course)
    client.force_login(trainee)
    response = post(client, lesson=lesson.pk, tab="abc", seq=1, video=0.5, video_duration=duration)
    assert response.status_code == 400
    assert not LessonStudy.objects.exists()


# --- Watched video: the union of played ranges, across page loads -----------------------------


def ranges_beat(user, lesson, seq, at, ranges, tab="t"):
    return heartbeat(user=user, lesson=lesson, tab=tab, seq=seq, video_ranges=ranges, now=at)


def test_two_page_loads_each_watching_half_add_up_and_complete_the_lesson(trainee, course):
    from courses.models import LessonCompletion

    lesson = video_lesson(course)
    start = timezone.now()
    # First page load: the first half at normal speed, one heartbeat every 30 s.
    for n in range(1, 11):
        result = ranges_beat(trainee, lesson, n, start + timedelta(seconds=INTERVAL * n), [[0, INTERVAL * n]])
    assert result.video_fraction == Decimal("0.5") and not result.lesson_completed
    # The page is reloaded (a new tab id, a played list starting empty) and the second half watched.
    later = start + timedelta(days=1)
    results = [
        ranges_beat(
            trainee, lesson, n, later + timedelta(seconds=INTERVAL * n), [[300, 300 + INTERVAL * n]], tab="t2"
        )
        for n in range(1, 11)
    ]
    assert results[-1].video_fraction == Decimal("1")
    assert not any(r.video_capped for r in results)
    # The default rule asks for 90 %: 540 s, reached at the 8th heartbeat of the second load.
    assert [n for n, r in enumerate(results, start=1) if r.lesson_completed] == [8]
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).exists()
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_ranges, study.video_watched_seconds) == ([[0, 600]], 600)
    assert study.video_fraction_claimed == Decimal("1")


def test_watching_the_same_stretch_again_adds_nothing(trainee, course):
    lesson = video_lesson(course)
    at = timezone.now()
    for load in range(3):  # three page loads, each playing the first minute
        for n in (1, 2):
            at += timedelta(seconds=INTERVAL)
            result = ranges_beat(trainee, lesson, n, at, [[0, INTERVAL * n]], tab=f"load-{load}")
    assert result.video_fraction == Decimal("0.1") and not result.video_capped
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_ranges, study.video_watched_seconds) == ([[0, 60]], 60)


def test_a_forged_huge_range_is_worth_one_heartbeats_allowance(trainee, course):
    lesson = video_lesson(course)
    result = ranges_beat(trainee, lesson, 1, timezone.now(), [[0, 3600]])
    # 30 s of credited time at twice normal speed: 60 s of the video, from its start.
    assert result.video_fraction == Decimal("0.1") and result.video_capped
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_ranges, study.video_watched_seconds) == ([[0, 60]], 60)
    assert study.video_fraction_claimed == Decimal("1")  # clipped to the length, kept for audit


def test_over_the_allowance_the_new_pieces_are_credited_in_order(trainee, course):
    lesson = video_lesson(course)
    start = timezone.now()
    ranges_beat(trainee, lesson, 1, start, [[0, 20]])
    result = ranges_beat(trainee, lesson, 2, start + timedelta(seconds=30), [[0, 20], [100, 130], [200, 400]])
    assert result.video_capped
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    # 60 s allowed: all of 100–130, then the first 30 s of 200–400.
    assert study.video_ranges == [[0, 20], [100, 130], [200, 230]]
    assert study.video_watched_seconds == 80


def test_ranges_beyond_the_length_are_clipped(trainee, course):
    lesson = video_lesson(course)
    result = ranges_beat(trainee, lesson, 1, timezone.now(), [[590.4, 5000], [700, 800]])
    assert not result.video_capped  # only 10 s are inside the video
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_ranges, study.video_watched_seconds) == ([[590, 600]], 10)
    assert study.video_fraction_claimed == Decimal("0.017")


def test_heartbeats_without_credit_add_no_ranges(trainee, course):
    lesson = video_lesson(course)
    start = timezone.now()
    ranges_beat(trainee, lesson, 1, start, [[0, 30]])
    # A burst at the same instant earns no time, so no video either.
    result = ranges_beat(trainee, lesson, 2, start, [[0, 30], [30, 600]])
    assert result.credited_seconds == 0 and result.video_capped
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).video_ranges == [[0, 30]]


def test_an_older_page_reporting_a_share_is_read_as_the_opening_stretch(trainee, course):
    lesson = video_lesson(course)
    start = timezone.now()
    ranges_beat(trainee, lesson, 1, start, [[300, 330]])
    result = video_beat(trainee, lesson, 2, start + timedelta(seconds=30), claim=0.05)
    assert result.video_fraction == Decimal("0.1") and not result.video_capped
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).video_ranges == [[0, 30], [300, 330]]


def test_endpoint_credits_reported_ranges(client, trainee, course):
    lesson = video_lesson(course)
    client.force_login(trainee)
    data = post(
        client, lesson=lesson.pk, tab="abc", seq=1, video_ranges=[[0, 29.6]], video_duration=600.2
    ).json()
    assert data["video_fraction"] == 0.05 and data["video_capped"] is False
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).video_ranges == [[0, 30]]


def test_endpoint_still_takes_a_share_from_older_pages(client, trainee, course):
    lesson = video_lesson(course)
    client.force_login(trainee)
    data = post(client, lesson=lesson.pk, tab="abc", seq=1, video=0.05, video_duration=600).json()
    assert data["video_fraction"] == 0.05 and data["video_capped"] is False
    study = LessonStudy.objects.get(user=trainee, lesson=lesson)
    assert (study.video_ranges, study.video_watched_seconds) == ([[0, 30]], 30)


@pytest.mark.parametrize("number", [float("nan"), float("inf")])
def test_a_heartbeat_with_a_non_finite_number_is_unreadable_and_changes_nothing(
    client, trainee, course, number
):
    """NaN and Infinity are not JSON numbers: the body is refused as a whole (cms.untrusted)."""
    lesson = video_lesson(course)
    client.force_login(trainee)
    response = post(
        client, lesson=lesson.pk, tab="abc", seq=1, video_ranges=[[0, number]], video_duration=600
    )
    assert response.status_code == 400
    assert not LessonStudy.objects.exists()
    assert (
        post(client, lesson=lesson.pk, tab="abc", seq=1, video_ranges=[[0, 30]]).json()["video_fraction"]
        == 0.05
    )


@pytest.mark.parametrize(
    "ranges",
    [
        "0-30",
        {"0": 30},
        [0, 30],
        [[0]],
        [[0, 30, 60]],
        [[30, 0]],
        [[-1, 30]],
        [["0", "30"]],
        [[True, 30]],
        [[0, 10**400]],
        [[n, n + 1] for n in range(101)],
    ],
)
def test_endpoint_rejects_malformed_ranges_and_changes_nothing(client, trainee, course, ranges):
    lesson = video_lesson(course)
    client.force_login(trainee)
    response = post(client, lesson=lesson.pk, tab="abc", seq=1, video_ranges=ranges, video_duration=600)
    assert response.status_code == 400
    assert response.json()["error"].startswith("视频播放片段格式有误")
    assert not LessonStudy.objects.exists()
    # The sequence number was not used up: the same heartbeat, well formed, is credited.
    assert (
        post(client, lesson=lesson.pk, tab="abc", seq=1, video_ranges=[[0, 30]]).json()["video_fraction"]
        == 0.05
    )


def test_endpoint_explains_malformed_ranges_in_english(client, trainee, course):
    from django.utils import translation

    lesson = video_lesson(course)
    client.force_login(trainee)
    with translation.override("en"):
        url = reverse("courses:heartbeat")
    assert url.startswith("/en/")
    data = {"lesson": lesson.pk, "tab": "abc", "seq": 1, "video_ranges": [[30, 0]]}
    response = client.post(url, json.dumps(data), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Malformed played video ranges: send at most 100 pairs")


def test_a_range_claim_is_capped_against_the_remaining_allowance_only(trainee, course):
    # The allowance bounds new coverage, not the report: re-sending what is credited costs nothing.
    lesson = video_lesson(course)
    start = timezone.now()
    ranges_beat(trainee, lesson, 1, start, [[0, 60]])
    result = ranges_beat(trainee, lesson, 2, start + timedelta(seconds=30), [[0, 120]])
    assert result.video_fraction == Decimal("0.2") and not result.video_capped


def test_rows_credited_before_ranges_keep_their_watched_seconds(trainee, course):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("courses.migrations.0005_lessonstudy_video_ranges")
    lesson = video_lesson(course)
    LessonStudy.objects.create(
        user=trainee, lesson=lesson, video_watched_seconds=120, video_duration_seconds=600
    )
    migration.seed_ranges(apps, None)
    assert LessonStudy.objects.get(user=trainee, lesson=lesson).video_ranges == [[0, 120]]
    # Watching on from there adds to it.
    result = ranges_beat(trainee, lesson, 1, timezone.now(), [[120, 180]])
    assert result.video_fraction == Decimal("0.3") and not result.video_capped
