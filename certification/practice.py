"""The practical-assessment criterion of a certification rule (``CertificateRule.requires_practical``).

Reads ``courses.practice.standing`` only. The sentence says where the trainee stands, rendered in
the language active when read: "报告评审：78/100，答辩安排在 3月12日" / "report reviewed: 78/100,
defence scheduled 12 March". Only released scores are shown or counted.
"""

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courses.practice.standing import DefenceResult, PracticeStanding, practice_standing_for_users


def _points(value) -> str:
    return f"{value.normalize():f}" if value is not None else "—"


class PracticeText:
    """The criterion's sentence, built when read so that it follows the active language."""

    def __init__(self, standings: list[PracticeStanding]):
        self.standings = standings

    def __str__(self) -> str:
        if not self.standings:
            return _("practical assessment not yet open")
        # Say where the trainee stands in the first assignment not yet passed (else the last one).
        standing = next((s for s in self.standings if not s.passed), self.standings[-1])
        return describe(standing)


def describe(standing: PracticeStanding) -> str:
    """One trainee's place in one assignment, in the active language. Scores only once released."""
    if not standing.submitted:
        return _("practical report not yet submitted")
    if not standing.reviewed:
        return _("practical report in review")
    if standing.released:
        report = _("report reviewed: %(score)s/%(max)s") % {
            "score": _points(standing.score),
            "max": _points(standing.max_score),
        }
        if not standing.report_passed:
            return _("%(report)s, below the pass mark") % {"report": report}
    else:
        report = _("report reviewed")
    if not standing.defence_required:
        return report if standing.released else _("report reviewed, result not yet released")
    # Translators: separator between the parts of an eligibility explanation.
    comma = _(", ")
    if standing.defence_result is not None:
        words = {
            DefenceResult.PASS: _("defence passed"),
            DefenceResult.PASS_WITH_REVISIONS: _("defence passed with revisions"),
            DefenceResult.FAIL: _("defence not passed"),
        }
        return report + comma + str(words[standing.defence_result])
    if standing.defence_held:
        return report + comma + _("defence held, result not yet released")
    if standing.defence_at is not None:
        # Translators: a date format (Django's date filter): day and month of a defence, "12 March".
        day = dateformat.format(timezone.localtime(standing.defence_at), pgettext("defence date", "j F"))
        return report + comma + _("defence scheduled %(date)s") % {"date": day}
    return report + comma + _("defence not yet scheduled")


def practice_criteria(*, user_ids, program, criterion_class) -> dict:
    """The criterion ``key="practical"`` of each user (a ``criterion_class`` instance)."""
    standings = practice_standing_for_users(user_ids=user_ids, program=program)
    result = {}
    for pk in user_ids:
        rows = standings.get(pk, [])
        passed = sum(1 for s in rows if s.passed)
        result[pk] = criterion_class(
            key="practical",
            met=bool(rows) and passed == len(rows),
            current=passed,
            required=len(rows) or 1,
            message=PracticeText(rows),
        )
    return result
