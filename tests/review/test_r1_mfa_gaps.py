# ruff: noqa: F811
"""Review r1: a registrar who has only passed the password step (no TOTP in this session) reaches
every trainee's certificate PDF and signed credential, which lived outside the MFA-gated prefixes
(courses/accounts/mfa.py STAFF_PATH_PREFIXES; /certificates/ is one of them now)."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from certification.models import RenderState
from tests.certification.conftest import (  # noqa: F401
    certificate,
    courses,
    eligible,
    registrar,
    rule,
    trainee,
    training_base,
)

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n% certificate\n%%EOF\n"


@pytest.fixture
def rendered(certificate):  # noqa: F811
    certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(PDF_BYTES), save=False)
    certificate.pdf_sha256 = hashlib.sha256(PDF_BYTES).hexdigest()
    certificate.render_state = RenderState.DONE
    certificate.save(update_fields=["pdf", "pdf_sha256", "render_state"])
    return certificate


def test_the_records_pages_do_ask_for_the_second_factor(client, registrar):  # noqa: F811
    client.force_login(registrar, mfa=False)
    assert client.get(reverse("accounts:records_index")).status_code == 302


def test_a_registrar_without_the_second_factor_cannot_download_a_trainees_pdf(client, rendered, registrar):  # noqa: F811
    client.force_login(registrar, mfa=False)
    response = client.get(reverse("certification:certificate_pdf", args=[rendered.pk]))
    assert response.status_code != 200


def test_a_registrar_without_the_second_factor_cannot_fetch_a_trainees_credential(
    client, rendered, registrar
):  # noqa: F811
    client.force_login(registrar, mfa=False)
    response = client.get(reverse("certification:certificate_credential", args=[rendered.pk]))
    assert response.status_code != 200
