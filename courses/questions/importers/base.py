"""What every question parser returns. Parsers are pure: text or bytes in, a ParseResult out."""

import codecs
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from ..schema import DataError, parse_decimal, validate_data


@dataclass
class ParsedQuestion:
    qtype: str
    name: str
    text: str
    data: dict
    location: str  # "line 12", '<question type="multichoice"> at line 40', "row 3"
    text_format: str = "plain"  # or "html" (cleaned to courses.questions.richtext's allow-list on import)
    default_points: Decimal = Decimal(1)
    general_feedback: str = ""
    category: tuple[str, ...] = ()
    module: str = ""
    difficulty: str = "medium"
    tags: list[str] = field(default_factory=list)


@dataclass
class ImportProblem:
    """Something wrong in the file: the whole import stops."""

    location: str
    question: str
    message: str

    def __str__(self):
        if self.question:
            return _("%(location)s, question “%(question)s”: %(message)s") % vars(self)
        return _("%(location)s: %(message)s") % vars(self)


@dataclass
class UnsupportedQuestion:
    """A question of a type we cannot hold (Moodle's calculated, drag-and-drop, random…)."""

    location: str
    name: str
    source_type: str


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    errors: list[ImportProblem] = field(default_factory=list)
    unsupported: list[UnsupportedQuestion] = field(default_factory=list)
    # Category paths seen in the file (even empty ones) with their descriptions.
    categories: dict[tuple[str, ...], str] = field(default_factory=dict)

    def add(self, question: ParsedQuestion) -> None:
        """Validate the question's data and keep it, or record each problem against it."""
        try:
            question.data = validate_data(question.qtype, question.data)
        except DataError as error:
            for message in error.messages:
                self.errors.append(ImportProblem(question.location, question.name, message))
            return
        if not question.text.strip():
            self.errors.append(
                ImportProblem(question.location, question.name, _("The question text is empty."))
            )
            return
        self.questions.append(question)

    def error(self, location: str, question: str, message: str) -> None:
        self.errors.append(ImportProblem(location, question, message))


def decode_text(content: bytes | str) -> str:
    """Text files from Chinese Windows machines are often GB18030 (GBK), not UTF-8: accept both, and
    UTF-16 with its byte-order mark (Notepad's "Unicode")."""
    if isinstance(content, str):
        return content
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("gb18030", errors="replace")


def name_from_text(text: str, limit: int = 60) -> str:
    """A readable name for formats without names (Aiken, unnamed GIFT questions)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def category_path(raw: str) -> tuple[str, ...]:
    """Moodle's "$course$/top/Iota/Kappa" as ("Iota", "Kappa"); "//" is a literal slash."""
    placeholder = "\x00"
    parts = [
        part.replace(placeholder, "/").strip() for part in raw.strip().replace("//", placeholder).split("/")
    ]
    parts = [part for part in parts if part]
    if parts and parts[0].startswith("$") and parts[0].endswith("$"):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return tuple(parts)


def percent_to_fraction(raw: str) -> Decimal | None:
    """Moodle's grade in percent ("50", "-33.33333") as a fraction, or None if it is not a valid grade."""
    number = parse_decimal(raw)
    if number is None or not (-100 <= number <= 100):
        return None
    return number / 100
