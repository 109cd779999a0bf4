"""The automatic issuing sweep: one trainee who cannot be issued (an unprintable name, an error) is
recorded for the registrars, and every later trainee is still issued."""

import pytest
from django.urls import reverse
from django.utils import translation

from certification import services
from certification.models import AutoIssueRefusal, Certificate
from core.guards import SYSTEM
from courses.accounts.models import TraineeProfile
from tests.factories import certification as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def auto_rule(rule):
    rule.auto_issue = True
    rule.save()
    return rule


def _eligible(courses, *, real_name: str, username: str):
    trainee = factories.trainee(real_name=real_name, username=username)
    for course in courses:
        factories.complete(user=trainee, course=course)
    factories.exam_result(user=trainee, course=courses[-1], percent=80)
    return trainee


def test_an_unprintable_name_is_recorded_and_later_trainees_are_still_issued(
    courses, auto_rule, program, no_rendering, registrar, client
):
    unprintable = _eligible(courses, real_name="王𪚥", username="wang")
    later = _eligible(courses, real_name="李四", username="lisi")

    assert services.certificate_auto_issue_sweep(actor=SYSTEM) == 1

    assert list(Certificate.objects.values_list("user", flat=True)) == [later.pk]
    refusal = AutoIssueRefusal.objects.get(user=unprintable)
    assert refusal.program == program and refusal.characters == ["𪚥"]
    with translation.override("en"):
        assert "U+2A6A5" in refusal.explanation() and "no installed font" in refusal.explanation()

    # Where registrars look: the certificates page, in their language.
    client.force_login(registrar)
    page = client.get(reverse("certificate_manage_list"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "未能自动发证" in page and "U+2A6A5" in page and "wang" in page

    # A second sweep counts the refusal once more; a corrected name is issued and the refusal goes.
    services.certificate_auto_issue_sweep(actor=SYSTEM)
    assert AutoIssueRefusal.objects.get(user=unprintable).times == 2
    TraineeProfile.objects.filter(user=unprintable).update(real_name="王喆")
    assert services.certificate_auto_issue_sweep(actor=SYSTEM) == 1
    assert not AutoIssueRefusal.objects.exists()
    assert Certificate.objects.filter(user=unprintable).exists()


def test_an_unexpected_error_for_one_trainee_is_recorded_and_logged(
    courses, auto_rule, program, no_rendering, monkeypatch, caplog
):
    broken = _eligible(courses, real_name="张三", username="zhang")
    later = _eligible(courses, real_name="李四", username="lisi")
    real_issue = services.issuing.certificate_issue

    def issue(*, user, **kwargs):
        if user.pk == broken.pk:
            raise RuntimeError("signing key unreadable")
        return real_issue(user=user, **kwargs)

    monkeypatch.setattr(services.issuing, "certificate_issue", issue)
    assert services.certificate_auto_issue_sweep(actor=SYSTEM) == 1
    assert Certificate.objects.filter(user=later).exists()
    refusal = AutoIssueRefusal.objects.get(user=broken)
    assert "RuntimeError: signing key unreadable" in refusal.error
    with translation.override("zh-hans"):
        assert "意外错误" in refusal.explanation()
    assert f"automatic issuing failed for user {broken.pk}" in caplog.text
