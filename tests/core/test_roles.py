"""Roles and the one permission table (core.roles): who may do what, granted after every migrate."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal

from core import roles
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def _codenames(group_name: str, app_label: str) -> set[str]:
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label=app_label)
        .values_list("codename", flat=True)
    )


def test_every_group_holds_its_row_after_migrate():
    # The test database was migrated: post_migrate ran roles_setup_after_migrate once.
    for group_name in roles.ROLE_PERMISSIONS:
        group = Group.objects.get(name=group_name)
        expected = set(roles.role_permissions(group_name=group_name).values_list("pk", flat=True))
        assert expected <= set(group.permissions.values_list("pk", flat=True)), group_name
    assert Group.objects.get(name=roles.PRACTICE_REVIEWERS_GROUP).permissions.count() == 0
    assert "publish_exampaper" in _codenames(roles.REGISTRARS_GROUP, "exams")
    assert "publish_exampaper" not in _codenames(roles.INSTRUCTORS_GROUP, "exams")
    assert "view_cohort" in _codenames(roles.INSTRUCTORS_GROUP, "courses")
    assert {"add_cohort", "change_cohort"} <= _codenames(roles.REGISTRARS_GROUP, "courses")
    assert "change_certificate" in _codenames(roles.REGISTRARS_GROUP, "certification")
    assert "access_admin" in _codenames(roles.REGISTRARS_GROUP, "wagtailadmin")


def test_setup_is_idempotent_and_keeps_instructors_exactly_to_their_practice_row():
    instructors = Group.objects.get(name=roles.INSTRUCTORS_GROUP)
    stray = Permission.objects.get(content_type__app_label="practice", codename="delete_practicalassignment")
    by_hand = Permission.objects.get(content_type__app_label="questions", codename="delete_question")
    instructors.permissions.add(stray, by_hand)
    roles.roles_setup()
    roles.roles_setup()
    assert _codenames(roles.INSTRUCTORS_GROUP, "practice") == {
        "add_practicalassignment",
        "change_practicalassignment",
        "view_practicalassignment",
    }
    # Outside EXACT_APPS what an administrator granted by hand stays.
    assert "delete_question" in _codenames(roles.INSTRUCTORS_GROUP, "questions")


def test_post_migrate_grants_the_table_again():
    Group.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as migrate and flush do
    registrars = Group.objects.get(name=roles.REGISTRARS_GROUP)
    assert registrars.permissions.filter(content_type__app_label="exams").exists()
    assert Group.objects.filter(name=roles.PRACTICE_REVIEWERS_GROUP).exists()


def test_who_is_a_registrar():
    registrar = course_factories.registrar()
    instructor = course_factories.instructor()
    assert roles.is_registrar(user=registrar) and roles.is_learning_staff(user=registrar)
    assert not roles.is_registrar(user=instructor) and roles.is_learning_staff(user=instructor)
    assert not roles.is_registrar(user=None)
    registrar.is_active = False
    assert not roles.is_registrar(user=registrar)


def test_the_permission_names_of_the_table_all_exist():
    # A misspelt codename would be skipped silently by the setup: every name must match a permission.
    for group_name, names in roles.ROLE_PERMISSIONS.items():
        for name in names:
            assert (
                roles.role_permissions(group_name=group_name)
                .filter(roles._permission_filter([name]))
                .exists()
            ), f"{group_name}: {name} matches no permission"
