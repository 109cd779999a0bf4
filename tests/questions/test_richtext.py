"""HTML question text (Moodle XML format="html", GIFT [html]): cleaned to an allow-list on import and
on edit, shown as HTML (with its stylesheet) on exam, review and staff pages; any other text stays escaped."""

import base64
from pathlib import Path

import pytest
from django.urls import reverse

from core.guards import SYSTEM
from courses.exams import services as exams
from courses.questions import richtext, services
from courses.questions.models import QuestionType, QuestionVersion, TextFormat
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories
from tests.factories import questions as factories

FIXTURES = Path("/work/shared/fixtures/question-banks")
if not FIXTURES.exists():  # CI and fresh clones: the copies kept beside these tests
    FIXTURES = Path(__file__).parent / "fixtures"

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()
HOSTILE = (
    '<p onclick="steal()" style="color:red">请看<b>表格</b>与H<sub>2</sub>O、x<sup>2</sup>：</p>'
    "<script>alert('x')</script><style>body{display:none}</style>"
    '<img src="x" onerror="alert(1)" alt="坏图">'
    '<img src="https://tracker.example.com/pixel.gif?u=1" alt="跟踪">'
    '<img src="@@PLUGINFILE@@/chart%201.png" alt="附图">'
    '<a href="javascript:alert(1)">点我</a>'
    '<iframe src="https://evil.example.com/"></iframe>'
    "<table><tr><th>条款</th><td>许可</td></tr></table>"
    "<ul><li>一</li></ul><pre><code>a &lt; b</code></pre><br>"
    '<svg onload="alert(1)"></svg><form action="https://evil.example.com/"><input name="p"></form>'
)
GONE = [
    "<script",
    "alert",
    "onerror",
    "onclick",
    "onload",
    "style=",
    "javascript:",
    "<iframe",
    "<svg",
    "<form",
    "<input",
    "tracker.example.com",
    "evil.example.com",
    'src="x"',
    "<a ",
]
KEPT = ["<b>表格</b>", "<sub>2</sub>", "<sup>2</sup>", "<th>条款</th>", "<li>一</li>", "<pre><code>", "<br>"]


def _import(bank, name: str, content: bytes) -> list[QuestionVersion]:
    job = services.import_check(user=SYSTEM, bank=bank, filename=name, content=content)
    assert job.report["errors"] == []
    services.import_confirm(user=SYSTEM, job=job, skip_unsupported=True)
    return list(QuestionVersion.objects.order_by("pk"))  # each test's database holds only these


def _moodle_xml(text: str, text_format: str = "html") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="essay"><name><text>恶意题</text></name>
<questiontext format="{text_format}"><text><![CDATA[{text}]]></text>
<file name="chart 1.png" path="/" encoding="base64">{PNG}</file></questiontext>
<answer fraction="0"><text></text></answer></question></quiz>""".encode()


@pytest.mark.django_db
def test_moodle_xml_fixture_keeps_html_as_html_and_auto_format_as_text():
    bank = factories.question_bank(name="Moodle")
    versions = {
        v.name: v
        for v in _import(
            bank, "nested.xml", (FIXTURES / "moodle-nested_categories_with_questions.xml").read_bytes()
        )
    }
    iota = versions["Iota Question"]
    assert (iota.text, iota.text_format) == ("<p>Testing Iota Question</p>", TextFormat.HTML)
    essay = versions["Kappa Essay Question"]  # questiontext format="moodle_auto_format"
    assert (essay.text, essay.text_format) == ("Testing Kappa Essay Question", TextFormat.PLAIN)


@pytest.mark.django_db
def test_gift_fixture_html_question_and_plain_answers():
    bank = factories.question_bank(name="GIFT")
    versions = {
        v.name: v for v in _import(bank, "q.gift.txt", (FIXTURES / "moodle-questions.gift.txt").read_bytes())
    }
    match = versions["Moodle activities"]
    assert match.text_format == TextFormat.HTML
    assert match.text == "Match the <b>activity</b> to the description."
    assert match.data["pairs"][0]["prompt"] == "An activity supporting asynchronous discussions."
    assert versions["Q2"].text_format == TextFormat.PLAIN


@pytest.mark.django_db
def test_hostile_moodle_xml_is_cleaned_on_import_and_attached_images_are_embedded():
    bank = factories.question_bank(name="恶意")
    (version,) = _import(bank, "evil.xml", _moodle_xml(HOSTILE))
    assert version.text_format == TextFormat.HTML
    for bad in GONE:
        assert bad not in version.text, bad
    for good in KEPT:
        assert good in version.text, good
    # Moodle's attached file becomes an embedded image; images from elsewhere lose their address.
    assert f'<img src="data:image/png;base64,{PNG}" alt="附图">' in version.text
    assert '<img alt="跟踪">' in version.text and '<img alt="坏图">' in version.text


@pytest.mark.django_db
def test_hostile_gift_html_is_cleaned_and_markdown_stays_text():
    bank = factories.question_bank(name="恶意 GIFT")
    hostile = HOSTILE.replace("{", "\\{").replace("}", "\\}").replace("=", "\\=").replace(":", "\\:")
    content = f"::恶意::[html]{hostile}{{}}\n\n::说明::[markdown]*重点* <b>不是HTML</b>{{}}\n".encode()
    evil, markdown = _import(bank, "evil.gift.txt", content)
    for bad in GONE:
        assert bad not in evil.text, bad
    assert "<sub>2</sub>" in evil.text and evil.text_format == TextFormat.HTML
    assert (markdown.text, markdown.text_format) == ("*重点* <b>不是HTML</b>", TextFormat.PLAIN)


@pytest.mark.django_db
def test_a_staff_edit_is_cleaned_too():
    question = factories.question(qtype=QuestionType.ESSAY, data={})
    version = services.question_revise(
        user=SYSTEM, question=question, name="编辑", text=HOSTILE, text_format=TextFormat.HTML, data={}
    )
    assert not any(bad in version.text for bad in GONE)
    assert "<b>表格</b>" in version.text
    # Saving the same edit again adds no version: the stored text is the cleaned one.
    assert (
        services.question_revise(
            user=SYSTEM, question=question, name="编辑", text=HOSTILE, text_format=TextFormat.HTML, data={}
        )
        == version
    )


def test_rendering():
    assert (
        richtext.render("x < 5 &\n<b>y</b>", TextFormat.PLAIN)
        == "<p>x &lt; 5 &amp;<br>&lt;b&gt;y&lt;/b&gt;</p>"
    )
    shown = richtext.render(HOSTILE, TextFormat.HTML)  # cleaned again when shown, whatever is stored
    assert not any(bad in shown for bad in GONE) and "<sub>2</sub>" in shown
    assert (
        richtext.html_to_text("<p>R&amp;D&nbsp;合同</p><p>第二段<br>第三行</p>") == "R&D 合同\n第二段\n第三行"
    )


@pytest.mark.django_db
def test_exam_review_and_staff_pages_show_html_and_escape_plain_text(client, settings):
    setup = exam_factories.exam_setup(types=[QuestionType.ESSAY])
    html = factories.question(qtype=QuestionType.ESSAY, data={}, text=HOSTILE, text_format=TextFormat.HTML)
    plain = factories.question(qtype=QuestionType.ESSAY, data={}, text="a < b\n<i>不是斜体</i>")
    section = setup.paper.sections.get()
    section.questions.set([html, plain])
    section.save()
    setup.paper.review_mode = "answers"
    setup.paper.review_after_close = False
    setup.paper.save()
    exam_factories.republish(setup.paper)  # trainees draw the questions a paper was approved with
    attempt = exams.attempt_start(paper=setup.paper, user=setup.trainee)
    registrar = course_factories.registrar()

    def check(page: str) -> None:
        # The styles that fit images and tables of HTML question text to the page, on every page showing it.
        assert 'href="/static/exams/question-text.css"' in page
        assert "<b>表格</b>" in page and "<sub>2</sub>" in page and "<th>条款</th>" in page
        assert "a &lt; b<br>&lt;i&gt;不是斜体&lt;/i&gt;" in page
        for bad in ("alert(", "onerror", "javascript:", "<iframe", "tracker.example.com"):
            assert bad not in page, bad

    client.force_login(setup.trainee)
    check(client.get(reverse("exams:attempt", args=[attempt.pk])).content.decode())
    exams.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    for item in attempt.items.all():
        exams.item_grade(item_id=item.pk, score=1, grader=registrar)
    check(client.get(reverse("exams:attempt_result", args=[attempt.pk])).content.decode())
    client.force_login(registrar)
    check(client.get(reverse("exams:staff_attempt", args=[attempt.pk])).content.decode())
    item = attempt.items.get(version__question=html)
    check(
        client.get(reverse("exams:staff_grade_item", args=[item.pk])).content.decode()
        + client.get(
            reverse("exams:staff_grade_item", args=[attempt.items.get(version__question=plain).pk])
        ).content.decode()
    )
