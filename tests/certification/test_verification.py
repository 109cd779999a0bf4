import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certification import services
from certification.models import RenderState

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n% a stand-in for a rendered certificate\n%%EOF\n"


def _page(client, certificate, **headers):
    return client.get(reverse("certification:verify_code", args=[certificate.verification_code]), **headers)


def test_the_qr_link_shows_the_public_facts_with_a_masked_name(client, certificate):
    response = _page(client, certificate)

    html = response.content.decode()
    assert response.status_code == 200
    assert "证书有效" in html
    assert certificate.serial in html
    assert "张*丰" in html
    assert "张三丰" not in html
    assert "初级技术经理人培训项目" in html
    assert "GJJS-2026-017" in html
    assert "48" in html
    assert certificate.snapshot["issued_on"] in html
    assert certificate.snapshot["expires_on"] in html
    assert 'name="robots" content="noindex"' in html


def test_the_public_page_never_shows_scores_identity_numbers_or_the_pdf(client, certificate, eligible):
    profile = eligible.trainee_profile
    profile.identity_number = "110101199003070015"
    profile.save()

    html = _page(client, certificate).content.decode()

    assert "110101199003070015" not in html
    assert "80" not in html.replace(certificate.serial, "")  # the exam percent
    assert "/pdf/" not in html
    assert eligible.username not in html
    assert eligible.email not in html


def test_the_holder_may_choose_to_show_the_full_name_and_hours(client, certificate, eligible):
    services.certificate_set_sharing(
        certificate=certificate, user=eligible, share_full_name=True, share_hours_detail=True
    )

    html = _page(client, certificate).content.decode()

    assert "张三丰" in html
    assert certificate.snapshot["courses"][0]["code"] in html


def test_only_the_holder_may_change_the_sharing(certificate, registrar):
    with pytest.raises(services.CertificationError):
        services.certificate_set_sharing(
            certificate=certificate, user=registrar, share_full_name=True, share_hours_detail=False
        )


def test_a_revocation_is_visible_with_its_reason(client, certificate, registrar):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="考试作弊")

    html = _page(client, certificate).content.decode()

    assert "该证书已被撤销" in html
    assert "考试作弊" in html
    assert "证书有效" not in html


def test_a_superseded_certificate_points_to_its_replacement(client, certificate, registrar):
    new = services.certificate_reissue(certificate=certificate, actor=registrar, reason="Name corrected")

    html = _page(client, certificate).content.decode()

    assert "该证书已被新证书替换" in html
    assert new.serial in html


def test_english_page(client, certificate):
    response = client.get(f"/en/verify/{certificate.verification_code}/")

    assert response.status_code == 200
    assert "Valid certificate" in response.content.decode()


def test_lookup_by_serial_shows_the_result_without_revealing_the_qr_link(client, certificate):
    response = client.get(reverse("certification:verify"), {"serial": certificate.serial.lower()})

    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.serial in html
    assert certificate.verification_code not in html


def test_unknown_serials_and_codes_get_a_clear_message(client, certificate):
    unknown = client.get(reverse("certification:verify"), {"serial": "TTA-1999-P-000001"})
    bad_code = client.get(reverse("certification:verify_code", args=["not-a-code"]))
    empty = client.get(reverse("certification:verify"), {"serial": ""})

    assert unknown.status_code == 404 and "没有与此编号对应的证书" in unknown.content.decode()
    assert bad_code.status_code == 404 and "不属于任何证书" in bad_code.content.decode()
    assert empty.status_code == 400


def _rendered(certificate, data=PDF_BYTES):
    certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(data), save=False)
    certificate.pdf_sha256 = hashlib.sha256(data).hexdigest()
    certificate.render_state = RenderState.DONE
    certificate.save(update_fields=["pdf", "pdf_sha256", "render_state"])
    return certificate


def test_an_unaltered_pdf_is_recognised(client, certificate):
    _rendered(certificate)

    response = client.post(
        reverse("certification:verify_pdf"),
        {"pdf": SimpleUploadedFile("c.pdf", PDF_BYTES, "application/pdf")},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "未经改动的副本" in html
    assert certificate.serial in html


def test_an_altered_pdf_is_refused(client, certificate):
    _rendered(certificate)
    altered = PDF_BYTES.replace(b"stand-in", b"stand-in!")

    response = client.post(
        reverse("certification:verify_pdf"), {"pdf": SimpleUploadedFile("c.pdf", altered, "application/pdf")}
    )

    assert response.status_code == 404
    assert "可能已被篡改" in response.content.decode()


def test_a_file_that_is_not_a_pdf_is_a_form_error_not_a_crash(client, certificate):
    response = client.post(
        reverse("certification:verify_pdf"), {"pdf": SimpleUploadedFile("c.pdf", b"hello", "application/pdf")}
    )
    missing = client.post(reverse("certification:verify_pdf"), {})

    assert response.status_code == 400 and "不是 PDF" in response.content.decode()
    assert missing.status_code == 400


# --- JSON API -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/api/v1/verify/", "/api/verify/"], ids=["v1", "legacy-alias"])
def test_api_single(client, certificate, prefix):
    response = client.get(f"{prefix}{certificate.serial}/")

    data = response.json()
    assert response.status_code == 200
    assert data["found"] is True
    public = data["certificate"]
    assert public["serial"] == certificate.serial
    assert public["status"] == "issued" and public["valid"] is True
    assert public["holder"] == "张*丰" and public["holder_name_masked"] is True
    assert public["accreditation_number"] == "GJJS-2026-017"
    assert set(public) == {
        "serial",
        "status",
        "valid",
        "status_label",
        "holder",
        "holder_name_masked",
        "program",
        "level",
        "hours",
        "issued_on",
        "expires_on",
        "issuer",
        "accreditation_number",
    }


def _error_code(response) -> str:
    """The API's error body: {"error": {"code", "message", "details"}}."""
    error = response.json()["error"]
    assert error["message"]
    return error["code"]


@pytest.mark.parametrize("prefix", ["/api/v1/verify/", "/api/verify/"], ids=["v1", "legacy-alias"])
def test_api_unknown_serial_is_a_404_with_a_json_error(client, db, prefix):
    response = client.get(f"{prefix}TTA-1999-P-000001/")

    assert response.status_code == 404
    assert _error_code(response) == "not_found"


def test_api_batch_keeps_the_order_and_reports_unknown_serials(client, certificate, registrar):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged")

    response = client.post(
        "/api/verify/",
        {"serials": ["NOPE-1", certificate.serial]},
        content_type="application/json",
    )

    results = response.json()["results"]
    assert response.status_code == 200
    assert results[0] == {"serial": "NOPE-1", "found": False}
    assert results[1]["certificate"]["status"] == "revoked"
    assert results[1]["certificate"]["valid"] is False
    assert results[1]["certificate"]["status_reason"] == "Forged"


@pytest.mark.parametrize(
    "body",
    [b"not json", b'{"serials": []}', b'{"serials": "TTA"}', b'{"serials": [1, 2]}', b"[]"],
    ids=["not-json", "empty", "string", "numbers", "list"],
)
def test_api_batch_bad_requests_are_400_with_a_message(client, db, body):
    response = client.post("/api/verify/", body, content_type="application/json")

    assert response.status_code == 400
    assert _error_code(response) in {"invalid", "parse_error"}


def test_api_batch_size_is_limited(client, db, settings):
    settings.TTA_VERIFY_BATCH_MAX = 3

    response = client.post("/api/verify/", {"serials": ["A", "B", "C", "D"]}, content_type="application/json")

    assert response.status_code == 400


def test_api_is_rate_limited_per_address(client, certificate, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 3

    statuses = [client.get(f"/api/verify/{certificate.serial}/").status_code for _ in range(4)]
    other_address = client.get(f"/api/verify/{certificate.serial}/", REMOTE_ADDR="10.1.2.3")
    batch = client.post(
        "/api/verify/",
        {"serials": [certificate.serial] * 3},
        content_type="application/json",
        REMOTE_ADDR="10.9.9.9",
    )
    batch_again = client.post(
        "/api/verify/",
        {"serials": [certificate.serial]},
        content_type="application/json",
        REMOTE_ADDR="10.9.9.9",
    )

    assert statuses == [200, 200, 200, 429]
    assert _error_code(client.get(f"/api/verify/{certificate.serial}/")) == "throttled"
    assert other_address.status_code == 200
    assert batch.status_code == 200
    assert batch_again.status_code == 429


def test_the_verification_pages_are_rate_limited_too(client, certificate, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 2

    statuses = [_page(client, certificate).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_the_issuer_publishes_its_public_key(client, db):
    from certification import credentials

    document = client.get("/.well-known/did.json").json()

    assert document["id"] == credentials.issuer_did()
    assert document["verificationMethod"][0]["publicKeyMultibase"] == credentials.public_key_multibase()
    assert document["assertionMethod"] == [credentials.verification_method_id()]
