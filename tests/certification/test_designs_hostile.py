"""Hostile certificate designs: no construct, in any spelling, reads a file or fetches a URL.

A design is HTML and CSS a registrar edits in the admin; its preview is rendered by the web
process and, once published, by every worker. Here every scheme spelling WeasyPrint would accept
(it lower-cases the scheme and strips spaces and controls) is tried in every construct that
fetches: the form refuses the design naming the construct, the renderer refuses it again, and
even with those checks out of the way the URL fetcher hands WeasyPrint nothing but data: URIs,
so a canary file's content never reaches a PDF or the admin preview.
"""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from certification import designs, pdf
from certification.models import CertificateTemplate
from certification.services import rendering, templates
from core.guards import SYSTEM
from tests.certification.pdf_helpers import pdf_plain


@pytest.fixture
def canary(tmp_path):
    """A file that must never be read: its content is a fresh random marker."""
    marker = f"CANARY-{uuid.uuid4().hex}"
    path = tmp_path / "canary.txt"
    path.write_text(marker)
    return path, marker.encode()


def spellings(path) -> list[str]:
    """Every way of naming ``path`` (or a server) that a URL parser accepts."""
    absolute = str(path)
    return [
        f"file://{absolute}",
        f"FILE://{absolute}",
        f"FiLe://{absolute}",
        f" file://{absolute}",
        f"\tfile://{absolute}",
        f"\nFILE://{absolute}",
        f"\x01file://{absolute}",
        f"fi\tle://{absolute}",
        f"file:{absolute}",  # file:/tmp/…
        f"file://localhost{absolute}",
        "http://127.0.0.1:9/canary.txt",
        "HTTPS://127.0.0.1:9/canary.txt",
        "ftp://127.0.0.1:9/canary.txt",
        "canary.txt",  # relative: resolved against the base URL
        "./canary.txt",
        "//127.0.0.1:9/canary.txt",
    ]


def body_constructs(url: str) -> list[str]:
    return [
        f'<img src="{url}" alt="">',
        f'<link rel="attachment" href="{url}">',
        f'<link rel="stylesheet" href="{url}">',
        f'<a rel="attachment" href="{url}">附件</a>',
        f"<p style=\"background: url('{url}')\">x</p>",
        f'<style>@import "{url}";</style>',
        f"<style>p {{ background-image: url({url}) }}</style>",
        f'<object data="{url}"></object>',
        f'<embed src="{url}">',
        f'<iframe src="{url}"></iframe>',
        f'<svg><image href="{url}" width="10" height="10"/></svg>',
        f'<img srcset="{url} 1x" alt="">',
    ]


def css_constructs(url: str) -> list[str]:
    return [
        f'p {{ background: url("{url}") }}',
        f'@import url("{url}");',
        f'@font-face {{ font-family: "X"; src: url("{url}"); }}',
        f'h1::after {{ content: url("{url}") }}',
    ]


def _all_spellings_in_one_body(path) -> str:
    return "<p>证书</p>" + "".join(c for url in spellings(path) for c in body_constructs(url))


def test_the_design_form_refuses_every_construct_in_every_spelling(db, canary):
    path, _marker = canary
    for url in spellings(path):
        for body in body_constructs(url):
            with pytest.raises(templates.TemplateRejected) as refused:
                templates.template_check(body=f"<p>{{{{ holder_name }}}}</p>{body}", css="")
            assert refused.value.field == "body", body
        for css in css_constructs(url):
            with pytest.raises(templates.TemplateRejected) as refused:
                templates.template_check(body="<p>{{ holder_name }}</p>", css=css)
            assert refused.value.field == "css", css


def test_the_refusal_names_the_construct_in_the_registrars_language(db, canary):
    path, _marker = canary
    template = CertificateTemplate(
        name="坏设计",
        body=f'<link rel="attachment" href="FILE://{path}">',
        css="p { background: url(x.png) }",
    )
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        template.full_clean()
    message = " ".join(error.value.message_dict["body"])
    assert "<link>" in message and "证书设计" in message, message
    with translation.override("en"), pytest.raises(ValidationError) as error:
        CertificateTemplate(name="bad", body="<p>x</p>", css="p { background: url(x.png) }").full_clean()
    assert "url(x.png)" in error.value.message_dict["css"][0]
    assert "may not contain" in error.value.message_dict["css"][0]


def test_a_design_may_not_let_printed_data_become_markup(db):
    for body in ("{{ holder_name|safe }}", "{% autoescape off %}{{ holder_name }}{% endautoescape %}"):
        with pytest.raises(templates.TemplateRejected):
            templates.template_check(body=body, css="")
    # Markup built by template logic is seen once rendered.
    with pytest.raises(templates.TemplateRejected):
        templates.template_check(
            body='<{{ "link" }} rel="attachment" href="file:///proc/self/environ">', css=""
        )


def test_the_shipped_design_and_data_images_pass():
    body, css = templates.default_template_source()
    templates.template_check(body=body, css=css)
    ok = (
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt=""><img src="{{ seal_src }}">'
        '<a href="https://example.org/verify/">verify</a><svg><rect fill="url(#g)"/></svg>'
    )
    assert designs.inspect_design(body=ok, css='p { background: url("data:image/png;base64,AA") }') == []


def test_the_renderer_refuses_a_hostile_page_before_writing_it(canary):
    path, _marker = canary
    for url in spellings(path)[:3]:
        with pytest.raises(pdf.DesignRefused):
            pdf.renderer().write(
                f'<html><body><link rel="attachment" href="{url}"></body></html>', stylesheets=[]
            )
        with pytest.raises(pdf.DesignRefused):
            pdf.renderer().stylesheet(f'p {{ background: url("{url}") }}')


def test_the_fetcher_alone_keeps_every_spelling_out_of_the_pdf(canary):
    """With the design checks out of the way, WeasyPrint itself gets nothing but data: URIs."""
    path, marker = canary
    renderer = pdf.renderer()
    for base_url in ("about:blank", path.parent.as_uri() + "/"):
        html = f"<html><body>{_all_spellings_in_one_body(path)}</body></html>"
        data = HTML(string=html, url_fetcher=renderer.fetcher, base_url=base_url).write_pdf(
            font_config=renderer.font_config
        )
        assert marker not in pdf_plain(data), base_url
    for url in spellings(path):
        with pytest.raises(pdf.ResourceRefused):
            renderer.fetcher.fetch(url)


def test_a_certificate_with_a_hostile_live_design_is_not_printed(certificate, canary):
    path, marker = canary
    CertificateTemplate.objects.all().delete()
    CertificateTemplate.objects.create(
        name="坏",
        body=f'<p>{{{{ holder_name }}}}</p><link rel="attachment" href="FILE://{path}">',
        css="",
        live=True,
    )
    refused = rendering.certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert refused.render_state == "failed" and not refused.pdf
    assert "<link>" in refused.render_error


@pytest.fixture
def certificate(trainee, program, rule, private_storage):
    from tests.factories import certification as cert_factories

    return cert_factories.certificate(user=trainee, program=program)


def _form(body: str, css: str = "") -> dict:
    return {
        "name": "预览",
        "program": "",
        "body": body,
        "css": css,
        "signature_1_image": "",
        "signature_1_title": "",
        "signature_2_image": "",
        "signature_2_title": "",
    }


def test_the_admin_preview_of_an_unsaved_design_leaks_nothing(admin_client, canary):
    path, marker = canary
    url = reverse("wagtailsnippets_certification_certificatetemplate:preview_on_add")
    hostile = [
        _form(f'<p>{{{{ holder_name }}}}</p><link rel="attachment" href="FILE://{path}">'),
        _form(f'<p>{{{{ holder_name }}}}</p><img src=" file://{path}">'),
        _form("<p>{{ holder_name }}</p>", css=f'@import url("FiLe://{path}");'),
    ]
    for form in hostile:
        answer = admin_client.post(url, form).json()
        assert answer["is_valid"] is False, form
        response = admin_client.get(url, {"mode": "pdf"})
        assert marker not in pdf_plain(response.content)
    # The model's own preview of the same unsaved design (what the view calls once a form is valid).
    from django.test import RequestFactory

    for form in hostile:
        template = CertificateTemplate(name="预览", body=form["body"], css=form["css"])
        content = template.serve_preview(RequestFactory().get("/"), "pdf").content
        assert content.startswith(b"%PDF-") and marker not in pdf_plain(content)
