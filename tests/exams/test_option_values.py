"""The exam page names options and matching prompts by per-attempt opaque values, never by their
position in the stored question (question files often store the right answer first)."""

import json
import re

import pytest
from django.urls import reverse

from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import Attempt, AttemptItem
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db

CHOICES = [QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.MATCHING]


def _start(client, setup, trainee=None) -> Attempt:
    trainee = trainee or setup.trainee
    client.force_login(trainee)
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    return Attempt.objects.get(user=trainee, paper=setup.paper)


def _save(client, attempt, position, response, seq=1):
    return client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]),
        data=json.dumps({"answers": [{"position": position, "response": response, "seq": seq}]}),
        content_type="application/json",
    )


def _item(attempt, qtype) -> AttemptItem:
    return attempt.items.select_related("version").get(version__qtype=qtype)


def _page_values(page: str) -> set[str]:
    """Every value the page gives an option, and every matching prompt's name."""
    values = set(re.findall(r'<input type="(?:radio|checkbox)" name="q\d+" value="([^"]*)"', page))
    values |= set(re.findall(r'<option value="([^"]+)"', page))
    values |= set(re.findall(r'data-prompt="([^"]*)"', page))
    return values - {"true", "false"}  # true/false are the answers' own words, not positions


def test_the_page_shows_no_stored_position_of_any_option_or_prompt(client):
    setup = factories.exam_setup(types=CHOICES)
    first = _start(client, setup)
    page = client.get(reverse("exams:attempt", args=[first.pk])).content.decode()
    values = _page_values(page)
    # 3 + 3 options, 2 matching answers and 2 prompts, each with a value of its own.
    assert len(values) == 10
    assert not any(value.isdigit() for value in values), values
    matching = _item(first, QuestionType.MATCHING).version.data["pairs"]
    assert not values & {pair["answer"] for pair in matching}  # answers are not named by their text
    # Element ids carry no number but the question's position in this attempt (the navigator's
    # anchors "q3", "q3-words"): nothing that names an option or prompt.
    ids = re.findall(r'\bid="([^"]*)"', page.split("<form", 1)[1])
    positions = {str(item.position) for item in first.items.all()}
    numbered = [i for i in ids if re.search(r"\d", i)]
    assert all(
        re.fullmatch(r"q(\d+)(-words)?", i) and re.fullmatch(r"q(\d+).*", i)[1] in positions for i in numbered
    ), numbered
    assert "data-index" not in page

    # Another trainee's attempt names the same options differently.
    other = _start(client, setup, factories.trainee_for(setup.course))
    other_page = client.get(reverse("exams:attempt", args=[other.pk])).content.decode()
    assert not values & _page_values(other_page)


def test_the_first_stored_position_is_refused_and_the_shown_value_scores(client):
    # The sample single-choice question stores its right answer first: index 0 is the right one.
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE], shuffle_options=False)
    attempt = _start(client, setup)
    item = _item(attempt, QuestionType.SINGLE_CHOICE)
    for guess in (0, "0"):
        assert _save(client, attempt, item.position, guess).status_code == 400
    item.refresh_from_db()
    assert item.response is None

    right = item.option_values["options"][0]
    assert _save(client, attempt, item.position, right).status_code == 200
    item.refresh_from_db()
    assert item.response == 0  # stored as graded: the stored index
    answers = client.get(reverse("exams:attempt_answers", args=[attempt.pk])).json()["answers"]
    assert answers == [{"position": item.position, "response": right, "seq": 1}]
    page = client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()
    assert f'value="{right}" checked' in page
    submitted = services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    assert submitted.score == submitted.max_score


def test_multiple_choice_and_matching_are_mapped_back_and_graded(client):
    setup = factories.exam_setup(types=[QuestionType.MULTIPLE_CHOICE, QuestionType.MATCHING])
    attempt = _start(client, setup)
    several, matching = _item(attempt, QuestionType.MULTIPLE_CHOICE), _item(attempt, QuestionType.MATCHING)
    options, prompts = matching.option_values["options"], matching.option_values["prompts"]
    assert _save(client, attempt, several.position, several.option_values["options"][:2]).status_code == 200
    # "license" and "assignment" are the matching question's answers 0 and 1, for prompts 0 and 1.
    shown = {prompts[0]: options[0], prompts[1]: options[1]}
    assert _save(client, attempt, matching.position, shown).status_code == 200
    several.refresh_from_db()
    matching.refresh_from_db()
    assert several.response == [0, 1]
    assert matching.response == {"0": "license", "1": "assignment"}
    # Another item's value, or an answer's text, is not a value of this item.
    assert _save(client, attempt, matching.position, {prompts[0]: "license"}, seq=2).status_code == 400
    foreign = several.option_values["options"][0]
    assert _save(client, attempt, matching.position, {prompts[0]: foreign}, seq=2).status_code == 400
    matching.refresh_from_db()
    assert matching.client_seq == 1
    submitted = services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    assert submitted.score == submitted.max_score


def test_an_attempt_started_before_values_were_opaque_keeps_using_indexes(client):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE, QuestionType.MATCHING])
    attempt = _start(client, setup)
    AttemptItem.objects.filter(attempt=attempt).update(option_values={})  # as the migration leaves them
    choice, matching = _item(attempt, QuestionType.SINGLE_CHOICE), _item(attempt, QuestionType.MATCHING)
    page = client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode()
    assert f'name="q{choice.position}" value="0"' in page
    assert 'data-prompt="0"' in page and '<option value="license"' in page
    # Numbers from an old page's script, strings from the new one: both are stored indexes.
    assert _save(client, attempt, choice.position, 0).status_code == 200
    assert _save(client, attempt, choice.position, "0", seq=2).status_code == 200
    assert _save(client, attempt, matching.position, {"0": "license", "1": "assignment"}).status_code == 200
    choice.refresh_from_db()
    assert choice.response == 0
    submitted = services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    assert submitted.score == submitted.max_score
