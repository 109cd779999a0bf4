"""Reads of the question banks."""

import json

from django.apps import apps
from django.db.models import Q, QuerySet

from .importers.base import ParsedQuestion
from .models import ImportJob, Question, QuestionBank
from .richtext import stored_text
from .schema import DataError, validate_data


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


def questions_in_papers() -> Q:
    """Questions some exam paper uses: listed in a section, or pinned at a version.

    Papers live above this app (courses.exams imports it); the models are looked up by name so
    the import goes one way only.
    """
    section_questions = apps.get_model("exams", "PaperSection").questions.through.objects.values(
        "question_id"
    )
    pinned = apps.get_model("exams", "PinnedVersion").objects.values("question_id")
    return Q(pk__in=section_questions) | Q(pk__in=pinned)


def _content_key(qtype: str, text: str, text_format: str, data: dict) -> tuple:
    # The same question is the same type, text and answers; names, points and feedback may differ.
    return (qtype, " ".join(text.split()), text_format, json.dumps(data, sort_keys=True, ensure_ascii=False))


def _bank_at(parent: QuestionBank, names: tuple[str, ...]) -> QuestionBank | None:
    bank = parent
    for name in names:
        bank = QuestionBank.objects.filter(parent=bank, name=name[:255]).first()
        if bank is None:
            return None
    return bank


def import_duplicates(*, bank: QuestionBank, questions: list[ParsedQuestion]) -> list[int]:
    """The indexes in ``questions`` of those already in the bank they would go to (``bank`` or the
    sub-bank of their category) with the same text and answers, or earlier in the same file."""
    seen: dict[tuple[str, ...], set] = {}
    duplicates = []
    for index, parsed in enumerate(questions):
        if parsed.category not in seen:
            target = _bank_at(bank, parsed.category)
            seen[parsed.category] = {
                _content_key(v.qtype, v.text, v.text_format, v.data)
                for v in (
                    [q.current_version for q in bank_questions(bank=target, include_sub_banks=False)]
                    if target
                    else []
                )
            }
        try:
            data = validate_data(parsed.qtype, parsed.data)
        except DataError:
            continue  # the file's error is reported as such
        key = _content_key(
            parsed.qtype, stored_text(parsed.text, parsed.text_format), parsed.text_format, data
        )
        if key in seen[parsed.category]:
            duplicates.append(index)
        seen[parsed.category].add(key)
    return duplicates
