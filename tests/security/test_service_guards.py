"""Services guard themselves (issue 16, point 3): every public function of the service modules is
either guarded (``core.guards.guarded``: the rule is checked before the body runs) or listed here
as no write, with the reason. Every guarded service called by a trainee, on objects that are not
theirs, is refused with PermissionDenied and changes nothing in the database; a service the system
alone runs refuses a trainee too; one a person runs for themself refuses SYSTEM and the anonymous.
"""

import importlib
import inspect
import pkgutil

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from core.guards import REGISTRY, SELF, SYSTEM, SYSTEM_ONLY, guard_of
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db

PACKAGES = ["courses.services", "courses.exams.services", "certification.services"]
MODULES = [
    "courses.api.services",
    "courses.notifications.services",
    "courses.exams.sittings",
    "courses.exams.grading",
    "courses.questions.services",
    "courses.accounts.services",
    "courses.practice.services",
    "courses.practice.defence",
    "courses.practice.load",
    "courses.practice.files",
    "courses.practice.standing",
    "cms.services",
]

_PURE = "pure: computes from its arguments, writes nothing"
_READ = "a read: queries, writes nothing"
_STEP = "a step inside guarded services, in their transaction (the caller was checked)"
_SETUP = "setup of groups and workflows after migrate (post_migrate) and in the demo loader; idempotent"
# No write, or not a service of its own: each with the reason.
NOT_WRITES = {
    "courses.services.anomalies.anomaly_record": _STEP + ": heartbeats and check-ins record anomalies",
    "courses.services.enrolments.learning_roles_setup": _SETUP,
    "courses.services.progress.progress_record_heartbeat_by_id": (
        "the lean heartbeat: it checks the session itself (session_user_valid on the session's hash) "
        "without loading the user; user_id comes from the signed session, never from the request body"
    ),
    "courses.services.progress.lesson_completion_allowed": _READ,
    "courses.services.attendance.checkin_code": _PURE,
    "courses.services.attendance.checkin_code_is_valid": _PURE,
    "courses.services.heartbeat_store.study_state_read": _READ,
    "courses.services.heartbeat_store.course_completion_possible": _READ,
    "courses.services.heartbeat_store.study_changes_write": _STEP + ": the heartbeat's storage",
    "courses.notifications.services.notify": _STEP + ": every notification is made by the action it reports",
    "courses.notifications.services.forget_unread_count": "drops a cached count; no database write",
    "courses.exams.services.papers.paper_pool": _READ,
    "courses.exams.services.papers.draw_items": "builds unsaved items for attempt_start and sittings",
    "courses.exams.services.answers.parse_answers": _PURE,
    "courses.exams.services.answers.parse_flags": _PURE,
    "courses.exams.services.marking.checked_points": _PURE,
    "courses.exams.services.setup.exam_permissions_setup": _SETUP,
    "courses.exams.grading.criteria_for": _READ,
    "courses.exams.grading.examinee_code": _PURE,
    "courses.exams.grading.identity_hidden": _READ,
    "courses.exams.grading.examinee_identity": _READ,
    "courses.exams.grading.can_reconcile": _READ,
    "courses.questions.services.question_permissions_setup": _SETUP,
    "courses.questions.services.import_extension_allowed": _PURE,
    "courses.questions.services.import_extension_message": _PURE,
    "courses.questions.services.import_files_purge": "housekeeping of the beat: deletes expired files only",
    "courses.accounts.services.audit_record": _STEP + ": the audit trail of guarded actions",
    "courses.practice.services.rubric_scores": _PURE,
    "courses.practice.services.refuse_in_conflict": "a check: raises for a reviewer in conflict, writes nothing",
    "courses.practice.services.review_copy": (
        "a download: builds the reviewer's blind copy in memory and refuses anyone not reviewing "
        "(or reconciling) the submission itself"
    ),
    "courses.practice.services.practice_permissions_setup": _SETUP,
    "courses.practice.defence.is_chair": _READ,
    "courses.practice.defence.is_member": _READ,
    "courses.practice.defence.can_schedule": _READ,
    "courses.practice.defence.candidates": _READ,
    "courses.practice.defence.swap_closes_at": _PURE,
    "courses.practice.defence.attended_slot_ids": _READ,
    "courses.practice.defence.score_complete": _PURE,
    "courses.practice.defence.defence_mean": _READ,
    "courses.practice.defence.sessions_for_member": _READ,
    "courses.practice.defence.slots_for_trainee": _READ,
    "courses.practice.defence.free_slots_for": _READ,
    "courses.practice.defence.offline_session_of": _READ,
    "courses.practice.load.reviewer_loads": _READ,
    "courses.practice.files.count_words": _PURE,
    "courses.practice.files.read_limited": _PURE,
    "courses.practice.files.inspect_upload": _PURE,
    "courses.practice.files.strip_metadata": _PURE,
    "courses.practice.files.strip_image_metadata": _PURE,
    "courses.practice.standing.assignments_for_program": _READ,
    "courses.practice.standing.practice_standing_for_users": _READ,
    "certification.services.notices.certificate_notify": _STEP + ": the holder's notice of a guarded change",
    "certification.services.templates.default_template_source": _PURE,
    "certification.services.templates.template_for_program": _READ,
    "certification.services.printing.printed_context": _PURE,
    "certification.services.printing.certificate_document": _PURE,
    "certification.services.templates.template_check": _PURE,
    "certification.services.templates.template_sample_pdf": "renders a preview PDF in memory; stores nothing",
    "certification.services.templates.certificate_templates_setup": _SETUP,
    "certification.services.issuing.canonical_program": _READ,
    "certification.services.issuing.issuer_settings": _READ + " (memoized within a scope)",
    "certification.services.issuing.build_snapshot": _PURE,
    "certification.services.issuing.certificate_expiry": _PURE,
    "certification.services.issuing.cohort_members": _READ,
    "certification.services.issuing.auto_issue_candidates": _READ,
    "certification.services.status_lists.bits_for_status": _PURE,
    "certification.services.status_lists.status_position_allocate": _STEP
    + ": issuing's status-list position",
    "certification.services.status_lists.status_entry_record": _STEP + ": issuing's status-list entry",
    "certification.services.status_lists.status_list_sync": _STEP + ": a guarded status change's list bit",
    "certification.services.status_lists.status_list_published": _READ,
    "certification.services.roles.certification_roles_setup": _SETUP,
    "cms.services.editorial_setup": _SETUP,
    "cms.services.site_language_name": _PURE,
    "cms.services.named_in_site_language": _STEP + ": the setups' workflow lookup (get or create by name)",
    "cms.services.registrar_approval_task": _STEP + ": the setups' approval task (get or create)",
}

NOT_WRITES.update(
    {
        "certification.services.batches.batch_progress": _READ,
        "certification.services.batches.replaced_only_on_purpose": _READ,
        "certification.services.batches.revoked_reason": _PURE,
        "certification.services.batches.expired_reason": _PURE,
        "certification.services.batches.not_previewed_reason": _PURE,
        "certification.services.batches.batch_preview": _READ + " (refuses all but registrars itself)",
        "certification.services.bulk.registry_change_progress": _READ,
    }
)


def _modules():
    names = list(MODULES)
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        names += [f"{package_name}.{info.name}" for info in pkgutil.iter_modules(package.__path__)]
    return [importlib.import_module(name) for name in names]


def _public_functions():
    found = {}
    for module in _modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue  # private, or imported from elsewhere (counted where it is defined)
            found[f"{module.__name__}.{name}"] = function
    return found


def test_every_public_service_is_guarded_or_says_why_not():
    functions = _public_functions()
    unaccounted = [
        name for name, function in functions.items() if guard_of(function) is None and name not in NOT_WRITES
    ]
    assert unaccounted == [], "guard these services or list them in NOT_WRITES with the reason"
    both = [name for name in NOT_WRITES if name in functions and guard_of(functions[name]) is not None]
    assert both == [], "guarded, yet listed as no write"
    stale = [name for name in NOT_WRITES if name not in functions and not name.endswith("_setup")]
    assert stale == [], "listed as no write, but no such function any more"


class Someone:
    """Another person's object: every id is -1, every related object is another such object."""

    pk = id = -1

    def __getattr__(self, name):
        if name.endswith("_id") or name.endswith("_pk"):
            return -1
        if name.startswith("__"):
            raise AttributeError(name)
        return Someone()


def _dummy(name: str):
    if name.endswith("_ids"):
        return [-1]
    if name.endswith("_id"):
        return -1
    return Someone()


def _guarded_services():
    return sorted(
        (name, function) for name, function in _public_functions().items() if guard_of(function) is not None
    )


def _row_counts() -> dict[str, int]:
    labels = {
        "courses",
        "certification",
        "cms",
        "exams",
        "questions",
        "accounts",
        "practice",
        "notifications",
        "api",
    }
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in labels and not model._meta.proxy
    }


def _call(function, *, actor):
    guard = guard_of(function)
    parameters = inspect.signature(guard.function).parameters
    arguments = {name: _dummy(name) for name in parameters if name != guard.actor}
    arguments[guard.actor] = actor
    return function(**arguments)


@pytest.fixture
def trainee():
    """A plain user with an enrolment: no role, no permission."""
    user = course_factories.user(username="plain-trainee")
    course_factories.enrolment(
        cohort=course_factories.cohort(course=course_factories.published_course()), user=user
    )
    return user


def test_the_registry_holds_the_services_of_every_layer():
    modules = {key.rsplit(".", 1)[0] for key in REGISTRY}
    for expected in (
        "certification.services.lifecycle",
        "certification.services.issuing",
        "courses.questions.services",
        "courses.services.enrolments",
        "courses.exams.services.submission",
        "courses.practice.defence",
        "cms.services",
    ):
        assert expected in modules


def test_the_jobs_worker_bodies_are_the_systems_alone():
    """Their tasks and the job runner (core.jobs) call them with actor=SYSTEM; the registrar who asked
    is recorded on the job and acts through the services the bodies call."""
    workers = [
        "certification.services.batches.batch_run",
        "certification.services.batches.batch_item_issue",
        "certification.services.batches.batch_build_zip",
        "certification.services.bulk.registry_change_run",
        "certification.services.bulk.registry_change_item_apply",
        "courses.accounts.services.records_export_build",
        "courses.accounts.services.records_export_purge",
    ]
    assert {name: REGISTRY[name].rule for name in workers} == dict.fromkeys(workers, SYSTEM_ONLY)


def test_a_trainee_calling_any_guarded_service_on_what_is_not_theirs_is_refused_and_nothing_changes(trainee):
    before = _row_counts()
    allowed = []
    for name, function in _guarded_services():
        if guard_of(function).rule is SELF:
            continue  # the trainee acting on themself: see the next test
        try:
            _call(function, actor=trainee)
        except PermissionDenied:
            continue
        except Exception as error:  # the body ran: the guard let the trainee through
            allowed.append(f"{name}: {type(error).__name__}")
        else:
            allowed.append(name)
    assert allowed == []
    assert _row_counts() == before


def test_services_a_person_runs_for_themself_refuse_the_system_and_the_anonymous(trainee):
    before = _row_counts()
    selves = [function for _name, function in _guarded_services() if guard_of(function).rule is SELF]
    assert len(selves) >= 8  # attempts, check-ins, lessons, profiles, notifications, submissions…
    for function in selves:
        for actor in (SYSTEM, AnonymousUser(), None):
            with pytest.raises(PermissionDenied):
                _call(function, actor=actor)
    assert _row_counts() == before


def test_a_trainee_may_not_act_on_another_trainees_enrolment(trainee):
    from courses.models import Enrolment, EnrolmentStatus
    from courses.services import enrolment_withdraw

    cohort = Enrolment.objects.get(user=trainee).cohort
    other = course_factories.enrolment(cohort=cohort, user=course_factories.user())
    with pytest.raises(PermissionDenied):
        enrolment_withdraw(enrolment=other, actor=trainee)
    assert Enrolment.objects.get(pk=other.pk).status == EnrolmentStatus.ENROLLED
    mine = Enrolment.objects.get(user=trainee)
    assert enrolment_withdraw(enrolment=mine, actor=trainee).status == EnrolmentStatus.WITHDRAWN
