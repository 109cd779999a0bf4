"""Who may open each route: the policy the authorisation matrix (test_authorization_matrix.py) checks.

One row per route name (or an fnmatch pattern of names), in the actors' order:

    anonymous · trainee (owner of the URL's objects) · another trainee (same cohort, not the owner) ·
    instructor not on the course · instructor on the course (a CourseGrader of it) · registrar

``A`` allow, ``D`` deny. A new route with no row fails the matrix: add one here, with the reason.
Exact names win over patterns; among patterns the first that matches wins.
"""

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.security.world import ACTORS

PUBLIC = "AAAAAA"
SIGNED_IN = "DAAAAA"
OWNER = "DADDDD"  # the owner only: anyone else gets a 404 as if the object did not exist
STAFF = "DDDAAA"  # instructors (any course) and registrars
COURSE_STAFF = "DDDDAA"  # the course's graders and registrars
REGISTRAR = "DDDDDA"
NOBODY = "DDDDDD"
# Wagtail admin for instructors and registrars, the model's permissions deciding the rest.
ADMIN_READ = "DDDAAA"


@dataclass(frozen=True)
class Rule:
    outcomes: str
    reason: str
    method: str = "get"  # POST-only views are found by their 405 and retried as POST
    path: str | Callable | None = None  # for routes without a name (or to add a query string)
    json: Callable | None = None  # a JSON body to POST (API endpoints), from the world
    also_allow: tuple = ()  # statuses that are the view's answer, not a refusal (e.g. 503 of /health/)

    def outcome(self, actor: str) -> str:
        return {"A": "allow", "D": "deny"}[self.outcomes[ACTORS.index(actor)]]


def _rule(outcomes, reason, **extra) -> Rule:
    assert len(outcomes) == len(ACTORS), outcomes
    return Rule(outcomes, reason, **extra)


_VERIFY = "verification is public (no account); a token is limited by its scope, anonymous calls by address"


def _verify_one(prefix):
    return lambda world: f"{prefix}{world.certificate.serial}/?name=张三"


def _verify_batch(world):
    return {"certificates": [{"serial": world.certificate.serial, "name": "张三"}]}


_ANOMALIES = "progress anomalies: a read-only list for registrars"
_LOOK = "instructors may look (list and choose); the model's permission policy decides"
_NO_WORKFLOW = "no workflow in progress in the world: 404 for everyone"

POLICY: dict[str, Rule] = {
    # --- public pages and machine endpoints
    "health": _rule(
        PUBLIC,
        "minimal cached answer for anyone, details for staff (config/health.py); no worker here: 503",
        also_allow=(503,),
    ),
    "api:schema": _rule(PUBLIC, "the API's description holds no data"),
    "api:docs": _rule(PUBLIC, "the API's documentation page"),
    "api:redoc": _rule(PUBLIC, "the API's documentation page"),
    "certification:verify": _rule(PUBLIC, "verification is for anyone, without an account"),
    "certification:verify_pdf": _rule(PUBLIC, "verify by uploading a PDF, without an account"),
    "certification:verify_code": _rule(PUBLIC, "the QR code's page: masked name, status"),
    "certification_api:did_document": _rule(PUBLIC, "the issuer's public key"),
    "certification_api:credential_status_list": _rule(PUBLIC, "status lists are public by design (W3C)"),
    "certification_api:api_verify": _rule(PUBLIC, _VERIFY, path=_verify_one("/api/verify/")),
    "certification_api:api_verify_batch": _rule(PUBLIC, _VERIFY, json=_verify_batch),
    "api:verify": _rule(PUBLIC, _VERIFY, path=_verify_one("/api/v1/verify/")),
    "api:verify_batch": _rule(PUBLIC, _VERIFY, json=_verify_batch),
    r"^api/": _rule(NOBODY, "unknown API address: a 404 in the API's shape", path="/api/nothing-here/"),
    r"^documents/(\d+)/(.*)$": _rule(
        NOBODY, "no document in the world: 404", path="/documents/999999/none.pdf"
    ),
    "admin/login/": _rule(NOBODY, "sends everyone to the throttled site sign-in", path="/admin/login/"),
    "django-admin/login/": _rule(
        NOBODY, "sends everyone to the throttled site sign-in", path="/django-admin/login/"
    ),
    "admin/password_reset/": _rule(
        PUBLIC, "sends to the site's throttled reset", path="/admin/password_reset/"
    ),
    # --- accounts
    "accounts/2fa/totp/activate/": _rule(
        SIGNED_IN, "set up one's own authenticator", path="/accounts/2fa/totp/activate/"
    ),
    "accounts:profile": _rule(SIGNED_IN, "one's own profile"),
    "accounts:profile_edit": _rule(SIGNED_IN, "one's own profile"),
    "accounts:consent": _rule(SIGNED_IN, "one's own consent"),
    "accounts:privacy_notice": _rule(PUBLIC, "the privacy notice"),
    "accounts:own_record_json": _rule(SIGNED_IN, "one's own record (PIPL export)"),
    "accounts:own_record_xlsx": _rule(SIGNED_IN, "one's own record (PIPL export)"),
    "accounts:records_index": _rule(REGISTRAR, "trainee records: registrars (identity numbers)"),
    "accounts:trainee_detail": _rule(REGISTRAR, "trainee records: registrars"),
    "accounts:trainee_record_xlsx": _rule(REGISTRAR, "trainee records: registrars"),
    "accounts:cohort_records_export": _rule(REGISTRAR, "trainee records: registrars"),
    "accounts:records_export": _rule(REGISTRAR, "trainee records: registrars"),
    "accounts:records_export_status": _rule(REGISTRAR, "trainee records: registrars"),
    "accounts:records_export_download": _rule(REGISTRAR, "trainee records: registrars"),
    # --- exams (trainee side): the attempt's owner only
    "exams:my_exams": _rule(SIGNED_IN, "one's own exams"),
    "exams:paper_detail": _rule(SIGNED_IN, "a paper's page for those who may sit it"),
    "exams:attempt_start": _rule(SIGNED_IN, "start one's own attempt"),
    "exams:attempt": _rule(OWNER, "one's own attempt"),
    "exams:attempt_answers": _rule(OWNER, "one's own attempt"),
    "exams:attempt_event": _rule(OWNER, "one's own attempt"),
    "exams:attempt_submit": _rule(OWNER, "one's own attempt"),
    "exams:attempt_result": _rule(OWNER, "one's own attempt"),
    # --- exams (staff side): scoped to the course's graders (issue 11, finding 8)
    "exams:staff_paper": _rule(COURSE_STAFF, "results of a paper: its course's graders"),
    "exams:staff_extra_time": _rule(COURSE_STAFF, "accommodations: the course's graders"),
    "exams:staff_paper_export": _rule(COURSE_STAFF, "results export: the course's graders"),
    "exams:staff_attempt": _rule(COURSE_STAFF, "an attempt's answers and log: the course's graders"),
    "exams:staff_item_override": _rule(COURSE_STAFF, "score override: the course's graders"),
    "exams:staff_grading_queue": _rule(STAFF, "each grader sees the queue of the courses they grade"),
    "exams:staff_grade_item": _rule(COURSE_STAFF, "grading: the course's graders"),
    "exam_sitting_assemble": _rule(REGISTRAR, "preparing a sitting's papers now: registrars"),
    # --- notifications
    "notifications:list": _rule(SIGNED_IN, "one's own notifications"),
    "notifications:read": _rule(OWNER, "one's own notification"),
    "notifications:read_all": _rule(SIGNED_IN, "one's own notifications"),
    "notifications:preferences": _rule(SIGNED_IN, "one's own preferences"),
    # --- learning
    "courses:dashboard": _rule(SIGNED_IN, "one's own dashboard"),
    "courses:heartbeat": _rule(SIGNED_IN, "credits only a signed page view of one's own"),
    "courses:lesson_complete": _rule(SIGNED_IN, "one's own completion; lesson access checked"),
    "courses:course_progress": _rule("DAADDD", "one's own progress in a course one is enrolled in"),
    "courses:checkin_sessions": _rule(STAFF, "the check-in screens: staff, the sessions they may run"),
    "courses:checkin_screen": _rule(COURSE_STAFF, "the check-in screen: the cohort's staff"),
    "courses:checkin_qr": _rule(COURSE_STAFF, "the live check-in code: the cohort's staff"),
    "courses:checkin_done": _rule(SIGNED_IN, "one's own check-in"),
    "courses:checkin": _rule(SIGNED_IN, "one's own check-in, with the room's code"),
    "courses:my_enrolments": _rule(SIGNED_IN, "one's own enrolments"),
    "courses:cohort_enrol": _rule(SIGNED_IN, "enrol oneself"),
    "courses:enrolment_withdraw": _rule(OWNER, "one's own enrolment"),
    "courses:invitation_accept": _rule(OWNER, "one's own invitation"),
    "courses:staff_cohorts": _rule(STAFF, "instructors watch cohorts (DESIGN §1)"),
    "courses:staff_roster": _rule(COURSE_STAFF, "trainees' names and emails: the cohort's instructors"),
    "courses:staff_roster_export": _rule(
        COURSE_STAFF, "trainees' names and emails: the cohort's instructors"
    ),
    "courses:staff_invite": _rule(REGISTRAR, "enrolment decisions: registrars"),
    "courses:staff_import": _rule(REGISTRAR, "enrolment imports: registrars"),
    "courses:staff_enrolment_decide": _rule(REGISTRAR, "enrolment decisions: registrars"),
    "courses:staff_hours_adjust": _rule(REGISTRAR, "manual hours: registrars"),
    "courses:staff_import_report": _rule(REGISTRAR, "enrolment imports: registrars"),
    "courses:staff_import_report_download": _rule(REGISTRAR, "enrolment imports: registrars"),
    # --- practical assessment (issue 15): trainees of the course; reviewers their own reviews only
    "practice:my_practice": _rule(SIGNED_IN, "one's own practical assignments"),
    "practice:assignment": _rule("DAADDD", "an assignment's page for the trainees who may take it"),
    "practice:version_download": _rule("DADDDA", "a version's original file: its trainee, and registrars"),
    "practice:review_queue": _rule("DDDDAA", "reviewers (the grader reviews here) and registrars"),
    "practice:review": _rule("DDDDAD", "a review: its assigned reviewer only, never a registrar"),
    "practice:review_download": _rule("DDDDAD", "the blind copy: its assigned reviewer only"),
    "practice:review_attachment": _rule("DDDDAD", "the blind copy: its assigned reviewer only"),
    "practice:reconcile": _rule("DDDDAD", "reconciliation: the panel's chair (the grader) only"),
    "practice:reconcile_download": _rule("DDDDAD", "the chair, or a reviewer of the submission"),
    "practice:staff_*": _rule(REGISTRAR, "reviewer assignment, extensions and release: registrars"),
    # The defence (答辩): the grader chairs the world's panel; the trainee owns the booked slot.
    "defence:my_defence": _rule(SIGNED_IN, "one's own defence slots"),
    "defence:slot_swap": _rule(OWNER, "a trainee moves their own slot; another's slot is a 404"),
    "defence:panel_sessions": _rule(SIGNED_IN, "the sessions whose panel one sits on (none: an empty list)"),
    "defence:panel_session": _rule("DDDDAD", "the panel's members and chair only, by code"),
    "defence:score": _rule("DDDDAD", "a panel member's own score sheet"),
    "defence:score_save": _rule("DDDDAD", "a panel member saves their own score", method="post"),
    "defence:outcome": _rule("DDDDAD", "the panel's chair records the outcome"),
    "defence:staff_sessions": _rule(REGISTRAR, "registrars create defence sessions"),
    "defence:staff_session": _rule(
        COURSE_STAFF, "scheduling: registrars (names) and the panel's chair (codes)"
    ),
    "defence:staff_*": _rule(COURSE_STAFF, "scheduling and check-in: registrars and the panel's chair"),
    "reviewer_load:*": _rule(REGISTRAR, "reviewer load and reminders: registrars"),
    # --- certificates (holder side)
    "certification:holder_list": _rule(SIGNED_IN, "one's own certificates"),
    "certification:certificate_pdf": _rule("DADDDA", "the holder, and registrars (can_download)"),
    "certification:certificate_credential": _rule("DADDDA", "the holder, and registrars (can_download)"),
    "certification:certificate_sharing": _rule(OWNER, "one's own certificate"),
    "certification:certificate_renew": _rule(OWNER, "one's own certificate"),
    # --- the API (sessions or tokens)
    "api:me": _rule(SIGNED_IN, "one's own record"),
    "api:me_enrolments": _rule(SIGNED_IN, "one's own record"),
    "api:me_progress": _rule(SIGNED_IN, "one's own record"),
    "api:me_hours": _rule(SIGNED_IN, "one's own record"),
    "api:me_exam_results": _rule(SIGNED_IN, "one's own record"),
    "api:cohorts": _rule(STAFF, "cohorts: learning staff, as the staff area"),
    "api:cohort": _rule(STAFF, "cohorts: learning staff, as the staff area"),
    "api:cohort_enrolments": _rule(COURSE_STAFF, "a roster (names, emails): the cohort's instructors"),
    # --- admin views our apps add (registrars, behind TOTP)
    "certificate_*": _rule(REGISTRAR, "certificates, batches and the registry: registrars"),
    "cohort_report*": _rule(REGISTRAR, "cohort reports: registrars"),
    "annual_report*": _rule(REGISTRAR, "the annual report: registrars"),
    "api_token_accept": _rule("DDDDAD", "the token's owner (an instructor) accepts it"),
    "api_tokens": _rule(STAFF, "staff see the tokens they own (to accept them); registrars all"),
    "api_token_revoke": _rule("DDDDAA", "the token's owner (declining it) and registrars"),
    "api_token*": _rule(REGISTRAR, "API tokens are requested by registrars"),
    "exam_reports": _rule(COURSE_STAFF, "graders (of some course) and registrars"),
    "exam_report*": _rule(COURSE_STAFF, "exam report: the course's graders"),
    "notification_emails*": _rule(REGISTRAR, "e-mail delivery: registrars"),
    "questions_admin:import_preview": _rule("DDDDAA", "an import's preview: its uploader and registrars"),
    "questions_admin:preview": _rule(
        STAFF, "the question editor's preview (POST): renders only what was posted, saves nothing"
    ),
    "questions_admin:*": _rule(STAFF, "question files: instructors and registrars"),
    # The paper builder (issue 13, point 3): as the papers' own policy, every instructor drafts.
    "exam_section_eligible": _rule(STAFF, "a random section's eligible count: those who see papers"),
    "exam_question_preview": _rule(
        STAFF,
        "a question as trainees see it (no answers): those who see questions",
        path=lambda world: reverse("exam_question_preview", args=[world.question.pk]),
    ),
    "exam_paper_preview": _rule(STAFF, "one paper drawn from the draft, nothing saved: those who see papers"),
    # --- snippets of our models (Wagtail's views, our permissions)
    # Wagtail's workflow views need a task or workflow state in progress; the world has none, so
    # they answer 404 to everyone (their permission checks are Wagtail's, run before the look-up).
    "wagtailsnippets_*:workflow_action": _rule(NOBODY, _NO_WORKFLOW),
    "wagtailsnippets_*:collect_workflow_action_data": _rule(NOBODY, _NO_WORKFLOW),
    "wagtailsnippets_*:workflow_history_detail": _rule(NOBODY, _NO_WORKFLOW),
    "wagtailsnippets_*:workflow_preview": _rule(NOBODY, _NO_WORKFLOW),
    "wagtailsnippets_*:confirm_workflow_cancellation": _rule(
        STAFF, "Wagtail's dialog checks admin access only and shows no row's content (not ours to change)"
    ),
    # Sittings (issue 12): registrars schedule them; instructors hold none of the model's permissions.
    "wagtailsnippet*_exams_sitting:*": _rule(REGISTRAR, "exam sittings: registrars schedule them"),
    # Practical assessment: instructors draft assignments; panels, reviewers, conflicts and defence
    # sessions are the registrars' (instructors hold none of their permissions).
    "wagtailsnippetchoosers_practice_practicalassignment:create": _rule(
        STAFF, "instructors may add assignments"
    ),
    "wagtailsnippet*_practice_practicalassignment:delete": _rule(
        REGISTRAR, "deleting an assignment: registrars"
    ),
    "wagtailsnippet*_practice_practicalassignment:*": _rule(
        STAFF, "assignments: instructors draft, registrars publish"
    ),
    "wagtailsnippet*_practice_*": _rule(
        REGISTRAR, "panels, reviewers, conflicts of interest, defences: registrars"
    ),
    "wagtailsnippet*_certification_*": _rule(
        REGISTRAR, "designs and rules: registrars (choosers too: cms/choosers.py, found by this matrix)"
    ),
    # Anomalies are a read-only list for registrars; nobody adds, edits or deletes them by hand.
    "wagtailsnippets_courses_progressanomaly:list*": _rule(REGISTRAR, _ANOMALIES),
    "wagtailsnippets_courses_progressanomaly:inspect": _rule(REGISTRAR, _ANOMALIES),
    "wagtailsnippetchoosers_courses_progressanomaly:create": _rule(NOBODY, _ANOMALIES),
    "wagtailsnippetchoosers_courses_progressanomaly:*": _rule(
        REGISTRAR, _ANOMALIES + " (choosers too: cms/choosers.py, found by this matrix)"
    ),
    "wagtailsnippets_courses_progressanomaly:*": _rule(NOBODY, _ANOMALIES),
    # Cohorts, sessions, course rules and graders: instructors may look, registrars manage.
    "wagtailsnippets_courses_cohort:delete": _rule(NOBODY, "a cohort is closed, never deleted (PROTECT)"),
    "wagtailsnippets_*_*:list*": _rule(STAFF, _LOOK),
    "wagtailsnippetchoosers_exams_exampaper:create": _rule(STAFF, "instructors may add papers (drafts)"),
    "wagtailsnippetchoosers_questions_*:create": _rule(STAFF, "instructors may add banks and questions"),
    "wagtailsnippetchoosers_*_*:create": _rule(REGISTRAR, "a new row from a chooser: those who may add"),
    "wagtailsnippetchoosers_*": _rule(STAFF, _LOOK),
    "wagtailsnippets_courses_*": _rule(REGISTRAR, "cohorts, sessions, course rules: registrars manage"),
    "wagtailsnippets_exams_coursegrader:*": _rule(REGISTRAR, "who grades what: registrars manage"),
    "wagtailsnippets_cms_instructor:*": _rule(REGISTRAR, "instructor profiles: registrars manage"),
    # Papers and banks: every instructor drafts (changes reach trainees only through the registrars'
    # review: papers are pinned to approved versions); deleting, unlocking, unpublishing: registrars.
    "wagtailsnippets_*:delete": _rule(REGISTRAR, "deleting papers, banks, questions: registrars"),
    "wagtailsnippets_exams_exampaper:unlock": _rule(REGISTRAR, "unlocking another's lock: registrars"),
    "wagtailsnippets_exams_exampaper:unpublish": _rule(REGISTRAR, "taking a paper offline: registrars"),
    "wagtailsnippets_exams_exampaper:revisions_unschedule": _rule(REGISTRAR, "publishing: registrars"),
    "wagtailsnippets_exams_exampaper:*": _rule(STAFF, "papers: instructors draft, registrars approve"),
    "wagtailsnippets_questions_*": _rule(STAFF, "question banks: instructors and registrars"),
}


def rule_for(key: str) -> Rule | None:
    if key in POLICY:
        return POLICY[key]
    for pattern, rule in POLICY.items():
        if "*" in pattern and fnmatch.fnmatchcase(key, pattern):
            return rule
    return None
