"""Review 5: the exam page's cache of cleaned question texts (presentation._short_question_text)
serves the cohort sitting a paper; the question editor's live preview posts the draft text 400 ms
after each pause in typing (questions/editor.js), and each draft is a text of its own. Drafts must
not fill the cache (up to 2048 texts of 20,000 characters: ~157 MiB of Chinese per worker, measured)
nor evict the texts a sitting is reading."""

import pytest

from courses.exams import presentation
from tests.questions.test_admin import editorial, instructor  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def test_the_editors_live_preview_does_not_fill_the_exam_pages_text_cache(client, instructor):  # noqa: F811
    client.force_login(instructor)
    presentation._short_question_text.cache_clear()
    draft = "甲方将其专利许可给乙方。" * 400  # a case being written, ~4,800 characters
    for typed in range(1, 30):  # what the preview sends as the editor types on
        response = client.post(
            "/admin/question-files/preview/",
            {"qtype": "essay", "text": draft + "乙" * typed, "text_format": "plain", "default_points": "5"},
        )
        assert response.status_code == 200 and "乙" * typed in response.content.decode()
    assert presentation._short_question_text.cache_info().currsize == 0


def test_a_saved_questions_text_is_still_cleaned_once_for_the_cohort():
    from courses.questions.models import QuestionVersion

    presentation._short_question_text.cache_clear()
    version = QuestionVersion(pk=41, qtype="true_false", text="<b>题目</b>", text_format="plain", data={})
    for _ in range(3):
        q = presentation.question_on_page(version=version, option_order=[], position=1, points=1)
        assert "&lt;b&gt;题目&lt;/b&gt;" in q["body"]
    info = presentation._short_question_text.cache_info()
    assert (info.currsize, info.hits) == (1, 2)
