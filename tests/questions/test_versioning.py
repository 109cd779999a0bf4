"""Editing a question adds a version; versions, and attempts pointing at them, never change."""

import pytest
from django.core.exceptions import ValidationError

from core.guards import SYSTEM
from courses.questions import services
from courses.questions.grading import grade
from courses.questions.models import QuestionType, QuestionVersion
from courses.questions.schema import DataError
from tests.factories.questions import question

pytestmark = pytest.mark.django_db


def test_editing_creates_a_new_version_and_keeps_the_old_one():
    q = question(qtype=QuestionType.SINGLE_CHOICE, name="法律", text="旧题干")
    first = q.current_version
    used_by_an_attempt = QuestionVersion.objects.get(pk=first.pk)

    new_data = {"options": [{"text": "甲", "fraction": 0}, {"text": "乙", "fraction": 1}]}
    second = services.question_revise(user=SYSTEM, question=q, name="法律", text="新题干", data=new_data)

    q.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert q.current_version == second
    assert q.versions.count() == 2
    old = QuestionVersion.objects.get(pk=used_by_an_attempt.pk)
    assert old.text == "旧题干"
    # The attempt keeps its grading: option 0 was right then, and still is for that version.
    assert grade(old, 0) == 1
    assert grade(second, 0) == 0


def test_saving_without_changes_adds_no_version():
    q = question()
    v = q.current_version
    again = services.question_revise(
        user=SYSTEM, question=q, name=v.name, text=v.text, data=v.data, default_points=v.default_points
    )
    assert again == v
    assert q.versions.count() == 1


def test_a_version_row_cannot_be_updated():
    version = question().current_version
    version.text = "篡改"
    with pytest.raises(ValidationError):
        version.save()
    assert QuestionVersion.objects.get(pk=version.pk).text != "篡改"


def test_invalid_edit_changes_nothing():
    q = question()
    with pytest.raises(DataError):
        services.question_revise(user=SYSTEM, question=q, name="x", text="y", data={"options": []})
    assert q.versions.count() == 1


def test_an_import_creates_first_versions_tags_and_sub_banks(tmp_path):
    from courses.questions.models import ImportStatus, Question
    from tests.factories.questions import question_bank

    bank = question_bank(name="导入", module="policy")
    gift = "$CATEGORY: $course$/top/甲/乙\n\n::一::对吗？{T}\n\n::二::选哪个？{=对 ~错}\n".encode()
    job = services.import_check(user=SYSTEM, bank=bank, filename="a.gift", content=gift)
    assert job.status == ImportStatus.PREVIEWED
    services.import_confirm(user=SYSTEM, job=job)
    imported = Question.objects.filter(bank__name="乙").select_related("current_version", "bank__parent")
    assert [(q.current_version.name, q.current_version.number, q.module) for q in imported] == [
        ("一", 1, "policy"),
        ("二", 1, "policy"),
    ]
    assert imported[0].bank.parent.name == "甲" and imported[0].bank.parent.parent == bank
    # An imported question is edited like any other: a second version.
    q = imported[1]
    services.question_revise(
        user=SYSTEM, question=q, name="二", text="改过的题干", data=q.current_version.data
    )
    assert q.versions.count() == 2


def test_importing_the_excel_template_keeps_tags_points_and_types():
    from io import BytesIO

    from courses.questions.importers.excel import template_workbook
    from courses.questions.models import Question
    from tests.factories.questions import question_bank

    buffer = BytesIO()
    template_workbook().save(buffer)
    bank = question_bank(name="模板")
    services.import_confirm(
        user=SYSTEM,
        job=services.import_check(user=SYSTEM, bank=bank, filename="t.xlsx", content=buffer.getvalue()),
    )
    assert Question.objects.count() == len(QuestionType.values)
    first = Question.objects.get(current_version__name="转化法施行年份")
    assert sorted(first.tags.names()) == ["法规", "转化法"]
    assert (first.current_version.default_points, first.difficulty, first.bank.path) == (
        2,
        "easy",
        "模板 / 政策法规 / 促进科技成果转化法",
    )
