"""Review 5: the editor's live preview (questions_admin:preview) of every type, with hostile option,
prompt, answer and template texts and a hostile question text in both formats: all of it stays text."""

import pytest

from tests.questions.test_admin import editorial, instructor  # noqa: F401  (fixtures)

H = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;</textarea></select>"
TEXT_HTML = '<p onclick="x()">Q<script>alert(3)</script><a href="javascript:alert(4)">l</a><img src="https://evil.example/t.png"><img src="javascript:alert(5)"></p>'


def rows(n, **fields):
    post = {"rows-TOTAL_FORMS": str(n), "rows-INITIAL_FORMS": "0"}
    for i in range(n):
        for k, v in fields.items():
            post[f"rows-{i}-{k}"] = v if k != "prompt" or i < n - 1 else ""
    return post


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["plain", "html"])
@pytest.mark.parametrize(
    "qtype,extra",
    [
        ("single_choice", rows(3, text=H, fraction="100")),
        ("multiple_choice", rows(3, text=H, fraction="50")),
        ("true_false", {"answers-correct": "true"}),
        ("short_answer", rows(1, text=H, fraction="1")),
        ("numerical", rows(1, value="1", tolerance="0", fraction="1")),
        ("matching", {**rows(3, prompt=H, answer=H), "rows-1-answer": H + "2", "rows-2-answer": H + "3"}),
        ("essay", {"answers-response_template": H}),
        ("case_analysis", {}),
    ],
)
def test_the_editors_preview_escapes_every_text(client, instructor, qtype, extra, fmt):  # noqa: F811
    client.force_login(instructor)
    resp = client.post(
        "/admin/question-files/preview/",
        {
            "qtype": qtype,
            "text": TEXT_HTML if fmt == "html" else H,
            "text_format": fmt,
            "default_points": "2.5",
            **extra,
        },
    )
    assert resp.status_code == 200, resp.content[:500]
    html = resp.content.decode()
    body = html.split("<fieldset")[1]
    assert (
        "<script" not in body
        and "onerror" not in body.replace("onerror=alert(2)&gt;", "")
        and "onclick" not in body
    )
    assert "javascript:" not in body and "evil.example" not in body
    assert "</textarea></select>" not in body
