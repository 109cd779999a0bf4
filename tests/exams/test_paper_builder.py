"""The paper builder: totals beside the pass mark, a random section's eligible count, the question
chooser's filters and preview, one drawn paper previewed without an attempt, and who may use them."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from courses.exams import builder, services
from courses.exams.models import Attempt, AttemptItem, ExamPaper, PaperSection, SectionKind
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories
from tests.factories import questions as question_factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ELIGIBLE_URL = reverse("exam_section_eligible")


@pytest.fixture
def staff():
    services.exam_permissions_setup()
    users = {"instructor": course_factories.instructor(), "registrar": course_factories.registrar()}
    for user in users.values():
        user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"  # the admin in English (the site's default is Chinese)
        profile.save()
    return users


@pytest.fixture
def bank_of_five():
    """A bank with a sub-bank: three single-choice questions tagged 专利, an essay, an archived one."""
    bank = question_factories.question_bank(name="知识产权")
    sub = question_factories.question_bank(name="专利", parent=bank)
    tagged = [question_factories.question(bank, tags=["专利"]) for _ in range(2)]
    tagged.append(question_factories.question(sub, tags=["专利"]))
    essay = question_factories.question(sub, qtype=QuestionType.ESSAY, name="论述：许可")
    archived = question_factories.question(bank, tags=["专利"])
    archived.archived = True
    archived.save()
    return bank, tagged, essay


def _mixed_paper(course, questions, bank) -> ExamPaper:
    """Fixed: 2 questions × 2 points; random: 2 single-choice from ``bank`` × 5 points; pass 60%."""
    paper = factories.paper(
        course=course, questions=questions[:2], points=Decimal("2"), pass_mark=Decimal("60")
    )
    random_section = PaperSection.objects.create(
        paper=paper,
        title="随机",
        kind=SectionKind.RANDOM,
        question_type=QuestionType.SINGLE_CHOICE,
        draw_count=2,
        points_per_question=Decimal("5"),
        sort_order=1,
    )
    random_section.banks.set([bank])
    random_section.save()
    return factories.republish(paper)


def test_totals_count_fixed_questions_and_draws_beside_the_pass_mark(staff, client, bank_of_five):
    bank, tagged, _essay = bank_of_five
    paper = _mixed_paper(factories.course(), tagged, bank)

    totals = builder.paper_totals(paper=paper)
    assert (totals.questions, totals.marks, totals.marks_to_pass) == (4, Decimal("14"), Decimal("8.40"))

    client.force_login(staff["instructor"])
    html = client.get(reverse("wagtailsnippets_exams_exampaper:edit", args=[paper.pk])).content.decode()
    assert "data-total-questions>4<" in html and "data-total-marks>14<" in html
    assert "data-pass-marks>8.40<" in html
    assert reverse("exam_paper_preview", args=[paper.pk]) in html

    listing = client.get(reverse("wagtailsnippets_exams_exampaper:list")).content.decode()
    row = next(tr for tr in re.findall(r"<tr.*?</tr>", listing, re.S) if paper.title in tr)
    cells = [re.sub(r"<[^>]+>|\s+", "", td) for td in re.findall(r"<td.*?</td>", row, re.S)]
    assert [cell for cell in cells if cell in ("4", "14", "60%")] == ["4", "14", "60%"], cells


def test_eligible_count_follows_bank_sub_banks_type_and_tags(staff, client, bank_of_five):
    bank, _tagged, _essay = bank_of_five
    client.force_login(staff["instructor"])

    answer = client.get(
        ELIGIBLE_URL, {"banks": bank.pk, "question_type": "single_choice", "draw_count": 2}
    ).json()
    assert answer == {"eligible": 3, "draw_count": 2, "enough": True, "message": "3 eligible, drawing 2"}

    anything = client.get(ELIGIBLE_URL, {"banks": bank.pk, "draw_count": 4}).json()
    assert anything["eligible"] == 4  # the essay of the sub-bank too; never the archived question

    tagged = client.get(ELIGIBLE_URL, {"banks": bank.pk, "tags": "专利, 商标", "draw_count": 1}).json()
    assert tagged["eligible"] == 3


def test_too_few_eligible_questions_is_said_not_drawn(staff, client, bank_of_five):
    bank, _tagged, _essay = bank_of_five
    client.force_login(staff["instructor"])

    answer = client.get(ELIGIBLE_URL, {"banks": bank.pk, "question_type": "essay", "draw_count": 5}).json()

    assert answer["enough"] is False
    assert answer["message"] == "Only 1 eligible: too few to draw 5."


@pytest.mark.parametrize(
    "query",
    [{"banks": "x"}, {"banks": "1", "draw_count": "-3"}, {"draw_count": "9" * 30}, {"question_type": "poem"}],
)
def test_bad_eligible_queries_get_a_clear_400(staff, client, query):
    client.force_login(staff["instructor"])
    response = client.get(ELIGIBLE_URL, query)
    assert response.status_code == 400
    assert response.json()["error"]


def test_a_drawn_paper_preview_saves_nothing_and_shows_no_answers(staff, client, bank_of_five):
    bank, tagged, essay = bank_of_five
    paper = _mixed_paper(factories.course(), [*tagged, essay], bank)
    # A draft edit not yet approved: the essay added to the fixed section. The preview shows the draft.
    draft = paper.latest_revision.as_object()
    fixed = draft.sections.all()[0]
    fixed.questions.add(essay)
    draft.save_revision(user=staff["instructor"])
    client.force_login(staff["instructor"])

    response = client.get(reverse("exam_paper_preview", args=[paper.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert Attempt._base_manager.count() == 0  # prepared papers included
    assert AttemptItem.objects.count() == 0
    assert html.count('class="exam-question"') == 5  # 3 fixed (draft) + 2 drawn
    assert "要点：收益分配" not in html  # the essay's notes for graders
    assert "fraction" not in html and "correct" not in html.lower()


def test_a_paper_that_cannot_be_drawn_says_why(staff, client, bank_of_five):
    bank, tagged, _essay = bank_of_five
    paper = _mixed_paper(factories.course(), tagged, bank)
    section = paper.sections.get(kind=SectionKind.RANDOM)
    section.draw_count = 9
    section.save()
    client.force_login(staff["registrar"])

    response = client.get(reverse("exam_paper_preview", args=[factories.republish(paper).pk]))

    assert response.status_code == 200
    assert "asks for 9 questions but its banks hold 3" in response.content.decode()


def test_the_question_chooser_filters_by_bank_type_tag_and_text(staff, client, bank_of_five):
    bank, tagged, essay = bank_of_five
    other = question_factories.question(question_factories.question_bank(), name="别的题库的题")
    client.force_login(staff["instructor"])
    url = reverse("wagtailsnippetchoosers_questions_question:choose_results")

    def names(**query):
        html = client.get(url, {"multiple": 1, **query}).content.decode()
        return {q.current_version.name for q in [*tagged, essay, other] if q.current_version.name in html}

    assert names(bank=bank.pk) == {q.current_version.name for q in [*tagged, essay]}
    assert names(bank=bank.pk, qtype="essay") == {"论述：许可"}
    assert names(q="别的题库") == {"别的题库的题"}
    tag = tagged[0].tags.get()
    assert essay.current_version.name not in names(tag=tag.pk)
    html = client.get(url, {"bank": bank.pk}).content.decode()
    assert reverse("exam_question_preview", args=[essay.pk]) in html


def test_a_questions_preview_is_the_trainees_view(staff, client, bank_of_five):
    _bank, _tagged, essay = bank_of_five
    client.force_login(staff["instructor"])

    html = client.get(reverse("exam_question_preview", args=[essay.pk])).content.decode()

    assert "<textarea" in html and "要点：收益分配" not in html


def test_trainees_may_not_use_the_builder(client, bank_of_five):
    bank, tagged, _essay = bank_of_five
    paper = _mixed_paper(factories.course(), tagged, bank)
    client.force_login(factories.trainee_for(paper.course))
    for url in (
        ELIGIBLE_URL + f"?banks={bank.pk}",
        reverse("exam_paper_preview", args=[paper.pk]),
        reverse("exam_question_preview", args=[tagged[0].pk]),
    ):
        assert client.get(url).status_code in (302, 403)
