import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from certification import services
from certification.models import Certificate, CertificateEvent, CertificateStatus
from core.guards import SYSTEM
from tests.concurrency import run_concurrently
from tests.factories import certification as factories


@pytest.fixture
def render_queue(no_rendering):
    """The certificates whose rendering was queued (the PDF itself is the rendering tests' subject)."""
    return lambda: no_rendering.args("certification.tasks.certificate_render_task")


@pytest.mark.django_db
def test_issuing_to_an_eligible_trainee_creates_a_frozen_certificate(
    eligible, program, registrar, render_queue
):
    result = services.certificate_issue(user=eligible, program=program, actor=registrar)

    certificate = result.certificate
    assert result.created
    assert certificate.status == CertificateStatus.ISSUED
    assert certificate.snapshot["holder_name"] == "张三丰"
    assert certificate.snapshot["program_title_zh"] == "初级技术经理人培训项目"
    assert certificate.snapshot["hours"] == "48"
    assert certificate.snapshot["serial"] == certificate.serial
    assert certificate.expires_at.year == certificate.issued_at.year + 3
    assert certificate.credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert render_queue() == [certificate.pk]
    event = CertificateEvent.objects.get(certificate=certificate)
    assert (event.action, event.to_status, event.actor) == ("issued", "issued", registrar)


@pytest.mark.django_db
def test_issuing_again_returns_the_live_certificate(eligible, program, render_queue):
    first = services.certificate_issue(actor=SYSTEM, user=eligible, program=program)
    second = services.certificate_issue(actor=SYSTEM, user=eligible, program=program)

    assert first.created and not second.created
    assert second.certificate.pk == first.certificate.pk
    assert Certificate.objects.count() == 1
    assert render_queue() == [first.certificate.pk]


@pytest.mark.django_db
def test_a_trainee_who_is_not_eligible_gets_the_explanation_and_nothing_changes(trainee, program, rule):
    with translation.override("zh-hans"), pytest.raises(services.NotEligible) as refusal:
        services.certificate_issue(actor=SYSTEM, user=trainee, program=program)

    assert "已完成 0/3 门课程" in str(refusal.value)
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_a_registrar_may_issue_without_the_rule_being_met(trainee, program, rule, registrar, render_queue):
    result = services.certificate_issue(
        user=trainee, program=program, actor=registrar, check_eligibility=False, reason="Transferred credits"
    )

    assert result.created
    assert result.certificate.events.get().reason == "Transferred credits"


@pytest.mark.django_db
def test_the_database_refuses_a_second_live_certificate(eligible, program, render_queue):
    certificate = services.certificate_issue(actor=SYSTEM, user=eligible, program=program).certificate
    duplicate = Certificate(
        serial="DUP-1",
        verification_code="dup-code",
        user=eligible,
        program=program,
        issued_at=certificate.issued_at,
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.django_db
def test_cohort_issuing_reports_who_was_issued_and_who_is_not_eligible(
    eligible, trainee, program, registrar, render_queue
):
    from tests.factories import courses as course_factories

    cohort = course_factories.cohort(program=program)
    course_factories.enrolment(cohort=cohort, user=eligible)
    behind = factories.trainee(real_name="李四")
    course_factories.enrolment(cohort=cohort, user=behind)

    report = services.certificate_issue_for_cohort(cohort=cohort, actor=registrar)
    again = services.certificate_issue_for_cohort(cohort=cohort, actor=registrar)

    assert [c.user for c in report.issued] == [eligible]
    assert [user for user, _ in report.not_eligible] == [behind]
    assert report.issued[0].cohort == cohort
    assert again.issued == [] and [c.pk for c in again.already] == [report.issued[0].pk]


@pytest.mark.django_db
def test_auto_issue_only_for_rules_that_say_so_and_never_after_a_revocation(
    eligible, program, rule, registrar, render_queue
):
    assert services.certificate_auto_issue_for_user(actor=SYSTEM, user=eligible) == []

    rule.auto_issue = True
    rule.save()
    issued = services.certificate_auto_issue_for_user(actor=SYSTEM, user=eligible)
    assert [c.program for c in issued] == [program]

    services.certificate_revoke(certificate=issued[0], actor=registrar, reason="Exam misconduct")
    assert services.certificate_auto_issue_sweep(actor=SYSTEM) == 0
    assert Certificate.objects.filter(user=eligible).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_issuing_creates_exactly_one_certificate(eligible, program, render_queue):
    """Eight threads (eight PostgreSQL connections) issue the same certificate at the same moment."""
    threads_count = 8
    results = run_concurrently(
        lambda _: services.certificate_issue(actor=SYSTEM, user=eligible, program=program), threads_count
    )
    assert len(results) == threads_count
    assert sum(result.created for result in results) == 1
    assert len({result.certificate.pk for result in results}) == 1
    assert Certificate.objects.filter(user=eligible).count() == 1
    assert CertificateEvent.objects.filter(action="issued").count() == 1
    assert len(render_queue()) == 1


@pytest.mark.django_db
def test_a_name_no_font_can_print_is_refused_before_a_serial_is_spent(
    eligible, program, registrar, render_queue
):
    from django.utils import timezone

    from certification import serials

    # The number drawn just before: a refused issue must not draw the one after it.
    before = serials.next_number(pattern=rule_pattern(program), year=timezone.localtime().year)
    profile = eligible.trainee_profile
    profile.real_name = "王𪚥"
    profile.save()
    with translation.override("zh-hans"), pytest.raises(services.UnprintableName) as refusal:
        services.certificate_issue(user=eligible, program=program, actor=registrar)

    assert "𪚥" in str(refusal.value) and "U+2A6A5" in str(refusal.value) and "无法打印" in str(refusal.value)
    assert not Certificate.objects.exists() and render_queue() == []
    # The sequence was not touched: the next certificate still gets the first number.
    profile.real_name = "王喆堃"
    profile.save()
    issued = services.certificate_issue(user=eligible, program=program, actor=registrar).certificate
    assert issued.serial.endswith(f"-{before + 1:06d}") and issued.snapshot["holder_name"] == "王喆堃"


@pytest.mark.django_db
def test_the_registrar_sees_the_unprintable_name_as_a_form_error(eligible, program, registrar, client):
    from django.urls import reverse

    from courses.accounts.models import TraineeProfile

    TraineeProfile.objects.filter(user=eligible).update(real_name="李𠀀")
    client.force_login(registrar)
    response = client.post(
        reverse("certificate_manage_issue"), {"username": eligible.username, "program": program.pk}
    )
    assert response.status_code == 200
    assert "U+20000" in response.content.decode() and not Certificate.objects.exists()


def rule_pattern(program) -> str:
    from certification.eligibility import rule_for

    return rule_for(program=program).serial_pattern
