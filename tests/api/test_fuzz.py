"""A property-based fuzz run (schemathesis) against the schema the site serves.

Every operation of /api/v1/schema/ is called through the WSGI application with data generated from
the schema, valid (positive) and invalid (negative), with a staff token and real rows in the
database. Each response must not be a server error, must have a documented status and content
type, and must match its documented schema. Derandomized (the same examples every run) and bounded
by ``EXAMPLES`` per operation and mode. The summary is printed (pytest shows it with ``-rP``).
"""

import contextlib
import time
from collections import Counter, defaultdict

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from certification.models import CertificateStatus
from cms.choices import Level
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

from .conftest import bearer, make_token, trainee_with_record

EXAMPLES = 25  # per operation and generation mode
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


class TransactionWSGIApp:
    """Django's WSGI handler as the test client runs it: the connection is not closed at the end of
    each request, so every request sees the test's (uncommitted) rows."""

    def __init__(self):
        self.handler = WSGIHandler()

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = self.handler(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [body]


@pytest.fixture
def api_data(course, cohort, registrar, settings):
    """A staff member who is also a trainee (so /me/ has content), another trainee, a program
    cohort and certificates (one revoked): what the fuzzer's requests meet."""
    settings.TTA_API_TOKEN_RATE_LIMIT = 1_000_000  # the run is the only client; limits have their own tests
    settings.TTA_VERIFY_RATE_LIMIT = 1_000_000
    staff = trainee_with_record(cohort=cohort, course=course, real_name="王五", username="wangwu")
    staff.groups.add(factories.instructor().groups.get())
    trainee_with_record(
        cohort=cohort, course=course, real_name="张三丰", identity_number="11010519491231002X"
    )
    home = course.get_parent().get_parent()
    program = cms_factories.program_page(home, level=Level.INTERMEDIATE, slug="mid")
    factories.cohort(program=program, code="2026-MID", title="中级班")
    cert_factories.rule(program=program, courses=[])
    certificate = cert_factories.certificate(user=staff, program=program)
    revoked = cert_factories.certificate(user=factories.user(), program=program)
    revoked.status = CertificateStatus.REVOKED
    revoked.save()
    return {
        "token": make_token(owner=staff, registrar=registrar),
        "cohort": cohort,
        "serial": certificate.serial,
    }


def _fuzz(operation, strategy, *, headers, tally, failures) -> None:
    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],  # failures are collected, not shrunk
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        response = case.call(headers=headers)
        tally[operation.label][response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, FailureGroup) as failure:
            failures.append((operation.label, response.status_code, str(failure).strip()))

    # Nothing invalid to send (an operation without parameters has no negative examples): skip.
    with contextlib.suppress(Unsatisfiable):
        run()


def test_fuzz_the_served_schema_finds_no_server_error(db, api_data, figure):
    app = TransactionWSGIApp()
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", app)
    headers = {**{"Authorization": bearer(api_data["token"])["HTTP_AUTHORIZATION"]}, "Accept-Language": "en"}
    # Besides random ids (mostly 404s), requests about rows that exist.
    known = {"id": api_data["cohort"].pk, "serial": api_data["serial"]}
    tally, failures, started = defaultdict(Counter), [], time.monotonic()
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(
                operation,
                operation.as_strategy(generation_mode=mode),
                headers=headers,
                tally=tally,
                failures=failures,
            )
        names = {parameter.name for parameter in operation.path_parameters}
        if names:
            strategy = operation.as_strategy(path_parameters={n: known[n] for n in names})
            _fuzz(operation, strategy, headers=headers, tally=tally, failures=failures)

    elapsed = time.monotonic() - started
    lines = [f"schemathesis {schemathesis.__version__}: fuzz run against /api/v1/schema/ (WSGI)"]
    for operation in operations:
        statuses = tally[operation.label]
        mine = sum(1 for label, *_ in failures if label == operation.label)
        by_status = " ".join(f"{status}×{n}" for status, n in sorted(statuses.items()))
        lines.append(
            f"  {operation.label:<40} {statuses.total():>4} examples {mine:>3} failures   ({by_status})"
        )
    examples = sum(statuses.total() for statuses in tally.values())
    lines.append(
        f"{len(operations)} operations, {examples} examples, {len(failures)} failures, "
        f"checks: {', '.join(check.__name__ for check in CHECKS)}; {elapsed:.1f} s"
    )
    for label, status, message in failures[:20]:
        lines.append(f"FAILURE {label} → {status}: {message[:1500]}")
    figure("\n".join(lines))

    assert len(operations) >= 10
    assert not failures, "\n".join(lines)
