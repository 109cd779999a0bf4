"""What of a question version may be shown to a trainee, built by whitelist.

A ``QuestionVersion.data`` holds grading data (fractions, accepted answers, tolerances, the
matching key). Nothing here copies ``data`` wholesale: each question type lists the fields a
trainee may see, and options are shown in the attempt's shuffled order.

Options and matching prompts are identified on the page by the attempt item's opaque values
(``AttemptItem.option_values``: random per attempt), never by their index in the stored version:
question files often store the right answer first, so an index would give it away. The server
maps the values back (``response_from_page``) before anything is stored or graded; stored
responses keep the indexes of ``courses.questions.grading``. Items of attempts started before
values were opaque have no ``option_values`` and keep using indexes.
Pure functions; no database writes.
"""

import functools

from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from courses.questions import richtext
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


def value_slots(version: QuestionVersion) -> dict[str, int]:
    """How many opaque values an attempt item of ``version`` needs, by kind: ``options`` (choices, or
    a matching question's distinct answers) and ``prompts`` (a matching question's pairs)."""
    if version.qtype in CHOICE_TYPES:
        return {"options": len(_choices(version))}
    if version.qtype == QuestionType.MATCHING:
        return {"options": len(_matching_answers(version)), "prompts": len(_pairs(version))}
    return {}


class UnknownValue(ValueError):
    """A response names an option or prompt the item does not have (tampered, or from elsewhere)."""


def _index_of(values: list[str], value) -> int:
    if isinstance(value, str) and value in values:
        return values.index(value)
    raise UnknownValue(value)


def _legacy_index(value):
    # Items without opaque values: the page sent stored indexes (as numbers, or as digit strings).
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


def response_from_page(*, version: QuestionVersion, option_values: dict, response):
    """The response as stored and graded (stored indexes, matching answer texts), from what the page sent.

    Raises UnknownValue if the response names a value the item does not have; any other shape is
    passed on as it is (grading scores what it cannot read as 0).
    """
    if response is None:
        return None
    options, prompts = option_values.get("options"), option_values.get("prompts")
    if version.qtype in CHOICE_TYPES:
        if options is None:
            return (
                [_legacy_index(v) for v in response]
                if isinstance(response, list)
                else _legacy_index(response)
            )
        if isinstance(response, list):
            return [_index_of(options, value) for value in response]
        return _index_of(options, response)
    if version.qtype == QuestionType.MATCHING and isinstance(response, dict):
        if options is None or prompts is None:
            return response
        answers = _matching_answers(version)
        return {
            str(_index_of(prompts, prompt)): answers[_index_of(options, answer)]
            for prompt, answer in response.items()
            if answer not in (None, "")
        }
    return response


def response_for_page(*, version: QuestionVersion, option_values: dict, response):
    """A stored response as the page shows it: the inverse of ``response_from_page``."""
    options, prompts = option_values.get("options"), option_values.get("prompts")
    if response is None or options is None:
        return response
    if version.qtype in CHOICE_TYPES:

        def value(index):
            return options[index] if isinstance(index, int) and 0 <= index < len(options) else None

        if isinstance(response, list):
            return [v for v in map(value, response) if v is not None]
        return value(response)
    if version.qtype == QuestionType.MATCHING and isinstance(response, dict) and prompts is not None:
        answers = _matching_answers(version)
        shown = {}
        for key, answer in response.items():
            index = int(key) if str(key).isdigit() else -1
            if 0 <= index < len(prompts) and answer in answers:
                shown[prompts[index]] = options[answers.index(answer)]
        return shown
    return response


def is_answered(*, version: QuestionVersion, response) -> bool:
    """Whether a stored response counts as answered on the exam page's navigator and summary.

    Something chosen or typed; an essay's template left as it was is not an answer. The page's
    script (exams/attempt.js, ``answered``) applies the same rule as the trainee types.
    """
    if response is None or response in ("", [], {}):
        return False
    if isinstance(response, str):
        template = str(version.data.get("response_template") or "").strip()
        return bool(response.strip()) and response.strip() != template
    return True


def _ordered(order: list[int], count: int) -> list[int]:
    # An attempt made before a version gained options (it cannot) or with a bad order: stored order.
    return order if sorted(order) == list(range(count)) else list(range(count))


# The longest answer a save takes, as JSON (services.parse_answers refuses a longer one); the answer box
# allows two characters fewer, the JSON string's quotes.
MAX_RESPONSE_CHARS = 20_000


def question_for_trainee(
    *, version: QuestionVersion, option_order: list[int], option_values: dict | None = None
) -> dict:
    """The question as the trainee sees it while sitting the exam: no answers, no fractions, no feedback.

    Options and prompts carry the item's opaque ``option_values``; without them (attempts started
    before values were opaque), their stored indexes and, for matching answers, their texts.
    """
    option_values = option_values or {}
    shown = {
        "type": version.qtype,
        "text": version.text,
        "text_format": version.text_format,
        "options": [],
        "prompts": [],
        "max_chars": MAX_RESPONSE_CHARS - 2,
    }
    options, prompts = option_values.get("options"), option_values.get("prompts")
    if version.qtype in CHOICE_TYPES:
        choices = _choices(version)
        shown["options"] = [
            {"value": options[index] if options else index, "text": str(choices[index].get("text", ""))}
            for index in _ordered(option_order, len(choices))
        ]
    elif version.qtype == QuestionType.MATCHING:
        answers = _matching_answers(version)
        shown["prompts"] = [
            {"value": prompts[index] if prompts else index, "text": str(pair.get("prompt") or "")}
            for index, pair in enumerate(_pairs(version))
            if pair.get("prompt")
        ]
        shown["options"] = [
            {"value": options[index] if options else answers[index], "text": answers[index]}
            for index in _ordered(option_order, len(answers))
        ]
    elif version.qtype == QuestionType.ESSAY:
        shown["template"] = str(version.data.get("response_template") or "")
    return shown


def question_on_page(
    *,
    version: QuestionVersion,
    option_order: list[int],
    option_values: dict | None = None,
    position: int,
    points,
    response=None,
    section: str = "",
) -> dict:
    """One question as exams/_question.html and its fieldset show it: ``question_for_trainee`` with
    its place on the page and the words around it, translated here once per question. (As template
    tags inside the question loop they were a fifth of a 20-question exam page's rendering.)"""
    language = get_language()
    words, number = _question_words(language), {"n": position}
    q = {
        "position": position,
        "section": section,
        "points": points,
        "response": response,
        "label": words["label"] % number,
        "flag_label": words["flag_label"] % number,
        "answer_label": words["answer_label"] % number,
        "points_label": words["points_label"] % {"points": _points_text(points, language)},
        **question_for_trainee(version=version, option_order=option_order, option_values=option_values),
    }
    if q["type"] == QuestionType.MATCHING:
        chosen = response if isinstance(response, dict) else {}
        for prompt in q["prompts"]:
            prompt["selected"] = chosen.get(str(prompt["value"]))
    # An unsaved version is the editor's live preview of a draft: a new text at each pause in typing,
    # not one the cohort shares, so it is not kept in the text cache.
    q["body"] = question_body(q, keep_text=version.pk is not None)
    return q


def question_body(q: dict, *, keep_text: bool = True) -> SafeString:
    """A question's text and answer controls as HTML (exams/_question.html shows it): ``q`` as
    ``question_on_page`` builds it, a matching question's prompts carrying their ``selected`` value.

    Built here rather than in the template: the options of a 20-question page were ~500 template
    variables, the larger part of the exam page's server time when a cohort opens it at once.
    Every text is escaped; only the question text is HTML, cleaned by ``richtext`` (and kept for the
    next examinee unless ``keep_text`` is false).
    """
    name, response, qtype = f"q{q['position']}", q["response"], q["type"]
    text = (_question_text if keep_text else richtext.render)(q["text"], q["text_format"])
    parts = [f'<div class="exam-text">{text}</div>']
    if qtype == QuestionType.SINGLE_CHOICE:
        parts += (
            f'<label><input type="radio" name="{name}" value="{escape(option["value"])}"'
            f"{' checked' if response == option['value'] else ''}> {escape(option['text'])}</label>"
            for option in q["options"]
        )
    elif qtype == QuestionType.MULTIPLE_CHOICE:
        chosen = response if isinstance(response, list | tuple) else ()
        parts += (
            f'<label><input type="checkbox" name="{name}" value="{escape(option["value"])}"'
            f"{' checked' if option['value'] in chosen else ''}> {escape(option['text'])}</label>"
            for option in q["options"]
        )
    elif qtype == QuestionType.TRUE_FALSE:
        words = _control_words(get_language())
        for value, shown in ((True, "true"), (False, "false")):
            checked = " checked" if response is value else ""
            parts.append(
                f'<label><input type="radio" name="{name}" value="{shown}"{checked}> {words[shown]}</label>'
            )
    elif qtype == QuestionType.MATCHING:
        for prompt in q["prompts"]:
            choices = "".join(
                f'<option value="{escape(option["value"])}"'
                f"{' selected' if option['value'] == prompt.get('selected') else ''}>{escape(option['text'])}</option>"
                for option in q["options"]
            )
            parts.append(
                f'<label class="exam-match">{escape(prompt["text"])} '
                f'<select name="{name}-{escape(prompt["value"])}" data-prompt="{escape(prompt["value"])}">'
                f'<option value="">—</option>{choices}</select></label>'
            )
    elif qtype in (QuestionType.ESSAY, QuestionType.CASE_ANALYSIS):
        typed = q.get("template", "") if response is None else response
        parts.append(
            f'<textarea name="{name}" rows="10" maxlength="{q["max_chars"]}" aria-label="{escape(q["answer_label"])}"'
            f' aria-describedby="{name}-words">{escape(typed)}</textarea>'
            f'<p class="exam-wordcount" id="{name}-words">{_control_words(get_language())["words"]}'
            " <span data-word-count>0</span></p>"
        )
    else:
        decimal = ' inputmode="decimal"' if qtype == QuestionType.NUMERICAL else ""
        typed = "" if response is None else response
        parts.append(
            f'<input type="text" name="{name}" value="{escape(typed)}"{decimal} autocomplete="off"'
            f' aria-label="{escape(q["answer_label"])}">'
        )
    return mark_safe("\n".join(parts))  # every part escaped above; the text cleaned by richtext


def exam_navigator(questions: list[dict]) -> SafeString:
    """The exam page's question navigator: one link per question, marked answered and flagged
    (exams/attempt.js keeps the marks current as the trainee works)."""
    return mark_safe(  # numbers, and labels escaped
        "".join(
            f'<li><a href="#q{q["position"]}" class="exam-nav-item'
            f"{' is-answered' if q['answered'] else ''}{' is-flagged' if q['flagged'] else ''}"
            f'" data-position="{q["position"]}" data-label="{escape(q["label"])}">{q["position"]}</a></li>'
            for q in questions
        )
    )


def exam_fieldsets(questions: list[dict]) -> SafeString:
    """The exam page's questions: each in its fieldset with its points, flag button and controls,
    a section's heading before its first question. ``questions``: ``question_on_page`` with the
    item's ``seq`` (the last save's sequence number) and ``flagged``."""
    flag_text = _control_words(get_language())["flag"]
    parts, section = [], None
    for q in questions:
        if q["section"] != section:
            section = q["section"]
            if section:
                parts.append(f'<h2 class="exam-section">{escape(section)}</h2>')
        flagged = "true" if q["flagged"] else "false"
        template = f' data-template="{escape(q["template"])}"' if q.get("template") else ""
        parts.append(
            f'<fieldset class="exam-question" id="q{q["position"]}" tabindex="-1" data-position="{q["position"]}"'
            f' data-type="{q["type"]}" data-seq="{q["seq"]}" data-flagged="{flagged}"{template}>'
            f'<legend>{q["position"]}. <span class="points">{escape(q["points_label"])}</span></legend>'
            f'<button type="button" class="exam-flag" aria-pressed="{flagged}" aria-label="{escape(q["flag_label"])}">'
            f'<span aria-hidden="true">⚑</span> {flag_text}</button>\n{q["body"]}</fieldset>'
        )
    return mark_safe("\n".join(parts))  # every text escaped, the bodies built by question_body


@functools.lru_cache(maxsize=16)
def _control_words(language: str) -> dict[str, str]:
    return {
        "true": escape(_("True")),
        "false": escape(_("False")),
        "words": escape(_("Words:")),
        "flag": escape(_("Flag for review")),
    }


# Texts up to this length are kept once cleaned: 1,024 of them are at most ~16 MiB a process (a
# 4,000-character Chinese text and its HTML take ~16 KiB), where a typical question is a few hundred.
KEPT_TEXT_CHARS = 4_000


def _question_text(text: str, text_format: str) -> str:
    # Each examinee of a sitting gets the same texts: cleaning one (nh3, or escaping with its line
    # breaks) once serves the cohort. Long texts (cases, embedded images) are cleaned each time.
    if len(text) > KEPT_TEXT_CHARS:
        return richtext.render(text, text_format)
    return _short_question_text(text, text_format)


@functools.lru_cache(maxsize=1024)
def _short_question_text(text: str, text_format: str) -> str:
    return richtext.render(text, text_format)


# A catalogue lookup costs ~13 µs and floatformat ~30: per question and page they added up to a
# millisecond and a half of a 20-question page. Both depend only on their arguments and the language.
@functools.lru_cache(maxsize=16)
def _question_words(language: str) -> dict[str, str]:
    return {
        "label": _("Question %(n)s"),
        "flag_label": _("Flag question %(n)s for review"),
        "answer_label": _("Answer to question %(n)s"),
        "points_label": _("(%(points)s pt.)"),
    }


@functools.lru_cache(maxsize=256)
def _points_text(points, language: str) -> str:
    return floatformat(points, "-2")


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
