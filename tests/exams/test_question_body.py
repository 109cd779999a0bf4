"""The answer controls built in Python (presentation.question_body) for every question type: the
trainee's saved answer shown checked or typed, every text escaped, the words in her language."""

import pytest
from django.utils import translation

from courses.exams.presentation import question_body

HOSTILE = "<img src=x onerror=alert(1)>\"'&"
OPTIONS = [{"value": "v-a", "text": HOSTILE}, {"value": "v-b", "text": "技术转移"}]


def _q(qtype, response=None, **extra):
    return {
        "position": 7,
        "type": qtype,
        "text": "第一行\n<script>alert(1)</script>",
        "text_format": "plain",
        "options": OPTIONS,
        "prompts": [],
        "response": response,
        "max_chars": 19998,
        "answer_label": "Answer to question 7",
        **extra,
    }


def test_texts_are_escaped_and_only_the_cleaned_question_text_is_html():
    html = question_body(_q("single_choice"))
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;&amp;" in html
    assert html.startswith('<div class="exam-text"><p>第一行<br>&lt;script&gt;')
    rich = question_body(
        _q("single_choice", text='<p onclick="x()">Hi<script>1</script></p>', text_format="html")
    )
    assert '<div class="exam-text"><p>Hi</p></div>' in rich


@pytest.mark.parametrize(
    ("qtype", "response", "checked"),
    [
        ("single_choice", None, []),
        ("single_choice", "v-b", ["v-b"]),
        ("multiple_choice", ["v-a", "v-b"], ["v-a", "v-b"]),
        ("multiple_choice", ["v-b"], ["v-b"]),
        ("multiple_choice", "v-b", []),  # not a list: nothing checked, no substring match
    ],
)
def test_choices_show_the_saved_answer_checked(qtype, response, checked):
    html = question_body(_q(qtype, response))
    kind = "radio" if qtype == "single_choice" else "checkbox"
    for value in ("v-a", "v-b"):
        control = f'<input type="{kind}" name="q7" value="{value}"'
        assert control in html
        assert (f"{control} checked>" in html) == (value in checked)


def test_true_false_in_the_trainees_language():
    with translation.override("zh-hans"):
        html = question_body(_q("true_false", False))
    assert '<input type="radio" name="q7" value="false" checked> 错' in html
    assert '<input type="radio" name="q7" value="true"> 对' in html
    with translation.override("en"):
        assert 'value="true" checked> True' in question_body(_q("true_false", True))


def test_matching_selects_each_prompts_saved_answer():
    prompts = [
        {"value": "p-1", "text": "甲<b>", "selected": "v-b"},
        {"value": "p-2", "text": "乙", "selected": None},
    ]
    html = question_body(_q("matching", {"p-1": "v-b"}, prompts=prompts))
    first, second = html.split('<label class="exam-match">')[1:]
    assert first.startswith('甲&lt;b&gt; <select name="q7-p-1" data-prompt="p-1">')
    assert '<option value="v-b" selected>技术转移</option>' in first
    assert " selected" not in second


def test_an_essay_shows_the_template_until_something_is_typed_then_the_text():
    with translation.override("zh-hans"):
        fresh = question_body(_q("essay", template="背景：<填写>"))
        typed = question_body(_q("essay", "我的</textarea><script>", template="背景："))
        emptied = question_body(_q("essay", "", template="背景："))
    assert ">背景：&lt;填写&gt;</textarea>" in fresh
    assert ">我的&lt;/textarea&gt;&lt;script&gt;</textarea>" in typed
    assert 'aria-describedby="q7-words"></textarea>' in emptied  # emptied on purpose stays empty
    assert '<p class="exam-wordcount" id="q7-words">字数： <span data-word-count>0</span></p>' in fresh
    assert 'maxlength="19998"' in fresh


def test_a_typed_answer_is_kept_as_typed_and_numbers_ask_for_a_decimal_keyboard():
    short = question_body(_q("short_answer", '"><script>'))
    assert 'value="&quot;&gt;&lt;script&gt;" autocomplete="off"' in short
    assert "inputmode" not in short
    number = question_body(_q("numerical", 2.5))
    assert 'value="2.5" inputmode="decimal"' in number


def test_only_short_saved_texts_are_kept_once_cleaned():
    from courses.exams import presentation

    presentation._short_question_text.cache_clear()
    short, long = "甲" * presentation.KEPT_TEXT_CHARS, "乙" * (presentation.KEPT_TEXT_CHARS + 1)
    for text in (short, short, long, long):
        assert "<p>" in question_body(_q("essay", text=text))
    info = presentation._short_question_text.cache_info()
    assert (info.currsize, info.hits) == (1, 1)  # the short text cleaned once, the long one never kept
