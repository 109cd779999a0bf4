"""A real name is printed on certificates: one with a character no font can draw is refused when
entered (sign-up, profile, enrolment import), in the user's language, by the same check that
refuses issuing and rendering (``certification.fonts.missing_glyphs``)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from certification import fonts
from courses import imports, names
from courses.accounts.forms import SignupForm, TraineeProfileForm
from courses.accounts.services import trainee_profile_save
from courses.models import ImportOutcome
from tests.courses.test_import import HEADER, xlsx
from tests.factories import courses as factories

# U+2A6A5 (four dragons, CJK Extension B) is in no installed font; 𠮷 (U+20BB7) is in Noto Serif CJK.
UNPRINTABLE = "王𪚥"


def test_the_check_is_the_one_that_refuses_issuing():
    assert fonts.missing_glyphs in names._checks
    assert names.unprintable_characters(UNPRINTABLE) == ["𪚥"]
    for name in ("张三丰", "王喆", "李䶮", "赟", "𠮷野", "Anna 李"):
        assert names.unprintable_characters(name) == [], name


def test_sign_up_refuses_an_unprintable_name_in_chinese_and_in_english():
    with translation.override("zh-hans"):
        form = SignupForm(data={"real_name": UNPRINTABLE, "accept_privacy_notice": "on"})
        assert not form.is_valid()
        assert "无法打印在证书上" in form.errors["real_name"][0] and "U+2A6A5" in form.errors["real_name"][0]
    with translation.override("en"):
        form = SignupForm(data={"real_name": UNPRINTABLE, "accept_privacy_notice": "on"})
        assert not form.is_valid()
        assert "cannot be printed on a certificate" in form.errors["real_name"][0]
    assert SignupForm(data={"real_name": "𠮷野", "accept_privacy_notice": "on"}).is_valid()


def test_the_profile_form_and_service_refuse_it(db):
    form = TraineeProfileForm(
        data={
            "real_name": UNPRINTABLE,
            "phone": "13800000001",
            "identity_document_type": "resident_id",
            "identity_number": "",
        },
        has_number=True,
    )
    assert not form.is_valid() and "real_name" in form.errors
    user = factories.user(username="wangzhe")
    with pytest.raises(ValidationError) as error:
        trainee_profile_save(user=user, real_name=UNPRINTABLE)
    assert "real_name" in error.value.message_dict
    assert trainee_profile_save(user=user, real_name="王喆").real_name == "王喆"


def test_an_enrolment_import_with_an_unprintable_name_imports_nothing(db):
    cohort = factories.cohort(course=factories.published_course(), capacity=5)
    upload = xlsx([HEADER, ["zhangsan@example.com", "张三", "", ""], ["wz@example.com", UNPRINTABLE, "", ""]])
    with translation.override("zh-hans"):
        batch = imports.enrolment_import(cohort=cohort, upload=upload, actor=factories.registrar())
    assert batch.outcome == ImportOutcome.REFUSED
    bad = [row for row in batch.report if row["messages"]]
    assert [row["row"] for row in bad] == [3]
    assert "无法打印在证书上" in bad[0]["messages"][0]
