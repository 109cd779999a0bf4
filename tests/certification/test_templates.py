"""Certificate designs: sandboxed template syntax, only the published version is used, review workflow."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from certification.models import CertificateTemplate
from certification.services import printing, rendering, templates
from core.guards import SYSTEM
from tests.certification.pdf_helpers import page_count
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories


def _context(**snapshot):
    from datetime import date

    return printing.printed_context(
        snapshot={"holder_name": "张赟", "verification_url": "https://example.org/verify/x/", **snapshot},
        issued_on=date(2026, 3, 1),
        expires_on=None,
        seal=None,
        signatures=(),
    )


@pytest.mark.parametrize(
    "body",
    [
        "{% load static %}{% static 'x.png' %}",
        "{% include 'base.html' %}",
        "{% extends 'base.html' %}",
        "{% debug %}",
        "{% url 'admin:index' %}",
        "{{ holder_name|nosuchfilter }}",
        "{% if %}",
    ],
)
def test_templates_that_reach_beyond_the_printed_data_or_do_not_compile_are_rejected(body):
    with pytest.raises(templates.TemplateRejected):
        templates.template_check(body=body, css="")


def test_the_shipped_default_design_passes_the_check():
    body, css = templates.default_template_source()
    templates.template_check(body=body, css=css)


def test_the_context_holds_plain_printed_data_only():
    html = printing._render_body(
        "{{ holder_name }}|{{ user.password }}|{{ certificate.user }}|{{ request }}|{{ settings.SECRET_KEY }}|"
        "{{ issued_on_zh }}|{{ issued_on_en }}",
        _context(),
    )
    assert html == "张赟|||||2026年3月1日|1 March 2026"


def test_printed_data_is_escaped():
    html = printing._render_body("{{ holder_name }}", _context(holder_name="<script>x</script>"))
    assert html == "&lt;script&gt;x&lt;/script&gt;"


def test_the_qr_code_is_an_exact_image_of_the_verification_url():
    """The PDF gets a PNG, one pixel per module, drawn without smoothing; ``qr_svg`` (older designs) is the same."""
    import base64
    import io
    import re

    import segno
    from PIL import Image

    context = _context()
    html = printing._render_body("{{ qr_code }}", context)
    assert printing._render_body("{{ qr_svg }}", context) == html
    assert "image-rendering:pixelated" in html
    data = re.search(r'src="data:image/png;base64,([^"]+)"', html)[1]
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("1")
    matrix = segno.make_qr(context["verification_url"], error="m", mask=0).matrix
    border = 2
    assert image.size == (len(matrix[0]) + 2 * border, len(matrix) + 2 * border)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            assert (image.getpixel((x + border, y + border)) == 0) == bool(dark), (x, y)


def test_model_validation_reports_a_rejected_template_on_the_html_field(db):
    template = CertificateTemplate(name="坏模板", body="{% load i18n %}", css="")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "body" in error.value.message_dict


@pytest.fixture
def certificate(trainee, program, rule, private_storage):
    return cert_factories.certificate(user=trainee, program=program)


def _design(name, *, live, program=None, marker):
    body, css = templates.default_template_source()
    return CertificateTemplate.objects.create(
        name=name, program=program, body=f"<p>{marker}</p>" + body, css=css, live=live
    )


def test_only_a_published_design_is_used_and_a_program_design_wins(certificate, program, home):
    CertificateTemplate.objects.all().delete()
    assert templates.template_for_program(program).version.startswith("default:")

    draft = _design("草稿", live=False, marker="DRAFT")
    assert templates.template_for_program(program).version.startswith("default:")

    general = _design("通用", live=True, marker="GENERAL")
    assert templates.template_for_program(program).version.startswith(f"{general.pk}:")

    own = _design("本项目", live=True, program=program, marker="OWN")
    source = templates.template_for_program(program)
    assert source.version.startswith(f"{own.pk}:")
    assert "OWN" in printing.certificate_document(certificate, source).body_html

    other_program = cms_factories.program_page(home, title="中级", level="intermediate", slug="intermediate")
    assert templates.template_for_program(other_program).version.startswith(f"{general.pk}:")
    assert draft.pk  # never chosen


def test_a_rendered_certificate_records_its_design_version(certificate, program):
    CertificateTemplate.objects.all().delete()
    design = _design("本项目", live=True, program=program, marker="OWN")
    rendered = rendering.certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert rendered.template_version == templates.template_for_program(program).version
    assert rendered.template_version.startswith(f"{design.pk}:")


def test_a_broken_live_design_fails_the_render_with_a_reason_instead_of_printing(certificate, program):
    CertificateTemplate.objects.all().delete()
    CertificateTemplate.objects.create(name="坏", body="{% include 'x.html' %}", css="", live=True)
    refused = rendering.certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert refused.render_state == "failed" and not refused.pdf
    assert "include" in refused.render_error


def test_preview_renders_a_sample_pdf_of_the_edited_design(db, django_user_model):
    body, css = templates.default_template_source()
    template = CertificateTemplate(name="预览", body=body, css=css)
    request = RequestFactory().get("/")
    request.user = django_user_model(is_superuser=True)
    response = template.serve_preview(request, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert page_count(response.content) == 1


def test_designs_go_through_registrar_review(db):
    from django.contrib.auth.models import Group

    from core.roles import REGISTRARS_GROUP

    workflow = templates.certificate_templates_setup()
    templates.certificate_templates_setup()  # idempotent
    template = CertificateTemplate.objects.create(name="新设计", body="<p>x</p>", css="", live=False)
    assert template.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [REGISTRARS_GROUP]
    registrars = Group.objects.get(name=REGISTRARS_GROUP)
    codenames = set(registrars.permissions.values_list("codename", flat=True))
    assert {
        "add_certificatetemplate",
        "change_certificatetemplate",
        "publish_certificatetemplate",
    } <= codenames


def test_the_admin_lists_and_edits_designs(admin_client):
    template = CertificateTemplate.objects.first()  # the default design, created by migration
    assert template is not None and template.live
    assert admin_client.get("/admin/snippets/certification/certificatetemplate/").status_code == 200
    response = admin_client.get(f"/admin/snippets/certification/certificatetemplate/edit/{template.pk}/")
    assert response.status_code == 200
