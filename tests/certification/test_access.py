"""Who may fetch a certificate's PDF and signed credential: the holder and certificate staff, nobody else."""

import hashlib

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from certification.models import RenderState
from tests.factories import certification as factories
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n% the frozen bytes of a certificate\n%%EOF\n"


@pytest.fixture
def rendered(certificate):
    certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(PDF_BYTES), save=False)
    certificate.pdf_sha256 = hashlib.sha256(PDF_BYTES).hexdigest()
    certificate.render_state = RenderState.DONE
    certificate.save(update_fields=["pdf", "pdf_sha256", "render_state"])
    return certificate


def _pdf(client, certificate):
    return client.get(reverse("certification:certificate_pdf", args=[certificate.pk]))


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_holder_downloads_the_same_bytes_every_time(client, rendered):
    client.force_login(rendered.user)

    first, second = _pdf(client, rendered), _pdf(client, rendered)

    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert f"{rendered.serial}.pdf" in first["Content-Disposition"]
    assert "no-store" in first["Cache-Control"]
    assert _body(first) == _body(second) == PDF_BYTES


def test_a_registrar_may_download_any_pdf(client, rendered, registrar):
    client.force_login(registrar)

    response = _pdf(client, rendered)

    assert response.status_code == 200
    assert _body(response) == PDF_BYTES


def test_another_trainee_gets_a_404(client, rendered):
    client.force_login(factories.trainee(real_name="李四"))

    assert _pdf(client, rendered).status_code == 404
    assert client.get(reverse("certification:certificate_credential", args=[rendered.pk])).status_code == 404


def test_an_instructor_is_not_certificate_staff(client, rendered):
    client.force_login(course_factories.instructor())

    assert _pdf(client, rendered).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, rendered):
    response = _pdf(client, rendered)

    assert response.status_code == 302
    assert PDF_BYTES not in response.content


def test_a_pdf_not_rendered_yet_is_a_404(client, certificate):
    client.force_login(certificate.user)

    assert _pdf(client, certificate).status_code == 404


def test_pdfs_are_stored_outside_the_public_media_folder(client, rendered, private_storage):  # noqa: F811
    path = rendered.pdf.path

    assert path.startswith(str(private_storage))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{rendered.pdf.name}").status_code == 404
    with pytest.raises(NotImplementedError):
        rendered.pdf.url  # noqa: B018 - a certificate PDF has no public URL


def test_the_default_private_folder_is_not_under_media_root():
    from django.core.files.storage import storages

    location = str(storages.create_storage(settings.STORAGES["certificates"]).location)

    assert not location.startswith(str(settings.MEDIA_ROOT))


def test_the_holder_downloads_the_signed_credential(client, certificate):
    client.force_login(certificate.user)

    response = client.get(reverse("certification:certificate_credential", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response.json() == certificate.credential


def test_my_certificates_page_lists_only_mine_with_progress_elsewhere(client, certificate, home):
    from cms.choices import Level
    from tests.factories import cms as cms_factories

    intermediate = cms_factories.program_page(home, title="中级技术经理人培训项目", level=Level.INTERMEDIATE)
    factories.rule(program=intermediate, course_selection="none", min_hours=64)
    other = factories.trainee(real_name="李四")
    factories.certificate(user=other, program=certificate.program)
    client.force_login(certificate.user)

    html = client.get(reverse("certification:holder_list")).content.decode()

    assert certificate.serial in html
    assert other.certificates.get().serial not in html
    assert "中级技术经理人培训项目" in html
    # A rule asking no particular course counts its own level's courses: the 48 hours of the primary
    # course do not count toward the intermediate certificate (one truth with eligibility, b793fe1).
    assert "学时 0/64" in html and "学时 48/64" not in html


def test_holder_pages_need_an_account(client, db):
    assert client.get(reverse("certification:holder_list")).status_code == 302


def test_sharing_can_only_be_changed_by_the_holder(client, certificate):
    client.force_login(factories.trainee(real_name="李四"))

    response = client.post(
        reverse("certification:certificate_sharing", args=[certificate.pk]), {"share_full_name": "on"}
    )

    certificate.refresh_from_db()
    assert response.status_code == 404
    assert not certificate.share_full_name
