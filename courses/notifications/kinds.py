"""The kinds of notification and their text, in every language of the site.

Pure: no database access. A notification's text is rendered when it is shown or emailed, in the
language asked for, from the kind's message and the parameters stored with it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    ENROLMENT_APPROVED = "enrolment_approved", _("Enrolment approved")
    ENROLMENT_REJECTED = "enrolment_rejected", _("Enrolment not accepted")
    WAITLIST_PROMOTED = "waitlist_promoted", _("A place from the waiting list")
    SESSION_TOMORROW = "session_tomorrow", _("Offline session tomorrow")
    EXAM_RESULT_RELEASED = "exam_result_released", _("Exam result released")
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
    CERTIFICATE_EXPIRING = "certificate_expiring", _("Certificate about to expire")
    REVIEW_REMINDER = "review_reminder", _("Reviews waiting (reminder)")
    REVIEW_OVERDUE = "review_overdue", _("A review is overdue")


@dataclass(frozen=True)
class Text:
    title: Promise
    body: Promise


# Per kind, the text of each variant ("" is the usual one). Placeholders are the stored params.
TEXTS: dict[str, dict[str, Text]] = {
    NotificationKind.ENROLMENT_APPROVED: {
        "": Text(
            _("Your application to %(cohort)s was approved"),
            _("You have a place in %(cohort)s, from %(starts_on)s to %(ends_on)s."),
        ),
        "waitlisted": Text(
            _("Your application to %(cohort)s was approved"),
            _(
                "%(cohort)s is full for now, so you are on its waiting list. "
                "We will tell you as soon as a place is yours."
            ),
        ),
    },
    NotificationKind.ENROLMENT_REJECTED: {
        "": Text(
            _("Your enrolment in %(cohort)s was not accepted"),
            _("The training base gave this reason: %(reason)s"),
        ),
    },
    NotificationKind.WAITLIST_PROMOTED: {
        "": Text(
            _("A place in %(cohort)s is yours"),
            _(
                "A place became free and you were next on the waiting list: you are now enrolled "
                "in %(cohort)s, from %(starts_on)s to %(ends_on)s."
            ),
        ),
    },
    NotificationKind.SESSION_TOMORROW: {
        "": Text(
            _("Offline session tomorrow: %(session)s"),
            _(
                "%(session)s (%(course)s) starts at %(starts_at)s, at %(location)s. "
                "Check in with the QR code shown in the classroom."
            ),
        ),
        "no_location": Text(
            _("Offline session tomorrow: %(session)s"),
            _(
                "%(session)s (%(course)s) starts at %(starts_at)s. Check in with the QR code shown in the classroom."
            ),
        ),
    },
    NotificationKind.EXAM_RESULT_RELEASED: {
        "passed": Text(
            _("Your result for %(paper)s: passed"),
            _("You scored %(percent)s%% in %(paper)s; the pass mark is %(pass_mark)s%%. Well done!"),
        ),
        "failed": Text(
            _("Your result for %(paper)s: not passed"),
            _("You scored %(percent)s%% in %(paper)s; the pass mark is %(pass_mark)s%%."),
        ),
    },
    NotificationKind.CERTIFICATE_ISSUED: {
        "": Text(
            _("Your certificate %(serial)s has been issued"),
            _(
                "Your %(program)s certificate %(serial)s has been issued. Download it and share its "
                "verification link from My certificates."
            ),
        ),
    },
    NotificationKind.CERTIFICATE_REVOKED: {
        "": Text(
            _("Your certificate %(serial)s has been revoked"),
            _("The training base revoked your %(program)s certificate %(serial)s. Reason: %(reason)s"),
        ),
    },
    NotificationKind.CERTIFICATE_EXPIRING: {
        "": Text(
            _("Your certificate %(serial)s expires in %(days)d days"),
            _("Your %(program)s certificate %(serial)s expires on %(expires_on)s."),
        ),
        "renewal": Text(
            _("Your certificate %(serial)s expires in %(days)d days"),
            _(
                "Your %(program)s certificate %(serial)s expires on %(expires_on)s. To renew it, earn "
                "%(required)s continuing-education hours; you have %(hours)s since it was issued."
            ),
        ),
    },
    # To reviewers of practical reports: submissions by their anonymous code only, never a trainee.
    NotificationKind.REVIEW_REMINDER: {
        "": Text(
            _("Practical reports waiting for your review: %(open)s"),
            _(
                "You have %(open)s practical reports to review, %(overdue)s of them overdue. "
                "Open your review queue to score them."
            ),
        ),
    },
    NotificationKind.REVIEW_OVERDUE: {
        "": Text(
            _("Your review of %(code)s is overdue"),
            _(
                "Your review of %(code)s (%(assignment)s) was due on %(due)s. Please submit it, or tell "
                "the training base if you cannot."
            ),
        ),
    },
}


def localise(value, language: str):
    """A stored parameter in ``language``: a {language: text} dict picks its entry, else the value itself."""
    if isinstance(value, dict):
        return value.get(language) or value.get(settings.LANGUAGE_CODE) or next(iter(value.values()), "")
    return value


def per_language(make: Callable[[], object]) -> dict[str, str]:
    """``make()`` evaluated in each language of the site, for a parameter that reads differently in each."""
    values = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values[code] = str(make())
    return values


@dataclass(frozen=True)
class Rendered:
    title: str
    body: str
    path: str  # the link in that language ("" when the notification leads nowhere)


def render(*, kind: str, params: dict, link_name: str = "", link_args=(), language: str) -> Rendered:
    """The title, body and link of a notification in ``language``."""
    variants = TEXTS[kind]
    text = variants.get(params.get("variant", "")) or next(iter(variants.values()))
    values = {key: localise(value, language) for key, value in params.items()}
    with translation.override(language):
        path = ""
        if link_name:
            try:
                path = reverse(link_name, args=list(link_args))
            except NoReverseMatch:  # a link whose URL was renamed since: show the text without it
                path = ""
        return Rendered(title=str(text.title) % values, body=str(text.body) % values, path=path)
