"""Status lists: every certificate has a position, and its bits change with its status, atomically.

The offline check of the published lists by Digital Bazaar's verifier is in test_credentials.py.
"""

import copy
import importlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from certification import credentials, serials, services
from certification.models import (
    STATUS_LIST_SIZE,
    Certificate,
    CertificateStatus,
    CertificateStatusEntry,
    SerialCounter,
    StatusList,
)
from certification.services import status_lists
from core.guards import SYSTEM
from tests.concurrency import run_concurrently
from tests.factories import certification as factories

# The W3C specification's example of an empty 16 KB list (its own compressor, not ours).
SPEC_EMPTY_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"


def bits_of(certificate) -> dict[str, bool]:
    """The certificate's bit in each list, as committed to (or pending in) the database now."""
    entry = CertificateStatusEntry.objects.get(certificate=certificate)
    return {
        row.purpose: credentials.bit_is_set(bytes(row.bits), entry.index)
        for row in StatusList.objects.filter(number=entry.list_number)
    }


CLEAR = {"revocation": False, "suspension": False}
REVOKED = {"revocation": True, "suspension": False}
SUSPENDED = {"revocation": False, "suspension": True}


def served(client, purpose: str, certificate=None, *, number: int | None = None):
    """The list of ``purpose`` that ``certificate`` is in (or list ``number``), as the site serves it."""
    number = number or certificate.status_entry.list_number
    return client.get(reverse("certification_api:credential_status_list", args=[purpose, number]))


def test_bit_order_and_encoding_follow_the_specification():
    assert credentials.decode_bitstring(SPEC_EMPTY_LIST) == bytes(STATUS_LIST_SIZE // 8)

    bits = credentials.with_bit(credentials.with_bit(bytes(2), 0, True), 9, True)
    assert bits == b"\x80\x40"  # index 0: left-most bit of the first byte
    assert credentials.with_bit(bits, 0, False) == b"\x00\x40"

    encoded = credentials.encode_bitstring(bytes(STATUS_LIST_SIZE // 8))
    assert encoded.startswith("u") and "=" not in encoded and "+" not in encoded and "/" not in encoded
    assert credentials.decode_bitstring(encoded) == bytes(STATUS_LIST_SIZE // 8)
    assert credentials.encode_bitstring(bytes(16)) == credentials.encode_bitstring(bytes(16))  # deterministic


@pytest.mark.django_db
def test_each_credential_points_to_its_position_in_both_lists(certificate):
    entry = certificate.status_entry
    statuses = certificate.credential["credentialStatus"]

    assert [s["statusPurpose"] for s in statuses] == ["revocation", "suspension"]
    for status in statuses:
        assert status["type"] == "BitstringStatusListEntry"
        assert status["statusListIndex"] == str(entry.index)
        assert status["statusListCredential"].endswith(
            f"/credentials/status/{status['statusPurpose']}/{entry.list_number}/"
        )
        assert status["id"] == f"{status['statusListCredential']}#{entry.index}"
    assert credentials.verify(certificate.credential)
    assert bits_of(certificate) == CLEAR


@pytest.mark.django_db
def test_the_served_list_is_signed_complete_current_and_briefly_cached(client, certificate, registrar):
    index = certificate.status_entry.index
    before = served(client, "revocation", certificate)

    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Exam misconduct")
    after = served(client, "revocation", certificate)

    assert before.status_code == after.status_code == 200
    assert after["Content-Type"].startswith("application/ld+json")
    assert after["Cache-Control"] == f"public, max-age={credentials.STATUS_LIST_TTL_SECONDS}"
    for response, revoked in [(before, False), (after, True)]:
        document = response.json()
        assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        assert document["issuer"] == certificate.credential["issuer"]["id"]
        subject = document["credentialSubject"]
        assert subject["type"] == "BitstringStatusList"
        assert subject["statusPurpose"] == "revocation"
        bits = credentials.decode_bitstring(subject["encodedList"])
        assert len(bits) * 8 == STATUS_LIST_SIZE
        assert credentials.bit_is_set(bits, index) is revoked
        assert credentials.verify(document)
    assert (
        served(client, "suspension", certificate).json()["credentialSubject"]["statusPurpose"] == "suspension"
    )


@pytest.mark.django_db
def test_a_cached_signed_list_is_never_stale(client, certificate):
    entry = certificate.status_entry
    served(client, "revocation", certificate)  # signed and cached
    # As after restoring a backup: other bits under the same version number.
    StatusList.objects.filter(number=entry.list_number, purpose="revocation").update(
        bits=credentials.with_bit(bytes(STATUS_LIST_SIZE // 8), entry.index, True)
    )

    document = served(client, "revocation", certificate).json()

    assert credentials.bit_is_set(
        credentials.decode_bitstring(document["credentialSubject"]["encodedList"]), entry.index
    )
    assert credentials.verify(document)


@pytest.mark.django_db
def test_a_tampered_or_unknown_list_is_refused(client, certificate):
    document = served(client, "revocation", certificate).json()
    tampered = copy.deepcopy(document)
    tampered["credentialSubject"]["encodedList"] = credentials.encode_bitstring(
        credentials.with_bit(bytes(STATUS_LIST_SIZE // 8), 5, True)
    )

    assert credentials.verify(document)
    assert not credentials.verify(tampered)
    assert served(client, "revocation", number=certificate.status_entry.list_number + 1).status_code == 404
    assert served(client, "expiry", certificate).status_code == 404


class Rollback(Exception):
    pass


@pytest.mark.django_db
def test_the_bits_change_in_the_same_transaction_as_the_status(certificate, registrar):
    with pytest.raises(Rollback), transaction.atomic():
        services.certificate_revoke(certificate=certificate, actor=registrar, reason="Exam misconduct")
        assert bits_of(certificate) == REVOKED  # before commit: not left to an on_commit hook
        raise Rollback

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert bits_of(certificate) == CLEAR


@pytest.mark.django_db
def test_a_revoke_that_fails_leaves_the_bit_clear(certificate, registrar, monkeypatch):
    def broken_notify(**kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr("certification.services.lifecycle.certificate_notify", broken_notify)

    with pytest.raises(RuntimeError):
        services.certificate_revoke(certificate=certificate, actor=registrar, reason="Exam misconduct")

    assert Certificate.objects.get(pk=certificate.pk).status == CertificateStatus.ISSUED
    assert bits_of(certificate) == CLEAR


@pytest.mark.django_db
def test_the_bits_follow_suspension_reinstatement_reissue_and_revocation(certificate, registrar):
    services.certificate_suspend(certificate=certificate, actor=registrar, reason="Under review")
    assert bits_of(certificate) == SUSPENDED
    services.certificate_reinstate(certificate=certificate, actor=registrar)
    assert bits_of(certificate) == CLEAR

    new = services.certificate_reissue(certificate=certificate, actor=registrar, reason="Name corrected")
    assert bits_of(certificate) == REVOKED  # superseded: the old credential no longer passes
    assert bits_of(new) == CLEAR
    assert new.status_entry.index != certificate.status_entry.index

    services.certificate_suspend(certificate=new, actor=registrar, reason="Under review")
    services.certificate_revoke(certificate=new, actor=registrar, reason="Exam misconduct")
    assert bits_of(new) == REVOKED  # revoked while suspended: the suspension is over


@pytest.mark.django_db
def test_expiry_sets_no_bit_and_ends_a_suspension(certificate, registrar):
    services.certificate_suspend(certificate=certificate, actor=registrar, reason="Under review")
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    services.certificate_expire_due(actor=SYSTEM)

    assert Certificate.objects.get(pk=certificate.pk).status == CertificateStatus.EXPIRED
    assert bits_of(certificate) == CLEAR  # the credential's validUntil says it has expired


def _advance_position_counter(to: int) -> None:
    """The next position drawn will be ``to`` (PostgreSQL sequence or SQLite counter row)."""
    serials.next_number(pattern=status_lists.POSITION_COUNTER, year=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            name = serials.sequence_name(status_lists.POSITION_COUNTER, 0)
            cursor.execute("SELECT setval(%s, %s)", [name, to])
    else:
        SerialCounter.objects.filter(pattern=status_lists.POSITION_COUNTER, year=0).update(value=to)


@pytest.mark.django_db
def test_positions_are_unique_and_a_full_list_starts_a_new_one(certificate, program):
    _advance_position_counter(STATUS_LIST_SIZE - 1)
    issued = [
        services.certificate_issue(
            actor=SYSTEM, user=factories.trainee(real_name=name), program=program, check_eligibility=False
        ).certificate
        for name in ["李四", "王五"]
    ]

    positions = [(c.status_entry.list_number, c.status_entry.index) for c in issued]
    assert positions == [(1, STATUS_LIST_SIZE - 1), (2, 0)]
    assert (
        issued[1]
        .credential["credentialStatus"][0]["statusListCredential"]
        .endswith("/credentials/status/revocation/2/")
    )
    assert StatusList.objects.filter(number=2).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateStatusEntry.objects.create(certificate=issued[0], list_number=1, index=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_issues_draw_distinct_positions():
    """Six connections draw positions at the same moment, each in its own transaction."""
    threads_count = 6

    def draw(_):
        with transaction.atomic():
            return status_lists.status_position_allocate()

    positions = run_concurrently(draw, threads_count)
    assert len(set(positions)) == threads_count
    # Each list drawn from exists once per purpose (on PostgreSQL the position sequence outlives
    # earlier tests, one of which fills list 1: these draws may land in a later list).
    for number in {number for number, _index in positions}:
        assert StatusList.objects.filter(number=number).count() == 2


@pytest.mark.django_db
def test_the_data_migration_gives_existing_certificates_a_position_and_a_status(
    certificate, registrar, program
):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Exam misconduct")
    # As before status lists: no entry, no bit, a credential without credentialStatus.
    CertificateStatusEntry.objects.all().delete()
    StatusList.objects.all().delete()
    old = {
        key: value
        for key, value in certificate.credential.items()
        if key not in ("proof", "credentialStatus")
    }
    Certificate.objects.filter(pk=certificate.pk).update(
        credential=credentials.sign(old, created=certificate.credential["proof"]["created"])
    )
    migration = importlib.import_module("certification.migrations.0008_status_list_positions")

    migration.give_positions(django_apps, SimpleNamespace(connection=connection))

    certificate.refresh_from_db()
    assert bits_of(certificate) == REVOKED
    assert credentials.verify(certificate.credential)
    assert certificate.credential["credentialStatus"][0]["statusListIndex"] == str(
        certificate.status_entry.index
    )
    assert {k: v for k, v in certificate.credential.items() if k in old} == old
    later = services.certificate_issue(
        actor=SYSTEM, user=factories.trainee(real_name="李四"), program=program, check_eligibility=False
    ).certificate
    assert later.status_entry.index != certificate.status_entry.index
