"""The authorisation matrix: every route of the site × six actors, against the policy table.

Walks ``get_resolver()`` (the site's pages, the API, the admin views our apps add and the snippet
views of our models) and, for each route and actor, requests it with the URL's parameters taken from
one small world (tests/security/world.py) and compares the outcome with ``policy.POLICY``:

- allow: 2xx, a 3xx that is not to a sign-in or second-factor page, or a 400 (the permission check
  passed and the empty form was refused); a 405 to GET is retried as POST (CSRF is not enforced by
  the test client) and that answer counts;
- deny: 401, 403, 404, a redirect to a sign-in or second-factor page, or Wagtail's refusal (a
  redirect to the admin's dashboard, /admin/, with a "no permission" message). A denied request changes
  nothing: the rows counted by ``_footprint`` are the same after it.

Registrars sign in through ``client.force_login``, which tests/conftest.py makes pass TOTP the way
allauth records it (tests/mfa.py), as the staff pages require.

A route missing from the table fails ``test_every_route_has_a_policy`` (and its own matrix cases)
with a message saying where to add it. Routes of Wagtail, allauth, Django's admin and the API
documentation generator are excluded by the module of their view (``EXCLUDED_VIEW_MODULES``), except
Wagtail's snippet views of our own models and the few third-party views our URLconf mounts itself
(``THIRD_PARTY_ROUTES_WE_MOUNT``).
"""

import fnmatch
import re

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security import policy
from tests.security.world import ACTORS, build_world

# Wagtail's own admin and front end, allauth, Django's admin and the schema generator: their
# permission checks are their projects' (and their tests'). Excluded by the module of the view.
EXCLUDED_VIEW_MODULES = ("wagtail.", "allauth.", "django.", "taggit.", "drf_spectacular.", "rest_framework.")
# ...but these views, though third-party, are mounted (or re-mounted) by config/urls.py for us.
THIRD_PARTY_ROUTES_WE_MOUNT = {
    r"^documents/(\d+)/(.*)$",  # lesson documents through the lesson-access hook (issue 11, 11)
    "admin/password_reset/",  # Wagtail's reset replaced by the site's throttled one (issue 11, 10)
    "api/v1/schema/",
    "api/v1/docs/",
    "api/v1/redoc/",
}
# Our apps' labels: Wagtail's snippet (and chooser) views of their models are ours to check.
OUR_APPS = (
    "certification",
    "courses",
    "exams",
    "practice",
    "questions",
    "cms",
    "accounts",
    "notifications",
    "api",
)
SNIPPET_ROUTE = re.compile(r"^admin/snippets/(?:choose/)?(?P<app>\w+)/(?P<model>\w+)/")

# Wagtail answers a refused admin view with a redirect to its dashboard (and a message).
ADMIN_HOME = "/admin/"
SIGN_IN_PAGES = (
    "/accounts/login/",
    "/en/accounts/login/",
    "/accounts/2fa/",
    "/en/accounts/2fa/",
    "/admin/login/",
)


def _walk(resolver, prefix="", namespaces=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            names = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from _walk(entry, prefix + str(entry.pattern), names)
        elif isinstance(entry, URLPattern):
            view = getattr(entry.callback, "view_class", entry.callback)
            module = getattr(view, "__module__", "")
            name = ":".join((*namespaces, entry.name)) if entry.name else None
            yield prefix + str(entry.pattern), name, module


def checked_routes() -> dict[str, str]:
    """{route key: pattern} of every route the matrix checks; the key is the route's name, or its
    pattern when it has none."""
    routes, seen = {}, set()
    for pattern, name, module in _walk(get_resolver()):
        if pattern in seen:
            continue  # shadowed by an earlier route with the same pattern: never reached
        seen.add(pattern)
        snippet = SNIPPET_ROUTE.match(pattern)
        if snippet:
            if snippet["app"] not in OUR_APPS:
                continue
        elif module.startswith(EXCLUDED_VIEW_MODULES) and pattern not in THIRD_PARTY_ROUTES_WE_MOUNT:
            continue
        routes.setdefault(name or pattern, pattern)
    return routes


ROUTES = checked_routes()


def test_every_route_has_a_policy():
    missing = sorted(key for key in ROUTES if policy.rule_for(key) is None)
    assert not missing, (
        "These routes have no row in tests/security/policy.py. Add one per route (or a pattern), saying "
        "for each actor whether it is allowed or denied, and why:\n  " + "\n  ".join(missing)
    )


def test_the_policy_names_no_route_that_is_gone():
    stale = sorted(key for key in policy.POLICY if "*" not in key and key not in ROUTES)
    assert not stale, f"Rows of tests/security/policy.py name routes that no longer exist: {stale}"


# --- the world, once per module ------------------------------------------------------------------


@pytest.fixture(scope="module")
def world_storage(tmp_path_factory):
    root = tmp_path_factory.mktemp("security-world")
    storages = {
        alias: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root / alias), "base_url": None},
        }
        for alias in ("imports", "documents", "certificates", "records")
    }
    return root, storages


def _apply_storage(settings_like, root, storages):
    settings_like.MEDIA_ROOT = root / "media"
    settings_like.STORAGES = {**settings_like.STORAGES, **storages}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, world_storage):
    """Built once in a transaction that every test of the module nests in, rolled back at the end."""
    root, storages = world_storage
    from django.conf import settings as django_settings

    overridden = override_settings(
        MEDIA_ROOT=root / "media", STORAGES={**django_settings.STORAGES, **storages}
    )
    with overridden, django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _world_files(settings, world_storage):
    """The per-test storage folders of tests/conftest.py, pointed back at the world's files."""
    root, storages = world_storage
    _apply_storage(settings, root, storages)


# --- parameters ----------------------------------------------------------------------------------

# What ``pk`` names, by route (fnmatch on the route key, first match wins).
PK_OBJECTS = [
    ("courses:cohort_enrol", "cohort"),
    ("courses:enrolment_withdraw", "enrolment"),
    ("courses:invitation_accept", "invitation"),
    ("courses:staff_import_report*", "import_batch"),
    ("courses:staff_*", "cohort"),
    ("certification:*", "certificate"),
    ("certificate_batch*", "batch"),
    ("certificate_manage_detail", "certificate"),
    ("cohort_report*", "cohort"),
    ("certificate_registry_change*", "change"),
    ("api_token_*", "token"),
    ("notifications:read", "notification"),
    ("questions_admin:import_preview", "import_job"),
    ("api:cohort*", "cohort"),
    ("*_certification_certificatetemplate:*", "template"),
    ("*_certification_certificaterule:*", "certificate_rule"),
    ("*_questions_questionbank:*", "bank"),
    ("*_questions_question:*", "question"),
    ("*_exams_exampaper:*", "paper"),
    ("*_exams_coursegrader:*", "grader_link"),
    ("*_exams_sitting:*", "sitting"),
    ("*_courses_cohort:*", "cohort"),
    ("*_courses_offlinesession:*", "session"),
    ("*_courses_courserule:*", "course_rule"),
    ("*_courses_progressanomaly:*", "anomaly"),
    ("*_cms_instructor:*", "instructor_profile"),
    ("*_practice_practicalassignment:*", "practice_assignment"),
    ("*_practice_reviewpanel:*", "practice_panel"),
    ("*_practice_reviewerprofile:*", "practice_reviewer_profile"),
    ("*_practice_conflictofinterest:*", "practice_conflict"),
    ("*_practice_defencesession:*", "practice_defence_session"),
]


def _pk_object(world, key):
    for pattern, attribute in PK_OBJECTS:
        if fnmatch.fnmatchcase(key, pattern):
            return getattr(world, attribute)
    raise AssertionError(f"No object for the pk of {key}: add a row to PK_OBJECTS")


def _checkin_code(world) -> str:
    from courses.services.attendance import checkin_code

    return checkin_code(session=world.session)


def _revision_id(obj):
    revision = getattr(obj, "latest_revision", None)
    return revision.pk if revision else 0


def _kwargs(world, key, pattern) -> dict:
    values = {}
    for name in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", pattern):
        name = name[0] or name[1]
        if name == "code":
            values[name] = (
                _checkin_code(world) if key == "courses:checkin" else world.certificate.verification_code
            )
        elif name == "pk":
            values[name] = _pk_object(world, key).pk
        elif name in ("revision_id",):
            values[name] = _revision_id(_pk_object(world, key))
        elif name == "revision_id_a":
            values[name] = "earliest"
        elif name == "revision_id_b":
            values[name] = "latest"
        else:
            values[name] = PARAMETERS[name](world)
    return values


PARAMETERS = {
    "paper_id": lambda w: w.paper.pk,
    "attempt_id": lambda w: w.attempt.pk,
    "item_id": lambda w: w.item.pk,
    "session_id": lambda w: w.session.pk,
    "lesson_id": lambda w: w.lesson.pk,
    "course_id": lambda w: w.course.pk,
    "user_id": lambda w: w.users["trainee"].pk,
    "cohort_id": lambda w: w.cohort.pk,
    "export_id": lambda w: w.records_export.pk,
    "enrolment_pk": lambda w: w.enrolment.pk,
    "fmt": lambda w: "csv",
    "serial": lambda w: w.certificate.serial,
    "purpose": lambda w: "revocation",
    "number": lambda w: 1,
    "year": lambda w: w.certificate.issued_at.year,
    "bank_id": lambda w: w.bank.pk,
    "sitting_id": lambda w: w.sitting.pk,
    "assignment_id": lambda w: w.practice_assignment.pk,
    "version_id": lambda w: w.practice_version.pk,
    "review_id": lambda w: w.practice_review.pk,
    "submission_id": lambda w: w.practice_submission.pk,
    "defence_session_id": lambda w: w.practice_defence_session.pk,
    "slot_id": lambda w: w.practice_defence_slot.pk,
    "reviewer_id": lambda w: w.users["instructor_on_course"].pk,
    "position": lambda w: 1,
    # Wagtail's workflow views need a task state in progress; there is none, so they answer 404.
    "action_name": lambda w: "approve",
    "task_state_id": lambda w: 0,
    "workflow_state_id": lambda w: 0,
    "task_id": lambda w: 0,
}


def url_for(world, key) -> str:
    rule = policy.rule_for(key)
    if rule is not None and rule.path:
        return rule.path(world) if callable(rule.path) else rule.path
    pattern = ROUTES[key]
    from django.urls import reverse

    return reverse(key, kwargs=_kwargs(world, key, pattern))


# --- the outcome ---------------------------------------------------------------------------------


def _footprint() -> dict:
    """Rows a denied request must not add, remove or change."""
    from certification.models import Certificate, CertificateEvent, IssuanceBatch, RegistryChange
    from courses.accounts.models import AuditLog, RecordsExport
    from courses.api.models import IntegrationToken
    from courses.exams.models import Attempt, AttemptEvent, ScoreChange
    from courses.models import Attendance, Cohort, Enrolment, EnrolmentEvent, HoursEntry, LessonCompletion
    from courses.notifications.models import Notification
    from courses.questions.models import ImportJob, Question

    counted = [
        AuditLog,
        Certificate,
        CertificateEvent,
        IssuanceBatch,
        RegistryChange,
        RecordsExport,
        IntegrationToken,
        Attempt,
        AttemptEvent,
        ScoreChange,
        Attendance,
        Cohort,
        Enrolment,
        EnrolmentEvent,
        HoursEntry,
        LessonCompletion,
        ImportJob,
        Question,
    ]
    footprint = {model.__name__: model.objects.count() for model in counted}
    footprint["notifications read"] = Notification.objects.filter(read_at__isnull=False).count()
    footprint["certificate states"] = sorted(
        Certificate.objects.values_list("pk", "status", "share_full_name", "share_hours_detail")
    )
    footprint["enrolment states"] = sorted(Enrolment.objects.values_list("pk", "status"))
    footprint["token states"] = sorted(
        IntegrationToken.objects.values_list("pk", "accepted_at", "revoked_at", "expires_at")
    )
    footprint["attempt states"] = sorted(Attempt.objects.values_list("pk", "status", "score"))
    return footprint


def _classify(response, rule) -> str:
    status = response.status_code
    if status in rule.also_allow:
        return "allow"
    if status in (401, 403, 404):
        return "deny"
    if 300 <= status < 400:
        location = response.get("Location", "")
        path = location.split("://", 1)[-1]
        path = path[path.find("/") :] if "://" in location else path
        return "deny" if path.startswith(SIGN_IN_PAGES) or path == ADMIN_HOME else "allow"
    if 200 <= status < 300 or status == 400:
        return "allow"
    return f"unexpected {status}"


def _request(client, url, method, json=None):
    if method == "post":
        if json is not None:
            return client.post(url, json, content_type="application/json")
        return client.post(url, {})
    return client.get(url)


CASES = [(key, actor) for key in sorted(ROUTES) for actor in ACTORS]


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "actor"), CASES, ids=[f"{key}-{actor}" for key, actor in CASES])
def test_route_answers_actor_as_the_policy_says(world, route, actor):
    rule = policy.rule_for(route)
    assert rule is not None, f"{route} has no row in tests/security/policy.py: add one"
    expected = rule.outcome(actor)
    client = Client()
    user = world.users[actor]
    if user is not None:
        client.force_login(user)
    url = url_for(world, route)

    before = _footprint() if expected == "deny" else None
    method = rule.method
    body = rule.json(world) if rule.json else None
    response = _request(client, url, method, body)
    if response.status_code == 405 and method == "get":
        method = "post"
        response = _request(client, url, method, body)
    outcome = _classify(response, rule)

    assert outcome == expected, (
        f"{method.upper()} {url} as {actor}: {response.status_code} "
        f"{response.get('Location', '')} is {outcome}, the policy says {expected} ({rule.reason})"
    )
    if expected == "deny":
        assert _footprint() == before, f"{method.upper()} {url} as {actor} was denied but changed rows"
