"""Writes of certification. Public names are re-exported here; modules group them by subject.

``issuing`` and ``lifecycle`` are the certificate's core. Beside them: ``templates`` (designs: which
one is used, which may be), ``printing`` (a design filled with a certificate's data), ``rendering``
(the worker's job that stores each PDF once), ``batches`` (bulk issuance), ``bulk`` (registry
changes), ``notices`` and ``status_lists``. Those are imported from their modules, not from here.
"""

from .issuing import (
    CertificationError,
    CohortIssueReport,
    IssueResult,
    NotEligible,
    UnprintableName,
    build_snapshot,
    certificate_auto_issue_for_user,
    certificate_auto_issue_sweep,
    certificate_expiry,
    certificate_issue,
    certificate_issue_for_cohort,
)
from .lifecycle import (
    certificate_expire,
    certificate_expire_due,
    certificate_reinstate,
    certificate_reissue,
    certificate_renew,
    certificate_revoke,
    certificate_send_expiry_reminders,
    certificate_set_sharing,
    certificate_suspend,
)

__all__ = [
    "CertificationError",
    "CohortIssueReport",
    "IssueResult",
    "NotEligible",
    "UnprintableName",
    "build_snapshot",
    "certificate_auto_issue_for_user",
    "certificate_auto_issue_sweep",
    "certificate_expire",
    "certificate_expire_due",
    "certificate_expiry",
    "certificate_issue",
    "certificate_issue_for_cohort",
    "certificate_reinstate",
    "certificate_reissue",
    "certificate_renew",
    "certificate_revoke",
    "certificate_send_expiry_reminders",
    "certificate_set_sharing",
    "certificate_suspend",
]
