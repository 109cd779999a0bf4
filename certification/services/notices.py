"""Telling a holder about their certificate, through the learning app's notifications.

Called inside the transaction of the change it reports (issue, revoke, an expiry reminder), so
the notification commits with it; the email is sent afterwards by a task and never fails the change.
"""

from certification.models import Certificate
from courses.notifications.kinds import NotificationKind
from courses.notifications.services import notify


def certificate_notify(
    *, certificate: Certificate, kind: NotificationKind, variant: str = "", **params
) -> None:
    snapshot = certificate.snapshot
    notify(
        recipient=certificate.user,
        kind=kind,
        params={
            "serial": certificate.serial,
            "program": {
                "zh-hans": snapshot.get("program_title_zh", ""),
                "en": snapshot.get("program_title_en") or snapshot.get("program_title_zh", ""),
            },
            "expires_on": snapshot.get("expires_on", ""),
            **params,
        },
        variant=variant,
        link=("certification:holder_list", []),
    )
