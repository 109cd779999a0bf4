"""Writes of the question banks: questions and their versions, imports (who may do what: core.roles)."""

from datetime import timedelta
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from cms.housekeeping import uploaded_files_purge
from core.guards import allowed_when, guarded, permission

from .importers import ParseResult, guess_format, parse
from .models import (
    QUESTION_IMPORT_EXTENSIONS,
    ImportJob,
    ImportStatus,
    Question,
    QuestionBank,
    QuestionVersion,
    TaggedQuestion,
    TextFormat,
)
from .richtext import stored_text
from .schema import validate_data
from .selectors import import_duplicates

# Who may write questions: the same permissions the admin's question views check.
MAY_ADD_QUESTIONS = permission("questions.add_question")
MAY_CHANGE_QUESTIONS = permission("questions.change_question")


def _may_confirm(actor, arguments) -> bool:
    """The import's own uploader, or whoever may change every import (registrars), as views.job_for."""
    job = arguments["job"]
    return actor.has_perm("questions.add_question") and (
        job.created_by_id == actor.pk or actor.has_perm("questions.change_importjob")
    )


MAY_CONFIRM_IMPORT = allowed_when(
    _may_confirm,
    gettext_lazy("Only whoever checked this file, or a registrar, may import it."),
    name="import owner",
)


@guarded(MAY_ADD_QUESTIONS)
def bank_get_or_create_path(*, parent: QuestionBank, names: list[str], actor) -> QuestionBank:
    """The sub-bank reached from ``parent`` by following ``names``, creating missing banks.

    Idempotent. Whoever may add questions (guarded). Call inside the caller's transaction (an import creates its categories atomically).
    """
    bank = parent
    for name in names:
        bank, _created = QuestionBank.objects.get_or_create(parent=bank, name=name[:255])
    return bank


def _version_create(
    *, question: Question, number: int, name, text, text_format, data, default_points, general_feedback, user
):
    return QuestionVersion.objects.create(
        question=question,
        number=number,
        qtype=question.qtype,
        name=name,
        text=stored_text(text, text_format),
        text_format=text_format,
        data=validate_data(question.qtype, data),
        default_points=Decimal(default_points),
        general_feedback=general_feedback,
        created_by=user,
    )


@guarded(MAY_ADD_QUESTIONS, actor="user")
@transaction.atomic
def question_create(
    *,
    bank: QuestionBank,
    qtype: str,
    name: str,
    text: str,
    data: dict,
    text_format: str = TextFormat.PLAIN,
    default_points: Decimal | int | str = 1,
    general_feedback: str = "",
    module: str = "",
    difficulty: str = "medium",
    tags: list[str] | None = None,
    user=None,
) -> Question:
    """Create a question with its first version. Atomic; raises schema.DataError if ``data`` is invalid.

    HTML text is cleaned to the allow-list of ``richtext`` before it is stored. ``user`` must hold
    the add-question permission (guarded; ``SYSTEM`` for the demo and scripts).
    """
    question = Question.objects.create(
        bank=bank, qtype=qtype, module=module, difficulty=difficulty, created_by=user
    )
    version = _version_create(
        question=question,
        number=1,
        name=name,
        text=text,
        text_format=text_format,
        data=data,
        default_points=default_points,
        general_feedback=general_feedback,
        user=user,
    )
    question.current_version = version
    question.save(update_fields=["current_version", "updated_at"])
    if tags:
        question.tags.add(*tags)
    return question


@guarded(MAY_CHANGE_QUESTIONS, actor="user")
@transaction.atomic
def question_revise(
    *,
    question: Question,
    name: str,
    text: str,
    data: dict,
    text_format: str = TextFormat.PLAIN,
    default_points: Decimal | int | str = 1,
    general_feedback: str = "",
    user=None,
) -> QuestionVersion:
    """Save an edit of a question's content as a new version and make it current.

    Atomic; the question row is locked so two editors get versions n+1 and n+2, never a clash.
    Earlier versions, and every attempt pointing at them, stay exactly as they were. If nothing
    changed, no version is added and the current one is returned (idempotent).
    """
    question = Question.objects.select_for_update().get(pk=question.pk)
    clean = validate_data(question.qtype, data)
    text = stored_text(text, text_format)
    current = question.current_version
    if current and (
        current.name,
        current.text,
        current.text_format,
        current.data,
        current.default_points,
        current.general_feedback,
    ) == (
        name,
        text,
        text_format,
        clean,
        Decimal(default_points),
        general_feedback,
    ):
        return current
    number = (question.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = _version_create(
        question=question,
        number=number,
        name=name,
        text=text,
        text_format=text_format,
        data=clean,
        default_points=default_points,
        general_feedback=general_feedback,
        user=user,
    )
    question.current_version = version
    question.save(update_fields=["current_version", "updated_at"])
    return version


@guarded(MAY_CHANGE_QUESTIONS, actor="user")
@transaction.atomic
def question_edit(
    *,
    question: Question,
    bank: QuestionBank,
    module: str,
    difficulty: str,
    tags: list[str],
    name: str,
    text: str,
    data: dict,
    text_format: str = TextFormat.PLAIN,
    default_points: Decimal | int | str = 1,
    general_feedback: str = "",
    user=None,
) -> Question:
    """Save an edit from the admin: the question's filing (bank, module, difficulty, tags) is updated
    in place, its content becomes a new version (see ``question_revise``). Atomic.
    """
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.bank, question.module, question.difficulty = bank, module, difficulty
    question.save(update_fields=["bank", "module", "difficulty", "updated_at"])
    question.tags.set(tags)
    question_revise(
        question=question,
        name=name,
        text=text,
        text_format=text_format,
        data=data,
        default_points=default_points,
        general_feedback=general_feedback,
        user=user,
    )
    question.refresh_from_db()
    return question


class ImportRefused(Exception):
    """The import cannot go ahead; ``message`` says why, in the user's language."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def _report(file_format: str, result: ParseResult) -> dict:
    counts: dict[str, int] = {}
    for question in result.questions:
        counts[question.qtype] = counts.get(question.qtype, 0) + 1
    categories = {*result.categories, *(question.category for question in result.questions)}
    return {
        "format": file_format,
        "total": len(result.questions),
        "counts": counts,
        "errors": [
            {"location": e.location, "question": e.question, "message": e.message, "text": str(e)}
            for e in result.errors
        ],
        "unsupported": [
            {"location": u.location, "name": u.name, "type": u.source_type} for u in result.unsupported
        ],
        "categories": sorted(" / ".join(path) for path in categories if path),
    }


def import_extension_allowed(filename: str) -> bool:
    return PurePath(filename).suffix.lower() in QUESTION_IMPORT_EXTENSIONS


def import_extension_message() -> str:
    return _("Upload a question file of one of these types: %(types)s.") % {
        "types": ", ".join(sorted(QUESTION_IMPORT_EXTENSIONS))
    }


@guarded(MAY_ADD_QUESTIONS, actor="user")
@transaction.atomic
def import_check(
    *, bank: QuestionBank, filename: str, content: bytes, file_format: str = "", user=None
) -> ImportJob:
    """Keep an uploaded question file and check it completely; import nothing.

    Always creates an ImportJob holding the file and its report (errors, unsupported questions,
    counts by type, and ``duplicates``: questions already in the bank they would go to, with the same
    text and answers), so nothing submitted is lost. Status is "rejected" if the file has any error,
    else "previewed" (waiting for ``import_confirm``). ``user`` must hold the add-question permission (guarded).
    A file whose type no importer reads is refused (ImportRefused) and not kept. The file is kept
    in private storage under a random name for ``TTA_IMPORTS_KEEP_DAYS`` (``import_files_purge``).
    """
    if not import_extension_allowed(filename):
        raise ImportRefused(import_extension_message())
    file_format = file_format or guess_format(filename, content)
    result = parse(file_format, content)
    report = _report(file_format, result)
    report["duplicates"] = [
        {"location": result.questions[i].location, "name": result.questions[i].name}
        for i in import_duplicates(bank=bank, questions=result.questions)
    ]
    job = ImportJob(
        bank=bank,
        original_name=filename[:255],
        file_format=file_format,
        status=ImportStatus.REJECTED if result.errors else ImportStatus.PREVIEWED,
        report=report,
        created_by=user,
    )
    job.file.save(filename, ContentFile(content), save=False)
    job.save()
    return job


def _questions_bulk_create(*, parsed: list, banks: dict, default_module: str, user) -> None:
    """Questions, first versions and tags of an import in a handful of queries (the caller is atomic).

    Does what ``question_create`` does for one question; an import of thousands must not cost
    twenty queries per question.
    """
    questions = Question.objects.bulk_create(
        [
            Question(
                bank=banks[item.category],
                qtype=item.qtype,
                module=item.module or default_module,
                difficulty=item.difficulty,
                created_by=user,
            )
            for item in parsed
        ]
    )
    versions = QuestionVersion.objects.bulk_create(
        [
            QuestionVersion(
                question=question,
                number=1,
                qtype=item.qtype,
                name=item.name[:255],
                text=stored_text(item.text, item.text_format),
                text_format=item.text_format,
                data=validate_data(item.qtype, item.data),
                default_points=Decimal(item.default_points),
                general_feedback=item.general_feedback,
                created_by=user,
            )
            for question, item in zip(questions, parsed, strict=True)
        ]
    )
    for question, version in zip(questions, versions, strict=True):
        question.current_version = version
    Question.objects.bulk_update(questions, ["current_version"])

    names = {name for item in parsed for name in item.tags}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in names - tags.keys():
        tags[name], _created = Tag.objects.get_or_create(name=name)
    TaggedQuestion.objects.bulk_create(
        [
            TaggedQuestion(content_object=question, tag=tags[name])
            for question, item in zip(questions, parsed, strict=True)
            for name in dict.fromkeys(item.tags)
        ]
    )


@guarded(MAY_CONFIRM_IMPORT, actor="user")
@transaction.atomic
def import_confirm(
    *, job: ImportJob, skip_unsupported: bool = False, skip_duplicates: bool = False, user=None
) -> ImportJob:
    """Import every question of a checked file into its bank, creating sub-banks for its categories.

    All or nothing, in one transaction. Refuses (ImportRefused, nothing written) if the file has
    errors, or has unsupported questions and ``skip_unsupported`` was not given explicitly. With
    ``skip_duplicates``, questions already in their bank with the same text and answers (found again
    now, not taken from the check) are left out and counted in ``report["skipped_duplicates"]``.
    Idempotent: confirming an imported job again returns it unchanged. The file is read again
    from storage, so what is imported is exactly what was checked.
    """
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status == ImportStatus.IMPORTED:
        return job
    if not job.file:
        raise ImportRefused(_("The uploaded file is no longer kept; upload it again. Nothing was imported."))
    with job.file.open("rb") as stored:
        result = parse(job.file_format, stored.read())
    if result.errors:
        raise ImportRefused(_("The file has errors; fix them and upload it again. Nothing was imported."))
    if result.unsupported and not skip_unsupported:
        raise ImportRefused(
            _(
                "%(count)s questions are of types we do not support. Tick the box to import the others without them."
            )
            % {"count": len(result.unsupported)}
        )
    skipped = set(import_duplicates(bank=job.bank, questions=result.questions)) if skip_duplicates else set()
    questions = [question for index, question in enumerate(result.questions) if index not in skipped]
    banks = {}
    for path in sorted({*result.categories, *(question.category for question in questions)}):
        bank = banks[path] = bank_get_or_create_path(parent=job.bank, names=list(path), actor=user)
        description = result.categories.get(path, "")
        if path and description and not bank.description:
            bank.description = description
            bank.save(update_fields=["description", "updated_at"])
    _questions_bulk_create(parsed=questions, banks=banks, default_module=job.bank.module, user=user)
    job.status = ImportStatus.IMPORTED
    job.skipped_unsupported = bool(result.unsupported)
    job.imported_count = len(questions)
    job.imported_at = timezone.now()
    job.report = {**job.report, "skipped_duplicates": len(skipped)}
    job.save(update_fields=["status", "skipped_unsupported", "imported_count", "imported_at", "report"])
    return job


def import_files_purge(*, now=None) -> int:
    """Delete the question files uploaded over ``TTA_IMPORTS_KEEP_DAYS`` days ago.

    The ImportJob stays, with its report and counts (what was imported, by whom, when); only the
    file goes, and a job not yet confirmed can then no longer be (``import_confirm`` refuses).
    Idempotent; run by beat; returns how many files were deleted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.TTA_IMPORTS_KEEP_DAYS)
    return uploaded_files_purge(rows=ImportJob.objects.all(), created_before=cutoff)
