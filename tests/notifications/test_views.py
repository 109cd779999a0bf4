"""The in-site list, the unread count in the header, marking read and the preferences page."""

import pytest
from django.urls import reverse

from courses.notifications.kinds import NotificationKind
from courses.notifications.models import Notification, NotificationPreference
from courses.notifications.services import notify
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def _rejected(user, cohort="2026 春季班", reason="名额已满"):
    return notify(
        recipient=user,
        kind=NotificationKind.ENROLMENT_REJECTED,
        params={"cohort": cohort, "starts_on": "2026-03-01", "ends_on": "2026-06-30", "reason": reason},
        link=("courses:my_enrolments", []),
    )


@pytest.fixture
def trainee(db):
    return course_factories.user()


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def test_the_list_needs_a_login(client, db):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_empty_list(signed_in):
    response = signed_in.get("/notifications/")
    assert response.status_code == 200
    assert "您还没有任何通知" in response.content.decode()


def test_the_list_shows_own_notifications_in_the_page_language(signed_in, trainee):
    _rejected(trainee, reason="材料不全")
    _rejected(course_factories.user(), cohort="别人的班期")

    chinese = signed_in.get("/notifications/").content.decode()
    assert "您在“2026 春季班”的报名未获通过" in chinese and "材料不全" in chinese
    assert 'href="/learning/enrolments/"' in chinese
    assert "别人的班期" not in chinese

    english = signed_in.get("/en/notifications/").content.decode()
    assert "Your enrolment in 2026 春季班 was not accepted" in english
    assert 'href="/en/learning/enrolments/"' in english


def test_the_header_counts_unread_notifications(signed_in, trainee):
    for _ in range(3):
        _rejected(trainee)
    html = signed_in.get("/notifications/").content.decode()
    assert '3 条未读通知">3</span>' in html

    signed_in.post("/notifications/read-all/")
    html = signed_in.get(reverse("courses:my_enrolments")).content.decode()
    assert "未读通知" not in html


def test_mark_one_read(signed_in, trainee):
    first, second = _rejected(trainee), _rejected(trainee)

    response = signed_in.post(f"/notifications/{first.pk}/read/", {"page": "1"})

    assert response.status_code == 302 and response["Location"] == "/notifications/?page=1"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None


def test_mark_all_read_touches_only_own_notifications(signed_in, trainee):
    _rejected(trainee)
    other = _rejected(course_factories.user())

    signed_in.post("/notifications/read-all/")

    assert not Notification.objects.filter(recipient=trainee, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_another_users_notification_is_not_found(signed_in):
    other = _rejected(course_factories.user())

    assert signed_in.post(f"/notifications/{other.pk}/read/").status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_marking_read_needs_post(signed_in, trainee):
    notification = _rejected(trainee)
    assert signed_in.get(f"/notifications/{notification.pk}/read/").status_code == 405


def test_the_list_runs_a_bounded_number_of_queries(signed_in, trainee, django_assert_max_num_queries, figure):
    signed_in.get("/notifications/")  # warm the site and settings caches
    counts = []
    for total in (5, 50):
        while Notification.objects.filter(recipient=trainee).count() < total:
            _rejected(trainee)
        with django_assert_max_num_queries(12) as captured:
            response = signed_in.get("/notifications/")
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    figure(f"queries for 5 and 50 notifications: {counts}")
    assert counts[0] == counts[1]


def test_the_list_is_paginated(signed_in, trainee):
    for number in range(25):
        _rejected(trainee, cohort=f"班期{number:02d}")

    first = signed_in.get("/notifications/").content.decode()
    second = signed_in.get("/notifications/?page=2").content.decode()

    assert "班期24" in first and "班期05" in first and "班期04" not in first
    assert "班期04" in second and "班期00" in second and "班期24" not in second
    assert 'href="?page=2"' in first


def test_preferences_default_to_chinese_and_every_email(signed_in):
    response = signed_in.get("/notifications/preferences/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["language"] == "zh-hans"
    assert form.initial["emailed_kinds"] == NotificationKind.values


def test_preferences_are_saved(signed_in, trainee):
    response = signed_in.post(
        "/notifications/preferences/",
        {
            "language": "en",
            "emailed_kinds": [NotificationKind.CERTIFICATE_ISSUED, NotificationKind.EXAM_RESULT_RELEASED],
        },
    )

    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=trainee)
    assert preference.language == "en"
    assert preference.emails(NotificationKind.CERTIFICATE_ISSUED)
    assert not preference.emails(NotificationKind.ENROLMENT_REJECTED)
    assert len(preference.email_muted) == len(NotificationKind.values) - 2


def test_bad_preferences_change_nothing(signed_in, trainee):
    response = signed_in.post(
        "/notifications/preferences/", {"language": "fr", "emailed_kinds": ["nonsense"]}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not NotificationPreference.objects.filter(user=trainee).exists()


def _header_count(request) -> str:
    """The header's unread count, rendered as base.html renders it."""
    from django.template import Context, Template

    template = Template("{% load notification_tags %}{% unread_notifications as unread %}{{ unread }}")
    return template.render(Context({"request": request}))


def test_the_unread_count_is_counted_once_then_cached(trainee, rf, django_assert_num_queries):
    _rejected(trainee)
    _rejected(trainee)
    request = rf.get("/")
    request.user = trainee

    with django_assert_num_queries(1):
        assert _header_count(request) == "2"
    with django_assert_num_queries(0):
        assert _header_count(request) == "2"


def test_a_second_page_view_does_not_count_unread_notifications(
    signed_in, trainee, django_assert_max_num_queries, figure
):
    _rejected(trainee)
    page = reverse("courses:my_enrolments")
    signed_in.get(page)

    with django_assert_max_num_queries(50) as captured:
        html = signed_in.get(page).content.decode()

    assert '1 条未读通知">1</span>' in html
    notification_queries = [
        q["sql"] for q in captured.captured_queries if "notifications_notification" in q["sql"]
    ]
    assert notification_queries == []


def test_the_cached_count_follows_new_and_read_notifications(signed_in, trainee):
    page = reverse("courses:my_enrolments")
    first = _rejected(trainee)
    assert '1 条未读通知">1</span>' in signed_in.get(page).content.decode()

    _rejected(trainee)
    assert '2 条未读通知">2</span>' in signed_in.get(page).content.decode()

    signed_in.post(f"/notifications/{first.pk}/read/")
    assert '1 条未读通知">1</span>' in signed_in.get(page).content.decode()

    signed_in.post("/notifications/read-all/")
    assert "未读通知" not in signed_in.get(page).content.decode()


def test_the_cached_count_is_per_user(signed_in, trainee):
    page = reverse("courses:my_enrolments")
    other = course_factories.user()
    _rejected(other)

    assert "未读通知" not in signed_in.get(page).content.decode()  # the trainee's 0 is cached
    signed_in.force_login(other)
    assert '1 条未读通知">1</span>' in signed_in.get(page).content.decode()


class _CacheDown:
    def get(self, *args, **kwargs):
        raise ConnectionError("cache unreachable")

    delete = set = get


def test_a_cache_that_is_down_fails_neither_the_action_nor_the_page(signed_in, trainee, monkeypatch):
    from courses.notifications import selectors, services

    monkeypatch.setattr(services, "cache", _CacheDown())
    monkeypatch.setattr(selectors, "cache", _CacheDown())

    assert _rejected(trainee) is not None
    html = signed_in.get(reverse("courses:my_enrolments")).content.decode()
    assert '1 条未读通知">1</span>' in html
