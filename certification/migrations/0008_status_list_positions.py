"""Existing certificates get a status position, their bits, and a credential that carries its status.

Positions are drawn from the same counter as new issues (certification.services.status_lists:
a PostgreSQL sequence, or the SerialCounter row on SQLite), so an issue after this migration never
draws a position given here. A stored credential is signed again with its ``credentialStatus``
(current key, proof dated now); the rest of the document is kept as it was issued. A PDF rendered
before keeps the credential it embedded (a frozen PDF is never rewritten).

Reverse: nothing to undo beyond dropping the tables (the previous migration's reverse); the
re-signed credentials keep their ``credentialStatus``.
"""

import hashlib

from django.db import migrations
from django.utils import timezone

# Frozen copies of certification.models.STATUS_LIST_SIZE and services.status_lists.POSITION_COUNTER.
STATUS_LIST_SIZE = 131_072
POSITION_COUNTER = "status-list-position"
REVOKED_LIKE = ("revoked", "superseded")


def _sequence_name() -> str:
    # Frozen copy of certification.serials.sequence_name(POSITION_COUNTER, 0).
    return f"tta_serial_{hashlib.sha256(POSITION_COUNTER.encode()).hexdigest()[:16]}_0"


def _positions(apps, connection, count: int) -> list[int]:
    if not count:
        return []
    if connection.vendor == "postgresql":
        name = _sequence_name()
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {name} START 1")
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [name, count])
            return sorted(row[0] - 1 for row in cursor.fetchall())
    SerialCounter = apps.get_model("certification", "SerialCounter")
    counter, _ = SerialCounter.objects.get_or_create(pattern=POSITION_COUNTER, year=0)
    start = counter.value
    counter.value = start + count
    counter.save(update_fields=["value"])
    return list(range(start, start + count))


def _set_bit(bits: bytearray, index: int) -> None:
    bits[index // 8] |= 0x80 >> (index % 8)


def give_positions(apps, schema_editor):
    from certification import credentials

    Certificate = apps.get_model("certification", "Certificate")
    CertificateStatusEntry = apps.get_model("certification", "CertificateStatusEntry")
    StatusList = apps.get_model("certification", "StatusList")

    pending = list(Certificate.objects.filter(status_entry__isnull=True).order_by("pk"))
    positions = _positions(apps, schema_editor.connection, len(pending))
    now = timezone.now()
    created = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    lists: dict[tuple[int, str], bytearray] = {}
    for certificate, position in zip(pending, positions, strict=True):
        number, index = divmod(position, STATUS_LIST_SIZE)
        number += 1
        for purpose in ("revocation", "suspension"):
            if (number, purpose) not in lists:
                row = StatusList.objects.filter(number=number, purpose=purpose).first()
                lists[number, purpose] = bytearray(row.bits if row else bytes(STATUS_LIST_SIZE // 8))
        if certificate.status in REVOKED_LIKE:
            _set_bit(lists[number, "revocation"], index)
        elif certificate.status == "suspended":
            _set_bit(lists[number, "suspension"], index)
        CertificateStatusEntry.objects.create(certificate=certificate, list_number=number, index=index)
        if certificate.credential and "credentialStatus" not in certificate.credential:
            unsigned = {key: value for key, value in certificate.credential.items() if key != "proof"}
            unsigned["credentialStatus"] = credentials.status_entries(list_number=number, index=index)
            certificate.credential = credentials.sign(unsigned, created=created)
            certificate.save(update_fields=["credential"])
    for (number, purpose), bits in lists.items():
        row, made = StatusList.objects.get_or_create(
            number=number, purpose=purpose, defaults={"bits": bytes(bits), "updated_at": now}
        )
        if not made and bytes(row.bits) != bytes(bits):
            row.bits, row.version, row.updated_at = bytes(bits), row.version + 1, now
            row.save(update_fields=["bits", "version", "updated_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("certification", "0007_status_lists"),
    ]

    operations = [
        migrations.RunPython(give_positions, migrations.RunPython.noop),
    ]
