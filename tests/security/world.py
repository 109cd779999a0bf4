"""One small world for the authorisation matrix: every kind of object a URL can name, once.

A trainee (the owner of everything personal), another trainee in the same cohort, an instructor who
grades the course (``CourseGrader``: the project's account-to-course link), an instructor who does
not, and a registrar. Built with the factories of tests/factories once per test module.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from certification.models import (
    Certificate,
    CertificateRule,
    CertificateTemplate,
    IssuanceBatch,
    RegistryChange,
)
from certification.models.batches import ZipState
from certification.models.certificates import RenderState
from cms import services as cms_services
from cms.models import Instructor
from courses.accounts.models import RecordsExport
from courses.api.models import IntegrationToken
from courses.exams import services as exam_services
from courses.exams.models import CourseGrader, Sitting
from courses.models import (
    AnomalyKind,
    CourseRule,
    EnrolmentMode,
    EnrolmentStatus,
    ImportBatch,
    OfflineSession,
    ProgressAnomaly,
)
from courses.notifications.models import Notification
from courses.questions.models import ImportJob
from tests.factories import certification as certification_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories

ACTORS = ("anonymous", "trainee", "other_trainee", "instructor_outside", "instructor_on_course", "registrar")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world() -> World:
    world = World()
    cms_factories.ensure_page_tree()
    home = cms_factories.home_page()
    program = cms_factories.program_page(home, title="初级技术经理人培训项目")
    catalogue = cms_factories.catalogue_page(home)
    course = cms_factories.course_page(catalogue)
    lesson = cms_factories.lesson_page(course)
    cohort = course_factories.cohort(course=course)
    cms_services.editorial_setup(site_root=home, catalogue=catalogue)

    trainee = certification_factories.trainee(real_name="张三", username="owner")
    other = certification_factories.trainee(real_name="李四", username="other")
    outside = course_factories.instructor(username="outsider")
    grader = course_factories.instructor(username="grader")
    registrar = course_factories.registrar(username="registrar")
    world.users = {
        "anonymous": None,
        "trainee": trainee,
        "other_trainee": other,
        "instructor_outside": outside,
        "instructor_on_course": grader,
        "registrar": registrar,
    }
    enrolment = course_factories.enrolment(cohort=cohort, user=trainee)
    course_factories.enrolment(cohort=cohort, user=other)
    invitation = course_factories.enrolment(
        cohort=course_factories.cohort(course=course, enrolment_mode=EnrolmentMode.INVITATION),
        user=trainee,
        status=EnrolmentStatus.INVITED,
    )
    grader_link = CourseGrader.objects.create(course=course, user=grader)

    now = timezone.now()
    session = OfflineSession.objects.create(
        cohort=cohort,
        course=course,
        title="线下研讨",
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(hours=2),
        hours=Decimal("2"),
    )
    questions = exam_factories.questions()
    paper = exam_factories.paper(course=course, questions=questions)
    attempt = exam_services.attempt_start(paper=paper, user=trainee)
    item = attempt.items.order_by("pk").first()
    # A sitting of a paper of its own (the world's paper stays sat without sittings).
    sitting = Sitting.objects.create(
        paper=exam_factories.paper(course=course, questions=questions),
        cohort=cohort,
        opens_at=now + datetime.timedelta(days=1),
    )

    rule = certification_factories.rule(program=program, courses=[course])
    certificate = certification_factories.certificate(user=trainee, program=program)
    certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=certificate.pdf.name, render_state=RenderState.DONE
    )
    certificate.refresh_from_db()

    batch = IssuanceBatch.objects.create(cohort=cohort, program=program, created_by=registrar)
    batch.zip_file.save("batch.zip", ContentFile(b"PK\x05\x06" + bytes(18)), save=False)
    IssuanceBatch.objects.filter(pk=batch.pk).update(zip_file=batch.zip_file.name, zip_state=ZipState.DONE)
    change = RegistryChange.objects.create(action="suspend", created_by=registrar, reason="审计")
    import_batch = ImportBatch.objects.create(
        cohort=cohort, original_name="roster.xlsx", uploaded_by=registrar, outcome="imported"
    )
    import_job = ImportJob.objects.create(
        bank=questions[0].bank,
        original_name="bank.gift",
        file_format="gift",
        status="previewed",
        created_by=grader,
        report={"total": 1, "errors": [], "unsupported": [], "counts": {"single_choice": 1}},
    )
    records_export = RecordsExport.objects.create(requested_by=registrar, cohort=cohort)
    notification = Notification.objects.create(
        recipient=trainee,
        kind="enrolment_approved",
        params={"cohort": cohort.title, "starts_on": str(cohort.starts_on), "ends_on": str(cohort.ends_on)},
    )
    token = IntegrationToken.objects.create(name="HR", owner=grader, created_by=registrar, scopes=["verify"])
    anomaly = ProgressAnomaly.objects.create(
        user=trainee, kind=AnomalyKind.values[0], day=now.date(), first_seen_at=now, last_seen_at=now
    )
    course_rule = CourseRule.objects.create(course=course)
    practice = _practice_world(course=course, trainee=trainee, grader=grader, registrar=registrar, now=now)
    instructor_profile = Instructor.objects.create(name="王老师")

    template = CertificateTemplate.objects.order_by("pk").first()
    template.save_revision(user=registrar)
    world.objects = {
        "program": program,
        "course": course,
        "lesson": lesson,
        "cohort": cohort,
        "enrolment": enrolment,
        "invitation": invitation,
        "session": session,
        "paper": paper,
        "attempt": attempt,
        "sitting": sitting,
        "item": item,
        "question": questions[0],
        "bank": questions[0].bank,
        "grader_link": grader_link,
        "rule": rule,
        "certificate": certificate,
        "template": template,
        "batch": batch,
        "change": change,
        "import_batch": import_batch,
        "import_job": import_job,
        "records_export": records_export,
        "notification": notification,
        "token": token,
        "anomaly": anomaly,
        "course_rule": course_rule,
        "instructor_profile": instructor_profile,
        "certificate_rule": CertificateRule.objects.get(pk=rule.pk),
        **practice,
        **_defence_world(practice=practice, trainee=trainee),
    }
    return world


def _defence_world(*, practice, trainee) -> dict:
    """The trainee's defence slot in the world's defence session (the grader chairs its panel)."""
    from courses.practice.models import DefenceCriterion, DefenceSlot

    session = practice["practice_defence_session"]
    DefenceCriterion.objects.create(
        assignment=practice["practice_assignment"], name="陈述", name_en="Presentation", max_points=50
    )
    slot = DefenceSlot.objects.create(
        session=session,
        starts_at=session.starts_at,
        ends_at=session.starts_at + datetime.timedelta(minutes=30),
        trainee=trainee,
        booked_at=session.starts_at - datetime.timedelta(days=2),
    )
    return {"practice_defence_slot": slot}


def _practice_world(*, course, trainee, grader, registrar, now) -> dict:
    """The practical assessment (issue 15): the grader reviews and chairs; the trainee's report (with an
    attachment) is with them for review."""
    from courses.practice import services as practice_services
    from courses.practice.models import ConflictOfInterest, DefenceSession, ReviewerProfile
    from tests.factories import practice as practice_factories

    panel = practice_factories.panel(chair=grader, members=[grader])
    due = now - datetime.timedelta(days=1)
    assignment = practice_factories.assignment(
        course=course, panel=panel, due_at=due, reviewers_per_submission=1
    )
    version = practice_services.version_submit(
        assignment=assignment,
        trainee=trainee,
        report=practice_factories.upload(practice_factories.pdf_bytes()),
        attachments=[practice_factories.upload(practice_factories.docx_bytes(), "data.docx")],
        declaration_signed=True,
        now=due - datetime.timedelta(hours=1),
    )
    submission = version.submission
    (review_assignment,) = practice_services.submission_assign_reviewers(
        submission=submission, actor=registrar, now=now
    )
    return {
        "practice_assignment": assignment,
        "practice_panel": panel,
        "practice_version": version,
        "practice_submission": submission,
        "practice_review": review_assignment,
        "practice_reviewer_profile": ReviewerProfile.objects.create(user=grader, display_name="评审甲"),
        "practice_conflict": ConflictOfInterest.objects.create(reviewer=grader, employer="某公司"),
        "practice_defence_session": DefenceSession.objects.create(
            assignment=assignment,
            title="答辩第一场",
            room="301",
            starts_at=now + datetime.timedelta(days=3),
            ends_at=now + datetime.timedelta(days=3, hours=3),
            panel=panel,
        ),
    }
