"""A paper's questions are the versions (and the random pools) it was approved with: an edit to a
question, or a question added to a bank, reaches trainees only through the paper's review."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.guards import SYSTEM
from courses.exams import selectors, services
from courses.exams.models import CourseGrader, PinnedVersion, SectionKind
from courses.questions import services as question_services
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories
from tests.factories import questions as question_factories

from .test_review import _approve, _edit_url, _form

pytestmark = pytest.mark.django_db

# The sample single-choice question with its key moved from the first option to the second.
NEW_KEY = {
    "options": [
        {"text": "《促进科技成果转化法》", "fraction": "0"},
        {"text": "《专利法》", "fraction": "1"},
        {"text": "《民法典》", "fraction": "0"},
    ]
}


def _change_key(question):
    return question_services.question_revise(
        user=SYSTEM, question=question, name="改过答案的题", text=question.current_version.text, data=NEW_KEY
    )


def _versions(attempt) -> set[int]:
    return set(attempt.items.values_list("version_id", flat=True))


@pytest.fixture
def staff():
    services.exam_permissions_setup()
    users = {"instructor": course_factories.instructor(), "registrar": course_factories.registrar()}
    for user in users.values():
        user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    return users


def test_an_instructors_edit_of_a_question_reaches_trainees_only_after_the_paper_is_approved_again(
    client, staff
):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    question = setup.questions[0]
    approved = question.current_version
    new = _change_key(question)

    # The next trainee still gets the approved version, and its key.
    during = services.attempt_start(paper=setup.paper, user=setup.trainee)
    assert _versions(during) == {approved.pk}

    # The staff page says so to the course's grader; then they submit the paper for review.
    CourseGrader.objects.create(course=setup.course, user=staff["instructor"])
    client.force_login(staff["instructor"])
    page = client.get(reverse("exams:staff_paper", args=[setup.paper.pk])).content.decode()
    assert "1 道试题在审核通过后有改动" in page
    section = setup.paper.sections.get()
    form = _form(
        course=setup.course,
        questions=setup.questions,
        title=setup.paper.title,
        section_id=section.pk,
        action="submit",
    )
    assert client.post(_edit_url(setup.paper), form).status_code == 302
    assert (
        services.attempt_start(paper=setup.paper, user=factories.trainee_for(setup.course))
        .items.get()
        .version_id
        == approved.pk
    )  # still waiting for review

    _approve(client, staff["registrar"], setup.paper)
    after = services.attempt_start(paper=setup.paper, user=factories.trainee_for(setup.course))
    assert _versions(after) == {new.pk}
    assert selectors.paper_changes_since_approval(paper=setup.paper) == 0
    page = client.get(reverse("exams:staff_paper", args=[setup.paper.pk])).content.decode()
    assert "审核通过后有改动" not in page


def test_a_random_section_draws_from_the_pool_it_was_approved_with():
    course = factories.course()
    bank = question_factories.question_bank()
    pooled = question_factories.question(bank, qtype=QuestionType.SINGLE_CHOICE)
    paper = factories.paper(course=course, questions=[])
    section = paper.sections.get()
    section.kind, section.draw_count = SectionKind.RANDOM, 1
    section.banks.set([bank])
    section.save()
    factories.republish(paper)
    assert list(PinnedVersion.objects.values_list("version_id", flat=True)) == [pooled.current_version_id]

    # Since approval: the pooled question's key changed and new questions came into the bank.
    approved = pooled.current_version_id
    _change_key(pooled)
    for _ in range(4):
        question_factories.question(bank, qtype=QuestionType.SINGLE_CHOICE)
    assert selectors.paper_changes_since_approval(paper=paper) == 5
    for _ in range(3):
        attempt = services.attempt_start(paper=paper, user=factories.trainee_for(course))
        assert _versions(attempt) == {approved}

    factories.republish(paper)
    assert PinnedVersion.objects.count() == 5
    assert selectors.paper_changes_since_approval(paper=paper) == 0
    assert approved not in PinnedVersion.objects.values_list("version_id", flat=True)


def test_papers_live_before_pinning_are_pinned_by_the_migration_to_what_they_drew():
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "courses.exams.migrations.0005_opaque_option_values_and_pinned_versions"
    )
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE])
    draft = factories.paper(course=setup.course, questions=setup.questions, live=False)
    # A random section drawing tagged questions from a bank and its sub-banks.
    parent = question_factories.question_bank()
    child = question_factories.question_bank(parent=parent)
    tagged = [question_factories.question(child, tags=["专利"]) for _ in range(2)]
    question_factories.question(child, tags=["合同"])
    drawn = factories.paper(course=setup.course, questions=[])
    section = drawn.sections.get()
    section.kind, section.draw_count, section.tags = SectionKind.RANDOM, 1, "专利"
    section.banks.set([parent])
    section.save()
    factories.republish(drawn)
    PinnedVersion.objects.all().delete()  # as before the migration
    migration.pin_live_papers(apps, None)
    assert set(PinnedVersion.objects.values_list("section__paper", "version_id")) == {
        (setup.paper.pk, question.current_version_id) for question in setup.questions
    } | {(drawn.pk, question.current_version_id) for question in tagged}
    assert draft.pk not in PinnedVersion.objects.values_list("section__paper", flat=True)
