"""Roles of the practical assessment: the external reviewers' group holds no permission, an external
reviewer reaches only what is assigned to them, registrars run extensions and release from their page."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import PRACTICE_REVIEWERS_GROUP, roles_setup
from courses.practice import services
from courses.practice.models import Extension, PracticeEvent, Submission
from tests.factories import practice as f

pytestmark = pytest.mark.django_db


def test_the_practice_reviewers_group_has_no_permission(world):
    roles_setup()
    assert Group.objects.get(name=PRACTICE_REVIEWERS_GROUP).permissions.count() == 0
    external = world.reviewers[2]
    assert not external.has_perm("wagtailadmin.access_admin")
    assert not any(external.has_perm(f"practice.{action}_submission") for action in ("view", "change"))


def test_an_external_reviewer_reaches_only_their_review(world, client):
    cohort_trainee = world.other_trainee
    for trainee in (world.trainee, cohort_trainee):
        services.version_submit(
            assignment=world.assignment,
            trainee=trainee,
            report=f.upload(f.pdf_bytes()),
            declaration_signed=True,
        )
    after_due = world.assignment.due_at + datetime.timedelta(minutes=1)
    services.assignment_assign_reviewers(assignment=world.assignment, actor=world.registrar, now=after_due)
    external = world.reviewers[2]
    client.force_login(external)
    mine = list(external.practice_reviews.all())
    others = [
        row
        for submission in Submission.objects.all()
        for row in submission.review_assignments.exclude(reviewer=external)
    ]
    assert others
    for row in mine:
        assert client.get(reverse("practice:review", args=[row.pk])).status_code == 200
    for row in others:
        assert client.get(reverse("practice:review", args=[row.pk])).status_code == 404
        assert client.get(reverse("practice:review_download", args=[row.pk])).status_code == 404
    assert client.get(reverse("practice:staff_assignment", args=[world.assignment.pk])).status_code == 404
    admin = client.get("/admin/")  # no admin for an external reviewer: sent to sign in
    assert admin.status_code == 302 and "login" in admin["Location"]


def test_a_registrar_grants_an_extension_from_the_assignment_page(world, client):
    client.force_login(world.registrar)
    url = reverse("practice:staff_extension", args=[world.assignment.pk])
    due = world.assignment.due_at + datetime.timedelta(days=3)
    refused = client.post(
        url, {"username": world.trainee.username, "due_at": due.strftime("%Y-%m-%dT%H:%M"), "reason": ""}
    )
    assert refused.status_code == 302 and not Extension.objects.exists()
    client.post(
        url, {"username": world.trainee.username, "due_at": due.strftime("%Y-%m-%dT%H:%M"), "reason": "出差"}
    )
    extension = Extension.objects.get()
    assert extension.trainee == world.trainee and extension.granted_by == world.registrar
    assert PracticeEvent.objects.filter(action="extension_granted", actor=world.registrar).exists()
    page = client.get(reverse("practice:staff_assignment", args=[world.assignment.pk]))
    assert "出差" in page.content.decode()
    # A trainee posting the same form gets a 404 and changes nothing.
    client.force_login(world.trainee)
    assert (
        client.post(
            url, {"username": world.trainee.username, "due_at": "2099-01-01T00:00", "reason": "x"}
        ).status_code
        == 404
    )
    assert Extension.objects.get().reason == "出差"
