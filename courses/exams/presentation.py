"""What of a question version may be shown to a trainee, built by whitelist.

A ``QuestionVersion.data`` holds grading data (fractions, accepted answers, tolerances, the
matching key). Nothing here copies ``data`` wholesale: each question type lists the fields a
trainee may see, and options are shown in the attempt's shuffled order, identified by their
index in the stored version (so the order on screen says nothing about which one is right).
Pure functions; no database writes.
"""

from django.utils.translation import gettext as _

from courses.questions.models import QuestionType, QuestionVersion

CHOICE_TYPES = {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE}


def _choices(version: QuestionVersion) -> list[dict]:
    return list(version.data.get("options") or [])


def _pairs(version: QuestionVersion) -> list[dict]:
    return list(version.data.get("pairs") or [])


def option_count(version: QuestionVersion) -> int:
    """How many options the attempt shuffles: choices, or the answers of a matching question."""
    if version.qtype in CHOICE_TYPES:
        return len(_choices(version))
    if version.qtype == QuestionType.MATCHING:
        return len(_matching_answers(version))
    return 0


def _matching_answers(version: QuestionVersion) -> list[str]:
    # Distinct answers in stored order; extra distractors (answers without a prompt) included.
    seen = []
    for pair in _pairs(version):
        answer = str(pair.get("answer", ""))
        if answer and answer not in seen:
            seen.append(answer)
    return seen


def _ordered(order: list[int], count: int) -> list[int]:
    # An attempt made before a version gained options (it cannot) or with a bad order: stored order.
    return order if sorted(order) == list(range(count)) else list(range(count))


def question_for_trainee(*, version: QuestionVersion, option_order: list[int]) -> dict:
    """The question as the trainee sees it while sitting the exam: no answers, no fractions, no feedback."""
    shown = {
        "type": version.qtype,
        "text": version.text,
        "text_format": version.text_format,
        "options": [],
        "prompts": [],
    }
    if version.qtype in CHOICE_TYPES:
        choices = _choices(version)
        shown["options"] = [
            {"value": index, "text": str(choices[index].get("text", ""))}
            for index in _ordered(option_order, len(choices))
        ]
    elif version.qtype == QuestionType.MATCHING:
        answers = _matching_answers(version)
        shown["prompts"] = [
            {"value": index, "text": str(pair.get("prompt") or "")}
            for index, pair in enumerate(_pairs(version))
            if pair.get("prompt")
        ]
        # The grading function takes the chosen answer's text; texts are on screen anyway.
        shown["options"] = [
            {"value": answers[index], "text": answers[index]}
            for index in _ordered(option_order, len(answers))
        ]
    elif version.qtype == QuestionType.ESSAY:
        shown["template"] = str(version.data.get("response_template") or "")
    return shown


def correct_answer_text(version: QuestionVersion) -> str:
    """A human-readable correct answer, only for review after release and for graders."""
    data = version.data
    if version.qtype in CHOICE_TYPES:
        return "; ".join(
            str(choice.get("text", ""))
            for choice in _choices(version)
            if float(choice.get("fraction", 0) or 0) > 0
        )
    if version.qtype == QuestionType.TRUE_FALSE:
        return str(_("True") if data.get("correct") else _("False"))
    if version.qtype == QuestionType.SHORT_ANSWER:
        answers = data.get("answers") or []
        return "; ".join(
            str(a.get("text", a)) if isinstance(a, dict) else str(a)
            for a in answers
            if not isinstance(a, dict) or float(a.get("fraction", 1) or 0) >= 1
        )
    if version.qtype == QuestionType.NUMERICAL:
        answers = data.get("answers") or []
        return "; ".join(
            f"{a.get('value', a.get('answer', ''))} ± {a.get('tolerance', 0)}"
            if isinstance(a, dict)
            else str(a)
            for a in answers
        )
    if version.qtype == QuestionType.MATCHING:
        return "; ".join(
            f"{pair.get('prompt')} → {pair.get('answer')}" for pair in _pairs(version) if pair.get("prompt")
        )
    return ""


def response_text(*, version: QuestionVersion, response) -> str:
    """The trainee's own response, readable (for review, graders and exports)."""
    if response is None:
        return ""
    if version.qtype in CHOICE_TYPES:
        choices = _choices(version)
        picked = response if isinstance(response, list) else [response]
        return "; ".join(
            str(choices[i].get("text", "")) for i in picked if isinstance(i, int) and 0 <= i < len(choices)
        )
    if version.qtype == QuestionType.MATCHING and isinstance(response, dict):
        pairs = _pairs(version)
        lines = []
        for key, value in sorted(response.items(), key=lambda kv: str(kv[0])):
            index = int(key) if str(key).isdigit() else -1
            if 0 <= index < len(pairs):
                lines.append(f"{pairs[index].get('prompt')} → {value}")
        return "; ".join(lines)
    if version.qtype == QuestionType.TRUE_FALSE and isinstance(response, bool):
        return str(_("True") if response else _("False"))
    return str(response)


def rubric(version: QuestionVersion) -> str:
    """The grading notes and rubric of an essay or case analysis, for graders only."""
    lines = [str(version.data.get("grader_info") or "")]
    for criterion in version.data.get("rubric") or []:
        line = f"{criterion.get('criterion', '')} ({criterion.get('points', '')})"
        if criterion.get("description"):
            line += f": {criterion['description']}"
        lines.append(line)
    return "\n".join(line for line in lines if line)
