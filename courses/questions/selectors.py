"""Reads of the question banks."""

from django.db.models import QuerySet

from .importers.base import ParsedQuestion
from .models import ImportJob, Question, QuestionBank


def bank_descendant_ids(*, bank: QuestionBank) -> list[int]:
    """The ids of ``bank`` and every bank below it (one query per level)."""
    ids, level = [bank.pk], [bank.pk]
    while level:
        level = list(QuestionBank.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids.extend(level)
    return ids


def bank_questions(*, bank: QuestionBank, include_sub_banks: bool = True) -> QuerySet[Question]:
    """Questions of a bank (and its sub-banks), not archived, with their current version."""
    bank_ids = bank_descendant_ids(bank=bank) if include_sub_banks else [bank.pk]
    return (
        Question.objects.filter(bank_id__in=bank_ids, archived=False, current_version__isnull=False)
        .select_related("current_version", "bank")
        .prefetch_related("tags")
        .order_by("bank_id", "pk")
    )


def _relative_path(bank: QuestionBank, root_id: int, banks: dict[int, QuestionBank]) -> tuple[str, ...]:
    names = []
    while bank.pk != root_id:
        names.append(bank.name)
        bank = banks[bank.parent_id]
    return tuple(reversed(names))


def bank_questions_for_export(
    *, bank: QuestionBank
) -> tuple[list[ParsedQuestion], dict[tuple[str, ...], str]]:
    """The current versions of a bank's questions in the neutral form the exporters take.

    Sub-banks become categories relative to ``bank``; also returns the sub-banks' descriptions.
    """
    banks = {b.pk: b for b in QuestionBank.objects.filter(pk__in=bank_descendant_ids(bank=bank))}
    descriptions = {
        _relative_path(b, bank.pk, banks): b.description for b in banks.values() if b.pk != bank.pk
    }
    questions = []
    for question in bank_questions(bank=bank):
        version = question.current_version
        questions.append(
            ParsedQuestion(
                qtype=version.qtype,
                name=version.name,
                text=version.text,
                text_format=version.text_format,
                data=version.data,
                location="",
                default_points=version.default_points,
                general_feedback=version.general_feedback,
                category=_relative_path(banks[question.bank_id], bank.pk, banks),
                module=question.module,
                difficulty=question.difficulty,
                tags=sorted(tag.name for tag in question.tags.all()),
            )
        )
    return questions, descriptions


def import_jobs_for_user(*, user, limit: int = 20):
    """Recent question imports the user may see: their own, or all for those who manage imports."""
    jobs = ImportJob.objects.select_related("bank").order_by("-created_at")
    if not user.has_perm("questions.change_importjob"):
        jobs = jobs.filter(created_by=user)
    return jobs[:limit]
