"""The demo's practical assessment: on first run the Advanced program has an assignment with its brief,
due date and rubrics, submissions at three stages with reviewers assigned (none in conflict), a
review waiting for the demo instructor, a reconciliation for the chair, a defence session with a
booked slot, and the demo trainee's extension; loading again changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from cms.demo.loader import load_demo
from courses.practice import selectors
from courses.practice.demo import TITLE, load_demo_practice
from courses.practice.models import (
    DefenceSession,
    PracticalAssignment,
    ReviewAssignment,
    ReviewAssignmentState,
    Submission,
    SubmissionState,
)


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo()
            yield load_demo_practice()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_once, db):
    return demo_once


def test_the_demo_assignment_shows_every_stage_of_the_workflow(demo):
    assignment = PracticalAssignment.objects.get(title=TITLE)
    assert demo.created and demo.assignment == assignment
    assert assignment.course.code == "A-08" and assignment.status == "published"
    assert "案例报告" in assignment.brief and assignment.brief_en
    assert assignment.criteria.count() == 3 and assignment.defence_criteria.count() == 2
    assert demo.stages == {
        "demo-wuhao": SubmissionState.IN_REVIEW,
        "demo-zhengxue": SubmissionState.RECONCILIATION,
        "demo-linfeng": SubmissionState.RECONCILED,
    }
    instructor = assignment.panel.chair
    assert instructor.username == "instructor"
    # Each report with two reviewers, none in conflict with its author.
    for submission in Submission.objects.filter(assignment=assignment):
        reviewers = list(
            ReviewAssignment.objects.filter(submission=submission).values_list("reviewer_id", flat=True)
        )
        assert len(reviewers) == 2
        assert not selectors.conflicted_reviewer_ids(trainee=submission.trainee, reviewer_ids=reviewers)
        assert submission.versions.get().word_count > 0
    waiting = ReviewAssignment.objects.filter(state=ReviewAssignmentState.ASSIGNED)
    assert [(w.reviewer.username, w.submission.trainee.username) for w in waiting] == [
        ("instructor", "demo-wuhao")
    ]
    session = DefenceSession.objects.get(assignment=assignment)
    assert session.offline_session is not None and session.room
    assert [s.trainee.username for s in session.slots.filter(trainee__isnull=False)] == ["demo-linfeng"]
    extension = assignment.extensions.get()
    assert extension.trainee.username == "trainee" and extension.due_at > assignment.due_at


def test_the_demo_accounts_find_their_part_of_it(demo, client):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    assignment = PracticalAssignment.objects.get(title=TITLE)
    client.force_login(User.objects.get(username="instructor"))
    queue = client.get(reverse("practice:review_queue")).content.decode()
    for submission in Submission.objects.filter(assignment=assignment).select_related("trainee"):
        assert submission.trainee.first_name not in queue  # blind: codes only
    reconciling = Submission.objects.get(assignment=assignment, state=SubmissionState.RECONCILIATION)
    assert reverse("practice:reconcile", args=[reconciling.pk]) in queue
    assert reverse("defence:panel_sessions") in queue

    client.force_login(User.objects.get(username="trainee"))
    page = client.get(reverse("practice:assignment", args=[assignment.pk]))
    assert page.status_code == 200 and page.context["accepting"] and page.context["extended"]

    client.force_login(User.objects.get(username="registrar"))
    staff = client.get(reverse("practice:staff_assignment", args=[assignment.pk])).content.decode()
    assert "林峰" in staff and "郑雪" in staff


def test_loading_again_changes_nothing(demo):
    counts = (Submission.objects.count(), ReviewAssignment.objects.count(), DefenceSession.objects.count())
    again = load_demo_practice()
    assert not again.created and again.assignment == demo.assignment
    out = io.StringIO()
    call_command("load_demo_practice", stdout=out)
    assert TITLE in out.getvalue()
    assert (
        Submission.objects.count(),
        ReviewAssignment.objects.count(),
        DefenceSession.objects.count(),
    ) == counts
