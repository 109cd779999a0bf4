"""Enrolment rules: modes, window, capacity, waiting list and status history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.guards import SYSTEM
from courses import selectors, services
from courses.models import Enrolment, EnrolmentMode, EnrolmentStatus
from tests.concurrency import run_concurrently
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

S = EnrolmentStatus


@pytest.fixture
def course(db):
    return factories.published_course(title="专利检索与分析")


def test_open_cohort_enrols_directly_and_records_the_history(course):
    cohort = factories.cohort(course=course, capacity=2)
    trainee = factories.user()
    enrolment = services.enrolment_create(user=trainee, cohort=cohort)
    assert enrolment.status == S.ENROLLED
    assert [(e.from_status, e.to_status, e.actor) for e in enrolment.events.all()] == [
        ("", S.ENROLLED, trainee)
    ]
    assert selectors.is_enrolled(user=trainee, course=course)
    assert list(selectors.enrolled_cohorts(user=trainee)) == [cohort]


def test_enrolling_twice_changes_nothing(course):
    cohort = factories.cohort(course=course)
    trainee = factories.user()
    first = services.enrolment_create(user=trainee, cohort=cohort)
    again = services.enrolment_create(user=trainee, cohort=cohort)
    assert again.pk == first.pk
    assert first.events.count() == 1


def test_full_cohort_waitlists_and_promotes_in_order(course):
    cohort = factories.cohort(course=course, capacity=1)
    holder, first, second = factories.user(), factories.user(), factories.user()
    placed = services.enrolment_create(user=holder, cohort=cohort)
    assert services.enrolment_create(user=first, cohort=cohort).status == S.WAITLISTED
    assert services.enrolment_create(user=second, cohort=cohort).status == S.WAITLISTED
    assert list(selectors.waitlist(cohort=cohort).values_list("user", flat=True)) == [first.pk, second.pk]
    assert not selectors.is_enrolled(user=first, course=course)

    services.enrolment_withdraw(enrolment=placed, actor=holder, reason="工作调动")

    statuses = dict(Enrolment.objects.filter(cohort=cohort).values_list("user", "status"))
    assert statuses == {holder.pk: S.WITHDRAWN, first.pk: S.ENROLLED, second.pk: S.WAITLISTED}
    promoted_event = Enrolment.objects.get(user=first).events.last()
    assert (promoted_event.from_status, promoted_event.to_status) == (S.WAITLISTED, S.ENROLLED)
    assert placed.events.last().reason == "工作调动"


def test_raising_capacity_then_promoting_fills_the_new_places(course):
    cohort = factories.cohort(course=course, capacity=1)
    users = [factories.user() for _ in range(3)]
    for trainee in users:
        services.enrolment_create(user=trainee, cohort=cohort)
    cohort.capacity = 2
    cohort.save()
    promoted = services.waitlist_promote(actor=SYSTEM, cohort=cohort)
    assert [e.user_id for e in promoted] == [users[1].pk]
    assert services.waitlist_promote(actor=SYSTEM, cohort=cohort) == []


def test_approval_flow(course):
    cohort = factories.cohort(course=course, capacity=1, enrolment_mode=EnrolmentMode.APPROVAL)
    registrar = factories.registrar()
    first, second, third = factories.user(), factories.user(), factories.user()
    pending = services.enrolment_create(user=first, cohort=cohort)
    assert pending.status == S.PENDING
    assert not selectors.is_enrolled(user=first, course=course)

    with pytest.raises(PermissionDenied):
        services.enrolment_approve(enrolment=pending, actor=second)
    assert services.enrolment_approve(enrolment=pending, actor=registrar).status == S.ENROLLED
    assert selectors.is_enrolled(user=first, course=course)

    # Approved when full: wait-listed, and the place goes to them when it frees up.
    late = services.enrolment_approve(
        enrolment=services.enrolment_create(user=second, cohort=cohort), actor=registrar
    )
    assert late.status == S.WAITLISTED

    rejected_pending = services.enrolment_create(user=third, cohort=cohort)
    with pytest.raises(services.EnrolmentError):
        services.enrolment_reject(enrolment=rejected_pending, actor=registrar, reason="  ")
    services.enrolment_reject(enrolment=rejected_pending, actor=registrar, reason="资格不符")
    rejected_pending.refresh_from_db()
    assert rejected_pending.status == S.REJECTED
    assert rejected_pending.events.last().reason == "资格不符"
    assert rejected_pending.events.last().actor == registrar
    with pytest.raises(services.EnrolmentError):
        services.enrolment_create(user=third, cohort=cohort)

    # Rejecting an enrolled trainee frees the place for the waiting list.
    services.enrolment_reject(enrolment=pending, actor=registrar, reason="未按要求提交材料")
    late.refresh_from_db()
    assert late.status == S.ENROLLED


def test_invitation_flow(course):
    cohort = factories.cohort(course=course, enrolment_mode=EnrolmentMode.INVITATION)
    registrar = factories.registrar()
    guest, stranger = factories.user(), factories.user()
    with pytest.raises(services.EnrolmentError) as refused:
        services.enrolment_create(user=stranger, cohort=cohort)
    assert refused.value.code == "not_invited"
    with pytest.raises(PermissionDenied):
        services.enrolment_invite(user=stranger, cohort=cohort, actor=guest)

    invited = services.enrolment_invite(user=guest, cohort=cohort, actor=registrar)
    assert invited.status == S.INVITED
    assert not selectors.is_enrolled(user=guest, course=course)
    accepted = services.enrolment_create(user=guest, cohort=cohort)
    assert accepted.status == S.ENROLLED
    assert [e.to_status for e in accepted.events.all()] == [S.INVITED, S.ENROLLED]
    assert not Enrolment.objects.filter(user=stranger).exists()


def test_enrolment_window_is_enforced(course):
    now = timezone.now()
    later = factories.cohort(course=course, enrolment_opens_at=now + datetime.timedelta(days=1))
    closed = factories.cohort(course=course, enrolment_closes_at=now - datetime.timedelta(minutes=1))
    today = timezone.localdate()
    ended = factories.cohort(
        course=course,
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today - datetime.timedelta(days=1),
    )
    trainee = factories.user()
    for cohort in (later, closed, ended):
        with pytest.raises(services.EnrolmentError) as refused:
            services.enrolment_create(user=trainee, cohort=cohort)
        assert refused.value.code == "window_closed"
    assert not Enrolment.objects.exists()
    # A registrar may still enrol someone outside the window (e.g. a late batch).
    registrar = factories.registrar()
    assert services.enrolment_create(user=trainee, cohort=closed, actor=registrar).status == S.ENROLLED


def test_a_trainee_cannot_enrol_someone_else(course):
    cohort = factories.cohort(course=course)
    with pytest.raises(PermissionDenied):
        services.enrolment_create(user=factories.user(), cohort=cohort, actor=factories.user())


def test_program_cohort_gives_access_to_every_course_of_its_level(db):
    home = cms_factories.home_page()
    catalogue = cms_factories.catalogue_page(home)
    program = cms_factories.program_page(home, level="primary")
    primary = cms_factories.course_page(catalogue, level="primary")
    intermediate = cms_factories.course_page(catalogue, level="intermediate")
    trainee = factories.user()
    services.enrolment_create(user=trainee, cohort=factories.cohort(program=program))
    assert selectors.is_enrolled(user=trainee, course=primary)
    assert not selectors.is_enrolled(user=trainee, course=intermediate)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_trainees_racing_for_the_last_place_one_is_waitlisted():
    course = factories.published_course()
    cohort = factories.cohort(course=course, capacity=1)
    racers = [factories.user(), factories.user()]
    statuses = run_concurrently(
        lambda i: services.enrolment_create(user=racers[i], cohort=cohort).status, len(racers), timeout=30
    )
    assert sorted(statuses) == [S.ENROLLED, S.WAITLISTED]
    assert Enrolment.objects.filter(cohort=cohort, status=S.ENROLLED).count() == 1
