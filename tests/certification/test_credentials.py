"""Signed credentials, checked offline by an independent implementation (Digital Bazaar's, from npm)."""

import copy
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from pyld import jsonld

from certification import credentials, services

VERIFIER_DIR = Path(__file__).resolve().parent / "js"


@pytest.fixture(scope="session")
def js_verifier():
    """``node verify.mjs`` with its npm packages installed (``./tta test`` runs ``npm ci``; so does this)."""
    node = shutil.which("node")
    assert node, "node is required for the credential verifier (installed by ./tta)"
    # The same stamp as ./tta's: installed from this package-lock.json, else (again) `npm ci`.
    lock_hash = hashlib.sha256((VERIFIER_DIR / "package-lock.json").read_bytes()).hexdigest()[:16]
    stamp = VERIFIER_DIR / "node_modules" / f".installed-{lock_hash}"
    if not stamp.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=VERIFIER_DIR, check=True, timeout=600)
        stamp.touch()

    def verify(*documents, status_lists: dict | None = None) -> list[dict]:
        """Verify offline; ``status_lists`` ({url: document}) is all the verifier can fetch."""
        payload = {
            "credentials": list(documents),
            "didDocument": credentials.did_document(),
            "contexts": {url: credentials.bundled_context(url) for url in credentials.BUNDLED_CONTEXTS},
            "statusLists": status_lists or {},
        }
        done = subprocess.run(
            [node, "verify.mjs"],
            cwd=VERIFIER_DIR,
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return json.loads(done.stdout)

    return verify


NOT_REVOKED = {"revocation": False, "suspension": False}


def served_status_lists(*documents) -> dict:
    """The status lists ``documents`` point to, as the site serves them now ({url: document})."""
    client = Client()
    lists = {}
    for document in documents:
        for entry in document["credentialStatus"]:
            url = entry["statusListCredential"]
            response = client.get(urlsplit(url).path)
            assert response.status_code == 200, url
            lists[url] = response.json()
    return lists


@pytest.mark.django_db
def test_a_certificates_credential_verifies_with_the_independent_implementation(certificate, js_verifier):
    document = credentials.credential_for(certificate)
    tampered_name = copy.deepcopy(document)
    tampered_name["credentialSubject"]["identifier"][0]["identityHash"] = "李四"
    tampered_expiry = copy.deepcopy(document)
    tampered_expiry["validUntil"] = "2099-01-01T00:00:00Z"
    tampered_proof = copy.deepcopy(document)
    tampered_proof["proof"]["created"] = "2020-01-01T00:00:00Z"

    results = js_verifier(
        document, tampered_name, tampered_expiry, tampered_proof, status_lists=served_status_lists(document)
    )

    assert results[0] == {"verified": True, "error": "", "status": NOT_REVOKED}, results[0]
    assert [r["verified"] for r in results[1:]] == [False, False, False]


@pytest.mark.django_db
def test_revocation_and_suspension_are_visible_offline(certificate, registrar, js_verifier):
    """The credential never changes; the status lists it points to do, and the verifier reads them."""
    document = certificate.credential
    served = {"before": served_status_lists(document)}
    services.certificate_suspend(certificate=certificate, actor=registrar, reason="Under review")
    served["suspended"] = served_status_lists(document)
    services.certificate_reinstate(certificate=certificate, actor=registrar)
    served["reinstated"] = served_status_lists(document)
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Exam misconduct")
    served["revoked"] = served_status_lists(document)

    results = {stage: js_verifier(document, status_lists=lists)[0] for stage, lists in served.items()}

    assert all(result["verified"] for result in results.values()), results
    assert {stage: result["status"] for stage, result in results.items()} == {
        "before": NOT_REVOKED,
        "suspended": {"revocation": False, "suspension": True},
        "reinstated": NOT_REVOKED,
        "revoked": {"revocation": True, "suspension": False},
    }


@pytest.mark.django_db
def test_a_tampered_or_missing_status_list_fails_offline(certificate, registrar, js_verifier):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Exam misconduct")
    document = certificate.credential
    served = served_status_lists(document)
    revocation_url = document["credentialStatus"][0]["statusListCredential"]
    cleared = copy.deepcopy(served)  # someone "un-revokes" the list without the issuer's key
    subject = cleared[revocation_url]["credentialSubject"]
    subject["encodedList"] = credentials.encode_bitstring(
        bytes(len(credentials.decode_bitstring(subject["encodedList"])))
    )
    missing = {url: list_ for url, list_ in served.items() if url != revocation_url}

    genuine, tampered, unavailable = (
        js_verifier(document, status_lists=lists)[0] for lists in (served, cleared, missing)
    )

    assert genuine["verified"] and genuine["status"]["revocation"] is True
    assert not tampered["verified"]
    assert "not verified" in tampered["error"], tampered
    assert not unavailable["verified"]


@pytest.mark.django_db
def test_the_credential_says_what_the_certificate_says(certificate):
    document = certificate.credential

    assert document["@context"] == [credentials.CREDENTIALS_V2, credentials.OPEN_BADGES_V3]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["issuer"]["id"] == credentials.issuer_did()
    assert document["id"].endswith(f"/verify/{certificate.verification_code}/")
    subject = document["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "张三丰"
    assert subject["achievement"]["humanCode"] == certificate.serial
    assert subject["creditsEarned"] == 48.0
    assert document["validUntil"].startswith(str(certificate.expires_at.year))
    assert document["proof"]["verificationMethod"] == credentials.verification_method_id()


@pytest.mark.django_db
def test_signing_is_deterministic_and_the_stored_credential_is_returned(certificate):
    position = credentials.status_position_of(certificate)
    fresh = credentials.sign(
        credentials.credential_document(certificate, status_position=position),
        created=document_created(certificate),
    )

    assert fresh == certificate.credential
    assert credentials.credential_for(certificate) == certificate.credential
    assert credentials.verify(certificate.credential)


def document_created(certificate):
    return certificate.credential["proof"]["created"]


@pytest.mark.django_db
def test_the_sites_own_verifier_refuses_tampering(certificate):
    tampered = copy.deepcopy(certificate.credential)
    tampered["credentialSubject"]["creditsEarned"] = 480.0

    assert not credentials.verify(tampered)


@pytest.mark.django_db
def test_a_reissue_gets_a_new_credential(certificate, registrar):
    new = services.certificate_reissue(certificate=certificate, actor=registrar, reason="Template changed")

    assert new.credential["proof"]["proofValue"] != certificate.credential["proof"]["proofValue"]
    assert credentials.verify(new.credential)


def test_the_document_loader_never_fetches_from_the_network():
    with pytest.raises(jsonld.JsonLdError):
        credentials.document_loader("https://example.org/context.jsonld")
    assert credentials.document_loader(credentials.CREDENTIALS_V2)["document"]["@context"]


def test_the_signing_key_comes_from_the_environment(settings):
    seed = bytes(range(32))
    settings.TTA_CREDENTIAL_SIGNING_KEY = credentials.secret_key_multibase(seed)

    public = credentials.public_key_multibase()

    assert public.startswith("z6Mk")
    assert credentials.signing_key().private_bytes_raw() == seed


def test_a_malformed_signing_key_is_refused(settings):
    settings.TTA_CREDENTIAL_SIGNING_KEY = "z" + credentials.base58btc_encode(b"\x00" * 34)

    with pytest.raises(credentials.CredentialError):
        credentials.signing_key()


def test_base58_round_trip():
    for data in [b"", b"\x00\x00abc", bytes(range(256))]:
        assert credentials.base58btc_decode(credentials.base58btc_encode(data)) == data


def test_did_web_for_a_host_with_a_port_and_a_path(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example.cn:8443/tta/"

    assert credentials.issuer_did() == "did:web:academy.example.cn%3A8443:tta"
