from contextlib import contextmanager

import pytest

from core import dispatch
from core.guards import SYSTEM
from courses.models import EnrolmentMode, EnrolmentStatus
from courses.notifications import services
from courses.notifications.models import NotificationPreference
from tests.factories import courses as course_factories

from .backends import FlakyEmailBackend


def _send_email(dispatched) -> None:
    """Send a queued notification email at once, as the worker would (no broker)."""
    if dispatched.task == services.EMAIL_TASK:
        services.notification_email_send(actor=SYSTEM, notification_id=dispatched.args[0])


@pytest.fixture
def delivered(django_capture_on_commit_callbacks):
    """Run an action and send the emails it queues, as the worker would, without a broker.

    ``with delivered(): action()``: at the end of the block each notification email the action
    queued (``core.dispatch``) is sent by the service the task calls. Nothing else queued runs, and
    no other on-commit hook: the test's transaction is rolled back, never committed (a serial
    sequence must not be remembered as committed). The real worker path has its own integration tests.
    """

    @contextmanager
    def deliver():
        with dispatch.capture() as captured, django_capture_on_commit_callbacks():
            yield
        for queued in captured.of(services.EMAIL_TASK):
            _send_email(queued)

    return deliver


@pytest.fixture
def send_now():
    """Each notification email is sent when its transaction commits, as the worker would."""
    with dispatch.capture(handler=_send_email):
        yield


@pytest.fixture
def flaky_mail(settings):
    """The mail server is down for the number of sends the test sets in ``flaky_mail.failures``."""
    settings.EMAIL_BACKEND = "tests.notifications.backends.FlakyEmailBackend"
    FlakyEmailBackend.failures = 0
    FlakyEmailBackend.attempts = 0
    yield FlakyEmailBackend
    FlakyEmailBackend.failures = 0


@pytest.fixture(params=["zh-hans", "en"])
def language(request):
    return request.param


def trainee_speaking(language: str, **fields):
    """A trainee whose notification emails are in ``language``."""
    user = course_factories.user(**fields)
    NotificationPreference.objects.create(user=user, language=language)
    return user


@pytest.fixture
def application(db):
    """A pending application to a cohort that needs approval, by a trainee who reads English."""
    cohort = course_factories.cohort(
        course=course_factories.published_course(), enrolment_mode=EnrolmentMode.APPROVAL
    )
    return course_factories.enrolment(
        cohort=cohort, user=trainee_speaking("en"), status=EnrolmentStatus.PENDING
    )
