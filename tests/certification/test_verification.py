import hashlib
import re

import pytest
from django.core.exceptions import PermissionDenied
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
    # The exam percent as a number of its own (a nonce, digest or serial may hold the digits).
    assert not re.search(r"(?<![\w.])80(?![\w])", html)
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
    with pytest.raises(PermissionDenied):
        services.certificate_set_sharing(
            certificate=certificate, user=registrar, share_full_name=True, share_hours_detail=False
        )


def test_a_revocation_shows_the_public_note_never_the_internal_reason(client, certificate, registrar):
    services.certificate_revoke(
        certificate=certificate,
        actor=registrar,
        reason="考试作弊，举报人李四",
        public_note="因违反考试纪律被撤销",
    )

    html = _page(client, certificate).content.decode()
    api = client.get(f"/api/v1/verify/{certificate.serial}/", {"name": "张三丰"}).json()["certificate"]

    assert "该证书已被撤销" in html
    assert "因违反考试纪律被撤销" in html and api["public_note"] == "因违反考试纪律被撤销"
    assert "考试作弊" not in html and "考试作弊" not in str(api)
    assert "status_reason" not in api
    certificate.refresh_from_db()
    assert certificate.status_reason == "考试作弊，举报人李四"
    event = certificate.events.get(action="revoked")
    assert (event.reason, event.public_note) == ("考试作弊，举报人李四", "因违反考试纪律被撤销")


def test_a_revocation_without_a_public_note_shows_no_reason(client, certificate, registrar):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged exam result")

    html = _page(client, certificate).content.decode()
    api = client.get(f"/api/v1/verify/{certificate.serial}/", {"name": "张三丰"}).json()["certificate"]

    assert "该证书已被撤销" in html and api["status"] == "revoked"
    assert "Forged" not in html and "Forged" not in str(api)
    assert "public_note" not in api


def test_the_revoke_form_says_the_note_is_public_and_keeps_the_reason_internal(
    client, certificate, registrar
):
    client.force_login(registrar)
    url = reverse("certificate_manage_detail", args=[certificate.pk])

    form = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    response = client.post(
        url,
        {
            "action": "revoke",
            "reason": "代考",
            "public_note": "本证书已撤销，请以新证书为准",
            "confirmed": "1",
        },
    )

    assert 'name="public_note"' in form
    assert "任何核验此证书的人都会看到" in form  # "anyone who verifies this certificate will read this note"
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.status_reason) == ("revoked", "代考")
    assert certificate.public_note == "本证书已撤销，请以新证书为准"


def test_a_superseded_certificate_points_to_its_replacement(client, certificate, registrar):
    new = services.certificate_reissue(certificate=certificate, actor=registrar, reason="Name corrected")

    html = _page(client, certificate).content.decode()

    assert "该证书已被新证书替换" in html
    assert new.serial in html


def test_english_page(client, certificate):
    response = client.get(f"/en/verify/{certificate.verification_code}/")

    assert response.status_code == 200
    assert "Valid certificate" in response.content.decode()


def _by_serial(client, serial, name, **extra):
    return client.post(reverse("certification:verify"), {"serial": serial, "name": name}, **extra)


def test_lookup_by_serial_shows_the_result_without_revealing_the_qr_link(client, certificate):
    response = _by_serial(client, certificate.serial.lower(), "张三丰")

    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.serial in html and "证书有效" in html
    assert certificate.verification_code not in html


def test_lookup_by_serial_needs_the_holder_s_printed_name(client, certificate):
    without_name = client.post(reverse("certification:verify"), {"serial": certificate.serial})
    by_get = client.get(reverse("certification:verify"), {"serial": certificate.serial})

    assert without_name.status_code == 400
    assert by_get.status_code == 200 and "证书有效" not in by_get.content.decode()  # fills the form in only
    assert certificate.serial not in without_name.content.decode().replace(
        f'value="{certificate.serial}"', ""
    )


@pytest.mark.parametrize("name", ["张三丰", " 张 三丰 ", "张三丰\u3000"])
def test_the_name_is_compared_as_printed_ignoring_spaces(client, certificate, name):
    assert _by_serial(client, certificate.serial, name).status_code == 200


@pytest.mark.parametrize(
    "name", ["张", "张三", "张*丰", "李四", "x"], ids=["surname", "part", "masked", "other", "x"]
)
def test_a_wrong_name_answers_exactly_like_an_unknown_serial(client, certificate, name):
    wrong = _by_serial(client, certificate.serial, name)
    unknown = _by_serial(client, "TTA-1999-P-000001", name)

    def visible(response, serial):
        return response.content.decode().replace(serial, "SERIAL")

    assert wrong.status_code == unknown.status_code == 404
    assert "没有与此编号和姓名相符的证书" in wrong.content.decode()
    assert _csrf_free(visible(wrong, certificate.serial)) == _csrf_free(visible(unknown, "TTA-1999-P-000001"))


def _csrf_free(html: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_unknown_serials_and_codes_get_a_clear_message(client, certificate):
    unknown = _by_serial(client, "TTA-1999-P-000001", "张三丰")
    bad_code = client.get(reverse("certification:verify_code", args=["not-a-code"]))
    empty = _by_serial(client, "", "张三丰")

    assert unknown.status_code == 404 and "没有与此编号和姓名相符的证书" in unknown.content.decode()
    assert bad_code.status_code == 404 and "不属于任何证书" in bad_code.content.decode()
    assert empty.status_code == 400


def test_the_serial_form_in_english(client, certificate):
    response = client.post("/en/verify/", {"serial": certificate.serial, "name": "Nobody"})

    assert response.status_code == 404
    assert "No certificate matches this serial number and name" in response.content.decode()


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


class ExplodingInput:
    """A request body that must not be read."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_an_oversized_upload_is_refused_from_its_declared_size_without_reading_it(client, certificate):
    response = client.post(
        reverse("certification:verify_pdf"),
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(20 * 1024 * 1024),
        **{"wsgi.input": ExplodingInput()},
    )
    english = client.post(
        "/en/verify/pdf/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(20 * 1024 * 1024),
        **{"wsgi.input": ExplodingInput()},
    )

    assert response.status_code == 413
    assert "文件太大" in response.content.decode() and "2 MB" in response.content.decode()
    assert english.status_code == 413 and "too large to be a certificate" in english.content.decode()


def test_an_upload_is_stopped_once_it_passes_the_limit_whatever_its_declared_size(
    client, certificate, monkeypatch
):
    from certification.views import verification

    monkeypatch.setattr(verification, "MAX_PDF_REQUEST_BYTES", 10**9)  # as if the size were not declared
    big = b"%PDF-1.7\n" + b"0" * (verification.MAX_PDF_BYTES + 1)

    response = client.post(
        reverse("certification:verify_pdf"), {"pdf": SimpleUploadedFile("c.pdf", big, "application/pdf")}
    )

    assert response.status_code == 413
    assert "文件太大" in response.content.decode()


def test_uploads_are_rate_limited_before_they_are_read(client, certificate, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 1
    _rendered(certificate)
    first = client.post(
        reverse("certification:verify_pdf"),
        {"pdf": SimpleUploadedFile("c.pdf", PDF_BYTES, "application/pdf")},
    )

    second = client.post(
        reverse("certification:verify_pdf"),
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="1000",
        **{"wsgi.input": ExplodingInput()},
    )

    assert first.status_code == 200
    assert second.status_code == 429


# --- JSON API -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/api/v1/verify/", "/api/verify/"], ids=["v1", "legacy-alias"])
def test_api_single(client, certificate, prefix):
    response = client.get(f"{prefix}{certificate.serial}/", {"name": "张三丰"})

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
    response = client.get(f"{prefix}TTA-1999-P-000001/", {"name": "张三丰"})

    assert response.status_code == 404
    assert _error_code(response) == "not_found"


@pytest.mark.parametrize("prefix", ["/api/v1/verify/", "/api/verify/"], ids=["v1", "legacy-alias"])
def test_api_a_serial_alone_is_not_enough(client, certificate, prefix):
    without = client.get(f"{prefix}{certificate.serial}/")
    wrong = client.get(f"{prefix}{certificate.serial}/", {"name": "张"})
    unknown = client.get(f"{prefix}TTA-1999-P-000001/", {"name": "张"})
    batch = client.post(prefix, {"serials": [certificate.serial]}, content_type="application/json")

    assert without.status_code == 400 and list(without.json()["error"]["details"]) == ["name"]
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert batch.status_code == 400 and list(batch.json()["error"]["details"]) == ["certificates"]


@pytest.mark.parametrize("prefix", ["/api/v1/verify/", "/api/verify/"], ids=["v1", "legacy-alias"])
def test_api_batch_keeps_the_order_and_answers_wrong_names_like_unknown_serials(
    client, certificate, registrar, prefix
):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged", public_note="撤销")

    response = client.post(
        prefix,
        {
            "certificates": [
                {"serial": "NOPE-1", "name": "张三丰"},
                {"serial": certificate.serial.lower(), "name": "张三丰"},
                {"serial": certificate.serial, "name": "李四"},
            ]
        },
        content_type="application/json",
    )

    results = response.json()["results"]
    assert response.status_code == 200
    assert results[0] == {"serial": "NOPE-1", "found": False}
    assert results[1]["certificate"]["status"] == "revoked"
    assert results[1]["certificate"]["valid"] is False
    assert results[1]["certificate"]["public_note"] == "撤销"
    assert "Forged" not in str(results)
    assert results[2] == {"serial": certificate.serial, "found": False}


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"certificates": []}',
        b'{"certificates": "TTA"}',
        b'{"certificates": [{"serial": 1, "name": "x"}]}',
        b'{"certificates": [{"serial": "TTA"}]}',
        b'{"serials": ["TTA"]}',
        b"[]",
    ],
    ids=["not-json", "empty", "string", "number", "no-name", "serials-alone", "list"],
)
def test_api_batch_bad_requests_are_400_with_a_message(client, db, body):
    response = client.post("/api/verify/", body, content_type="application/json")

    assert response.status_code == 400
    assert _error_code(response) in {"invalid", "parse_error"}


def test_api_batch_size_is_limited(client, db, settings):
    settings.TTA_VERIFY_BATCH_MAX = 3
    claims = [{"serial": serial, "name": "x"} for serial in "ABCD"]

    response = client.post("/api/verify/", {"certificates": claims}, content_type="application/json")

    assert response.status_code == 400


def test_api_is_rate_limited_per_address(client, certificate, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 3
    url = f"/api/verify/{certificate.serial}/"
    claims = [{"serial": certificate.serial, "name": "张三丰"}]

    statuses = [client.get(url, {"name": "张三丰"}).status_code for _ in range(4)]
    other_address = client.get(url, {"name": "张三丰"}, REMOTE_ADDR="10.1.2.3")
    batch = client.post(
        "/api/verify/", {"certificates": claims * 3}, content_type="application/json", REMOTE_ADDR="10.9.9.9"
    )
    batch_again = client.post(
        "/api/verify/", {"certificates": claims}, content_type="application/json", REMOTE_ADDR="10.9.9.9"
    )

    assert statuses == [200, 200, 200, 429]
    assert _error_code(client.get(url, {"name": "张三丰"})) == "throttled"
    assert other_address.status_code == 200
    assert batch.status_code == 200
    assert batch_again.status_code == 429


def test_ipv6_clients_are_limited_per_64_and_ipv4_per_address(client, certificate, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 2

    def page(address):
        return _page(client, certificate, REMOTE_ADDR=address).status_code

    same_64 = [page("2001:db8:1:2::1"), page("2001:db8:1:2:ffff::9"), page("2001:db8:1:2:abcd:1:2:3")]
    next_64 = page("2001:db8:1:3::1")
    mapped = [page("::ffff:192.0.2.7"), page("192.0.2.7"), page("192.0.2.8")]

    assert same_64 == [200, 200, 429]
    assert next_64 == 200
    assert mapped == [200, 200, 200]
    assert page("192.0.2.7") == 429


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
