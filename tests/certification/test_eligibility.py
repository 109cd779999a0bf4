from decimal import Decimal

import pytest
from django.utils import translation

from certification.eligibility import eligibility_for
from courses.models import HoursSource
from tests.factories import certification as factories

pytestmark = pytest.mark.django_db


def test_a_program_without_a_rule_is_not_eligible_and_says_so(trainee, program):
    result = eligibility_for(user=trainee, program=program)

    assert not result.eligible
    with translation.override("zh-hans"):
        assert result.explanation == "该项目尚未开放证书。"


def test_explanation_lists_every_criterion_in_chinese(trainee, courses, rule, program):
    for course in courses[:2]:
        factories.complete(user=trainee, course=course, with_hours=False)
    factories.hours(user=trainee, course=courses[0], amount=16)
    factories.hours(user=trainee, course=courses[1], amount=15)

    result = eligibility_for(user=trainee, program=program)

    assert not result.eligible
    assert [c.key for c in result.missing] == ["courses", "hours", "exams"]
    with translation.override("zh-hans"):
        assert result.explanation == "已完成 2/3 门课程，学时 31/48，结业考试尚未通过"
    with translation.override("en"):
        assert (
            result.explanation
            == "2 of 3 courses complete, 31 of 48 learning hours, final exam not yet passed"
        )


def test_meeting_every_criterion_makes_the_trainee_eligible(eligible, program):
    result = eligibility_for(user=eligible, program=program)

    assert result.eligible
    assert result.missing == []
    with translation.override("zh-hans"):
        assert result.explanation == "已完成 3/3 门课程，学时 48/48，结业考试已通过"


def test_minimum_hours_of_the_rule_overrides_the_programs(eligible, rule, program):
    rule.min_hours = Decimal("60")
    rule.save()

    result = eligibility_for(user=eligible, program=program)

    assert not result.eligible
    assert [c.key for c in result.missing] == ["hours"]


def test_an_exam_with_a_minimum_score_needs_that_score(trainee, courses, program):
    factories.rule(program=program, courses=courses[:1], exams=[(courses[0], Decimal("85"))], min_hours=0)
    factories.complete(user=trainee, course=courses[0])
    factories.exam_result(user=trainee, course=courses[0], percent=80)

    assert not eligibility_for(user=trainee, program=program).eligible

    factories.exam_result(user=trainee, course=courses[0], percent=90)

    assert eligibility_for(user=trainee, program=program).eligible


def test_an_unreleased_exam_result_does_not_count(trainee, courses, program):
    factories.rule(program=program, courses=courses[:1], exams=[(courses[0], None)], min_hours=0)
    factories.complete(user=trainee, course=courses[0])
    factories.exam_result(user=trainee, course=courses[0], percent=95, released=False)

    assert not eligibility_for(user=trainee, program=program).eligible


def test_offline_attendance_minimum(trainee, courses, program):
    factories.rule(program=program, courses=courses[:1], min_hours=0, min_offline_hours=Decimal("8"))
    factories.complete(user=trainee, course=courses[0])
    factories.hours(user=trainee, course=courses[0], amount=4, source=HoursSource.OFFLINE)

    result = eligibility_for(user=trainee, program=program)

    assert [c.key for c in result.missing] == ["offline"]
    with translation.override("zh-hans"):
        assert "线下学时 4/8" in result.explanation


def test_every_course_of_the_level_by_default(trainee, courses, program):
    factories.rule(program=program, min_hours=0)

    result = eligibility_for(user=trainee, program=program)

    assert result.criteria[0].required == len(courses)
