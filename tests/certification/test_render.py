"""Rendering a certificate: stored once, hashed, frozen; rare names print or are refused."""

import hashlib
import json

import pytest
from django.db import transaction
from django.urls import reverse

from certification import pdf
from certification.credentials import credential_for
from certification.models import Certificate, RenderState
from certification.services.rendering import certificate_render
from certification.services.templates import template_for_program
from core.guards import SYSTEM
from tests.certification.pdf_helpers import page_count, pdf_plain
from tests.factories import certification as cert_factories
from tests.waiting import wait_for


@pytest.fixture
def certificate(trainee, program, rule, private_storage):
    return cert_factories.certificate(user=trainee, program=program)


def _stored(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def test_render_stores_the_pdf_with_its_hash_template_version_and_credential(certificate):
    certificate = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)

    assert certificate.render_state == RenderState.DONE and certificate.render_error == ""
    content = _stored(certificate)
    assert hashlib.sha256(content).hexdigest() == certificate.pdf_sha256
    assert certificate.pdf.name.endswith(f"{certificate.serial}.pdf")
    # The published design (the default one, created by migration) and its content version.
    assert certificate.template_version == template_for_program(certificate.program).version
    assert page_count(content) == 1
    assert len(content) < 150_000
    plain = pdf_plain(content)
    assert b"credential.json" in plain
    embedded = json.dumps(credential_for(certificate), ensure_ascii=False, sort_keys=True, indent=2).encode()
    assert embedded in plain
    assert certificate.verification_code.encode() in plain  # the QR's URL in the credential


def test_rendering_again_is_a_no_op_and_the_bytes_never_change(certificate, monkeypatch):
    first = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    before = _stored(first)

    def must_not_render(document):
        raise AssertionError("a rendered certificate was rendered again")

    monkeypatch.setattr(pdf, "render_certificate_pdf", must_not_render)
    second = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert second.pdf.name == first.pdf.name
    assert _stored(second) == before


def test_downloading_twice_gives_the_same_bytes(certificate, client):
    certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    client.force_login(certificate.user)
    url = reverse("certification:certificate_pdf", args=[certificate.pk])
    first = b"".join(client.get(url).streaming_content)
    second = b"".join(client.get(url).streaming_content)
    assert first == second
    assert hashlib.sha256(first).hexdigest() == Certificate.objects.get(pk=certificate.pk).pdf_sha256


def test_a_lost_file_is_rendered_again_to_the_very_same_bytes(certificate):
    rendered = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    original = _stored(rendered)
    rendered.pdf.storage.delete(rendered.pdf.name)

    again = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert _stored(again) == original
    assert again.pdf_sha256 == hashlib.sha256(original).hexdigest()


def test_an_altered_file_is_replaced_by_the_frozen_rendering(certificate):
    rendered = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    original = _stored(rendered)
    with open(rendered.pdf.path, "wb") as handle:
        handle.write(b"%PDF-1.7 forged")
    again = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert _stored(again) == original


@pytest.mark.parametrize("name", ["王喆堃", "李䶮", "张赟", "𠮷田", "欧阳玥珺"])
def test_names_outside_gb2312_render(name, program, rule, private_storage):
    holder = cert_factories.trainee(real_name=name, username=f"u{ord(name[-1])}")
    certificate = cert_factories.certificate(user=holder, program=program)
    rendered = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert rendered.render_state == RenderState.DONE, rendered.render_error
    assert rendered.snapshot["holder_name"] == name


def test_a_name_no_font_can_print_is_refused_with_a_chinese_error(program, rule, private_storage):
    # Issuing refuses such a name (test_issue.py); this is the render-time guard for a certificate
    # issued while a font that covered it was configured, and rendered after it was removed.
    holder = cert_factories.trainee(real_name="王一", username="zhe")
    certificate = cert_factories.certificate(user=holder, program=program)
    Certificate.objects.filter(pk=certificate.pk).update(
        snapshot={**certificate.snapshot, "holder_name": "王𪚥"}
    )

    refused = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)

    assert refused.render_state == RenderState.FAILED
    assert not refused.pdf and not refused.pdf_sha256
    assert "𪚥" in refused.render_error and "U+2A6A5" in refused.render_error
    assert "无法打印" in refused.render_error  # in Chinese, for staff


def test_the_task_is_queued_on_commit_and_rendered_by_a_real_worker(
    certificates_worker, trainee, program, rule
):
    with transaction.atomic():
        certificate = cert_factories.certificate(user=trainee, program=program)
        assert Certificate.objects.get(pk=certificate.pk).render_state == RenderState.PENDING

    assert wait_for(
        lambda: Certificate.objects.get(pk=certificate.pk).render_state != RenderState.PENDING, timeout=60
    )
    certificate.refresh_from_db()
    assert certificate.render_state == RenderState.DONE, certificate.render_error
    assert hashlib.sha256(_stored(certificate)).hexdigest() == certificate.pdf_sha256


def _png(color) -> bytes:
    import io

    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 120), color).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_seal_and_signatures_are_printed_as_images(certificate, home):
    from django.core.files.base import ContentFile
    from wagtail.images.models import Image
    from wagtail.models import Site

    from certification.models import CertificateTemplate
    from certification.services.printing import certificate_document
    from certification.services.templates import default_template_source
    from cms.models import TrainingBaseSettings

    seal = Image.objects.create(title="公章", file=ContentFile(_png("red"), name="seal.png"))
    signature = Image.objects.create(title="签名", file=ContentFile(_png("blue"), name="sign.png"))
    base = TrainingBaseSettings.for_site(Site.objects.get(is_default_site=True))
    base.seal = seal
    base.save()
    body, css = default_template_source()
    CertificateTemplate.objects.all().delete()
    CertificateTemplate.objects.create(
        name="带签名", body=body, css=css, live=True, signature_1_image=signature, signature_1_title="主任"
    )

    document = certificate_document(certificate, template_for_program(certificate.program))
    # The seal, the signature and the QR code (see test_templates.py for the code itself).
    assert document.body_html.count('src="data:image/png;base64,') == 3
    assert document.body_html.count('class="qr-code"') == 1
    rendered = certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    assert pdf_plain(_stored(rendered)).count(b"/Subtype /Image") >= 3


def test_a_render_that_never_finishes_is_requeued_a_bounded_number_of_times(certificate, settings):
    """Each requeue is a new message, so only a count per certificate stops a render that kills its
    worker every time (out of memory, say) from being queued forever."""
    from unittest import mock

    from django.core.cache import cache

    from certification.services.rendering import certificate_render_requeue_stale

    settings.TTA_RENDER_MAX_REQUEUES = 2
    cache.delete(f"certificate-render-requeues:{certificate.verification_code}")
    with mock.patch("certification.tasks.certificate_render_task.delay") as delay:
        assert certificate_render_requeue_stale(actor=SYSTEM, older_than_seconds=0) == 1
        assert certificate_render_requeue_stale(actor=SYSTEM, older_than_seconds=0) == 1
        assert certificate_render_requeue_stale(actor=SYSTEM, older_than_seconds=0) == 0
    assert delay.call_count == 2
    certificate.refresh_from_db()
    assert certificate.render_state == RenderState.FAILED
    assert "3" in certificate.render_error and "模板" in certificate.render_error


def test_rendering_locks_only_the_certificate_row(certificate):
    """A render holds its lock for the whole render (~50 ms). Locking the joined program row too (a bare
    select_for_update with select_related) made every concurrent issue of that program wait at COMMIT
    (its foreign-key check needs the program row): two worker processes ran one at a time.
    On SQLite no FOR UPDATE is sent at all; PostgreSQL (CI) checks the clause."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        certificate_render(actor=SYSTEM, certificate_id=certificate.pk)
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    assert all('FOR UPDATE OF "certification_certificate"' in sql for sql in locking), locking
    if connection.vendor == "postgresql":
        assert locking
