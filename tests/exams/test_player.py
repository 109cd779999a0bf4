"""The exam player's basics (issue 12, point 5): flags kept on the server, the navigator's answered /
not answered / flagged state, "attempt N of M" with earlier scores, and the provisional score."""

import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core.guards import SYSTEM
from courses.exams import presentation, services
from courses.exams.models import AttemptItem, AttemptStatus
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db

OBJECTIVE_AND_ESSAY = [QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.ESSAY]


def _save(client, attempt, body):
    return client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]),
        data=json.dumps(body),
        content_type="application/json",
    )


def _page(client, attempt) -> str:
    return client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()


def _nav_classes(page: str) -> dict[int, str]:
    return {
        int(position): classes
        for classes, position in re.findall(r'class="exam-nav-item([^"]*)" data-position="(\d+)"', page)
    }


def test_flags_are_kept_on_the_server_and_shown_after_a_reload(client, setup):
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    client.force_login(setup.trainee)
    assert _save(client, attempt, {"answers": [], "flags": {"2": True, "3": True}}).status_code == 200
    assert _save(client, attempt, {"answers": [], "flags": {"3": False}}).status_code == 200
    assert set(attempt.items.filter(flagged=True).values_list("position", flat=True)) == {2}

    page = _page(client, attempt)  # a reload, or another device
    assert _nav_classes(page)[2] == " is-flagged" and _nav_classes(page)[3] == ""
    assert re.search(r'id="q2"[^>]*data-flagged="true"', page)
    assert 'aria-pressed="true"' in page

    # The save contract is unchanged for pages that send no flags.
    item = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    response = _save(
        client, attempt, {"answers": [{"position": item.position, "response": "技术合同", "seq": 5}]}
    )
    assert response.status_code == 200 and response.json()["saved"] == {str(item.position): 5}
    assert set(attempt.items.filter(flagged=True).values_list("position", flat=True)) == {2}


@pytest.mark.parametrize(
    "flags",
    [["2"], {"2": "yes"}, {"two": True}, {"-1": True}, {"2": 1}, {str(n): True for n in range(301)}],
)
def test_a_malformed_flag_refuses_the_whole_save(client, setup, flags):
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    item = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER)
    client.force_login(setup.trainee)
    response = _save(
        client, attempt, {"answers": [{"position": item.position, "response": "x", "seq": 9}], "flags": flags}
    )
    assert response.status_code == 400 and response.json()["error"]
    item.refresh_from_db()
    assert item.response is None and not attempt.items.filter(flagged=True).exists()


def test_a_submitted_attempt_keeps_its_flags(client, setup):
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    client.force_login(setup.trainee)
    _save(client, attempt, {"answers": [], "flags": {"1": True}})
    services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    assert _save(client, attempt, {"answers": [], "flags": {"1": False, "2": True}}).status_code == 409
    assert list(attempt.items.filter(flagged=True).values_list("position", flat=True)) == [1]


def test_the_navigator_marks_answered_questions_and_an_untouched_essay_template_is_not_an_answer(client):
    setup = factories.exam_setup(types=OBJECTIVE_AND_ESSAY)
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    items = {item.version.qtype: item for item in attempt.items.select_related("version")}
    client.force_login(setup.trainee)
    choice = items[QuestionType.SINGLE_CHOICE]
    _save(
        client,
        attempt,
        {"answers": [{"position": choice.position, "response": factories.right_response(choice), "seq": 1}]},
    )

    classes = _nav_classes(_page(client, attempt))
    assert classes == {
        choice.position: " is-answered",
        items[QuestionType.TRUE_FALSE].position: "",
        items[QuestionType.ESSAY].position: "",
    }
    essay = items[QuestionType.ESSAY].version
    essay.data = {**essay.data, "response_template": "一、背景\n二、分析"}
    for response, answered in [
        (None, False),
        ("", False),
        ("  一、背景\n二、分析 ", False),
        ("一、背景 许可", True),
    ]:
        assert presentation.is_answered(version=essay, response=response) is answered, response
    tf = items[QuestionType.TRUE_FALSE].version
    assert presentation.is_answered(version=tf, response=False) is True
    assert presentation.is_answered(version=choice.version, response=[]) is False


def _sit(setup, *, right: bool, essay: str = "我的分析：许可与转让的区别……"):
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    saves = []
    for item in attempt.items.select_related("version"):
        if item.version.needs_manual_grading:
            response = essay
        elif right:
            response = factories.right_response(item)
        elif item.version.qtype == QuestionType.TRUE_FALSE:
            response = not factories.RIGHT_RESPONSES[QuestionType.TRUE_FALSE]
        else:
            response = None
        saves.append(services.AnswerSave(position=item.position, response=response, seq=1))
    services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
    return services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)


def test_a_provisional_score_for_the_objective_part_while_the_essay_waits(client):
    setup = factories.exam_setup(types=OBJECTIVE_AND_ESSAY, points=Decimal("5"))
    attempt = _sit(setup, right=True)
    assert attempt.status == AttemptStatus.GRADING
    client.force_login(setup.trainee)
    page = client.get(reverse("exams:attempt_result", args=[attempt.pk])).content.decode()
    assert 'id="exam-provisional"' in page
    assert "临时得分：10 分（满分 15 分）" in page and "另有 5 分的答案正等待讲师阅卷" in page

    with translation.override("en"):  # English pages live under /en/
        english = client.get(reverse("exams:attempt_result", args=[attempt.pk])).content
    assert "Provisional score: 10 of 15 points" in english.decode()

    # Graded: the final result replaces it.
    essay = attempt.items.get(needs_manual_grading=True)
    services.item_grade(item_id=essay.pk, score=Decimal("4"), grader=course_factories.registrar())
    page = client.get(reverse("exams:attempt_result", args=[attempt.pk])).content.decode()
    assert 'id="exam-provisional"' not in page and "14" in page


def test_a_paper_may_show_nothing_until_every_answer_is_graded(client):
    setup = factories.exam_setup(types=OBJECTIVE_AND_ESSAY, show_provisional_score=False)
    attempt = _sit(setup, right=True)
    client.force_login(setup.trainee)
    for name, args in [("exams:attempt_result", [attempt.pk]), ("exams:paper_detail", [setup.paper.pk])]:
        page = client.get(reverse(name, args=args)).content.decode()
        assert "临时" not in page and "exam-provisional" not in page, name
        assert "分（满分" not in page and "已评分部分得" not in page, name


def test_attempt_n_of_m_with_the_earlier_attempts_scores(client):
    setup = factories.exam_setup(types=OBJECTIVE_AND_ESSAY, max_attempts=3)
    first = _sit(setup, right=False)  # 0 of 3 objective points so far, the essay waits
    client.force_login(setup.trainee)

    paper_page = client.get(reverse("exams:paper_detail", args=[setup.paper.pk])).content.decode()
    assert "您已作答 1 次，共可作答 3 次。" in paper_page
    assert "已评分部分得 0 分（试卷满分 3 分）" in paper_page and "临时成绩：部分答案待阅卷" in paper_page

    services.item_grade(
        item_id=first.items.get(needs_manual_grading=True).pk,
        score=Decimal("1"),
        grader=course_factories.registrar(),
    )
    second = services.attempt_start(paper=setup.paper, user=setup.trainee)
    page = _page(client, second)
    assert "第 2 次作答（共 3 次）" in page
    assert "第 1 次作答" in page and "1 分（满分 3 分，33.33%）" in page and "未通过" in page

    with translation.override("en"):
        english = client.get(reverse("exams:attempt", args=[second.pk])).content.decode()
    assert "Attempt 2 of 3" in english and "1 of 3 points (33.33%)" in english

    # A first attempt names no earlier ones; the history is the owner's only.
    other = factories.trainee_for(setup.course)
    theirs = services.attempt_start(paper=setup.paper, user=other)
    client.force_login(other)
    page = _page(client, theirs)
    assert "第 1 次作答（共 3 次）" in page and "exam-earlier" not in page
    assert AttemptItem.objects.filter(attempt=theirs, flagged=True).count() == 0


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh-hans", ["第 {n} 题", "标记第 {n} 题待复查", "第 {n} 题的答案", "（1.50 分）"]),
        ("en", ["Question {n}", "Flag question {n} for review", "Answer to question {n}", "(1.50 pt.)"]),
    ],
)
def test_the_words_around_each_question_are_in_the_trainees_language(client, language, words):
    """The page's per-question words come translated from the view (presentation.question_on_page,
    memoized per language): each language gets its own, even after the other was shown first."""
    setup = factories.exam_setup(points=Decimal("1.5"))
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    n = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position
    client.force_login(setup.trainee)

    def page_in(code):  # English pages live under /en/
        with translation.override(code):
            return client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()

    for other in ("en", "zh-hans"):  # both languages' words memoized before the one checked
        assert f'lang="{other}"' in page_in(other)
    page = page_in(language)
    for word in words:
        assert word.format(n=n) in page, word
    assert f'data-label="{words[0].format(n=n)}"' in page
    assert f'aria-label="{words[2].format(n=n)}"' in page
