"""Credentials: certificates and their audited lifecycle, rules and serial counters.

Public names are re-exported here.
"""

from .batches import BatchItem, BatchState, IssuanceBatch, ItemState, ZipState
from .certificates import (
    LIVE_STATUSES,
    Certificate,
    CertificateEvent,
    CertificateReminder,
    CertificateStatus,
    ReminderKind,
    RenderState,
)
from .refusals import AutoIssueRefusal
from .registry import ChangeAction, ChangeItemState, RegistryChange, RegistryChangeItem
from .rules import CertificateRule, CertificateRuleExam, CourseSelection
from .serials import SerialCounter
from .status_lists import STATUS_LIST_SIZE, CertificateStatusEntry, StatusList, StatusPurpose
from .templates import CertificateTemplate

__all__ = [
    "AutoIssueRefusal",
    "BatchItem",
    "BatchState",
    "CertificateTemplate",
    "IssuanceBatch",
    "ItemState",
    "ZipState",
    "LIVE_STATUSES",
    "Certificate",
    "CertificateEvent",
    "CertificateReminder",
    "CertificateRule",
    "CertificateRuleExam",
    "CertificateStatusEntry",
    "CertificateStatus",
    "ChangeAction",
    "ChangeItemState",
    "CourseSelection",
    "RegistryChange",
    "RegistryChangeItem",
    "ReminderKind",
    "RenderState",
    "SerialCounter",
    "STATUS_LIST_SIZE",
    "StatusList",
    "StatusPurpose",
]
