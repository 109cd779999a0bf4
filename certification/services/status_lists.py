"""Status lists: where each certificate's revocation and suspension bits live.

A certificate gets one position at issue (``status_position_allocate``), printed in its signed
credential, and keeps it for good. Positions come from the serial machinery's counter
(``serials.next_number``): a PostgreSQL sequence (no lock held; a rolled-back issue leaves an
unused position, which is harmless) or, on SQLite, a counter row locked until commit. Position
``n`` is index ``n % STATUS_LIST_SIZE`` of list ``n // STATUS_LIST_SIZE + 1``: a full list is
followed by a new one. ``one_certificate_per_status_position`` backs the counter up.

The bits follow the certificate's status (``status_list_sync``), in the caller's transaction:
a status change and its bits commit or roll back together.

- revocation bit: revoked, or superseded (a replaced certificate must not pass for the current one);
- suspension bit: suspended (cleared again on reinstatement);
- neither for issued or expired: an expired credential already says so with its ``validUntil``,
  and "revoked" would tell a verifier something that did not happen.

``status_list_published`` (the one read here, beside the writes it mirrors) signs a list as it
stands; the signed document is cached under a digest of what it is made of.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from certification import credentials, serials
from certification.models import (
    STATUS_LIST_SIZE,
    Certificate,
    CertificateStatus,
    CertificateStatusEntry,
    StatusList,
    StatusPurpose,
)

# The counter positions are drawn from (through serials.next_number, with year 0). A serial pattern
# always contains "{seq}", so it can never name this counter. Frozen: migration 0006 uses it too.
POSITION_COUNTER = "status-list-position"


def bits_for_status(status: str) -> dict[str, bool]:
    """The bit of each purpose for a certificate in ``status`` (see the module docstring)."""
    return {
        StatusPurpose.REVOCATION: status in (CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED),
        StatusPurpose.SUSPENSION: status == CertificateStatus.SUSPENDED,
    }


def _ensure_lists(number: int) -> None:
    for purpose in StatusPurpose.values:
        # get_or_create retries the get if a concurrent issue created the row first.
        StatusList.objects.get_or_create(
            number=number, purpose=purpose, defaults={"updated_at": timezone.now()}
        )


def status_position_allocate() -> tuple[int, int]:
    """A fresh (list number, index) that no other certificate holds, its lists created if new.

    Race-free without a table lock (see the module docstring). Call inside the issuing transaction.
    """
    position = serials.next_number(pattern=POSITION_COUNTER, year=0) - 1
    number, index = divmod(position, STATUS_LIST_SIZE)
    number += 1
    _ensure_lists(number)
    return number, index


def status_entry_record(*, certificate: Certificate, position: tuple[int, int]) -> CertificateStatusEntry:
    """Record the position printed in ``certificate``'s credential. Caller holds the issuing transaction."""
    number, index = position
    return CertificateStatusEntry.objects.create(certificate=certificate, list_number=number, index=index)


def status_list_sync(*, certificate: Certificate) -> bool:
    """Set ``certificate``'s bits to match its (saved) status. Returns whether any bit changed.

    Runs in the caller's transaction, so the bits commit or roll back with the status change;
    each list row is locked (always revocation first, then suspension: no deadlock between two
    changes) and its version raised when a bit changes. Idempotent. Callers: the lifecycle services.
    """
    entry = CertificateStatusEntry.objects.filter(certificate_id=certificate.pk).first()
    if entry is None:
        return False
    changed = False
    with transaction.atomic():
        for purpose, on in bits_for_status(certificate.status).items():
            status_list = StatusList.objects.select_for_update().get(
                number=entry.list_number, purpose=purpose
            )
            bits = bytes(status_list.bits)
            if credentials.bit_is_set(bits, entry.index) == on:
                continue
            status_list.bits = credentials.with_bit(bits, entry.index, on)
            status_list.version += 1
            status_list.updated_at = timezone.now()
            status_list.save(update_fields=["bits", "version", "updated_at"])
            changed = True
    return changed


def status_list_published(*, purpose: str, number: int) -> dict | None:
    """The signed ``BitstringStatusListCredential`` of list ``number`` for ``purpose``, or None.

    Always the committed bits: signing is deterministic, and the cache key is a digest of all it
    depends on (bits, time of the last change, purpose, number, key and the site's address).
    """
    if purpose not in StatusPurpose.values:
        return None
    status_list = StatusList.objects.filter(number=number, purpose=purpose).first()
    if status_list is None:
        return None
    bits = bytes(status_list.bits)
    # Keyed by everything the signed document depends on, the bits included (not only the version:
    # a database restored from a backup would reuse version numbers), so a cached copy is never stale.
    inputs = (
        f"{purpose}\0{number}\0{status_list.updated_at.isoformat()}\0{credentials.verification_method_id()}"
    )
    key = "tta:status-list:" + hashlib.sha256(inputs.encode() + b"\0" + bits).hexdigest()
    document = cache.get(key)
    if document is None:
        document = credentials.status_list_credential(
            purpose=purpose, number=number, bits=bits, updated_at=status_list.updated_at
        )
        cache.set(key, document, timeout=24 * 3600)
    return document
