"""The answer editor of a question, one per type: rows of options, answers, pairs or rubric criteria,
and the type's own settings, as plain Django forms.

It only turns what was typed into the stored shape (``QuestionVersion.data``) and back; whether that
is a valid question is for ``courses.questions.schema`` alone (one validation truth), whose problems
the editor shows at the field they point at (``DataError.problems``). Row fields are therefore all
optional here: a row left blank is no row; a row partly filled is checked by the schema.

Rows can be added (a template row, or without JavaScript the "add another" button, which sends the
form back with one more row), removed (``DELETE``) and reordered (``ORDER``, set by the up/down
buttons, or typed without JavaScript).
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from .models import QuestionType
from .schema import decimal_text, parse_decimal

# The submit button that asks for one more row without saving (the editor works without JavaScript).
ADD_ROW = "editor-add-row"
ROWS_PREFIX = "rows"
SETTINGS_PREFIX = "answers"


def _percent_choices(percents: list[str]) -> list[tuple[str, str]]:
    # Moodle's list of grades: thirds, sixths and sevenths are stored to 7 decimal places.
    return [(decimal_text((Decimal(p) / 100).quantize(Decimal("0.0000001"))), f"{p}%") for p in percents]


_POSITIVE = ["100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30",
             "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0"]  # fmt: skip
GRADES = _percent_choices(_POSITIVE)
GRADES_WITH_PENALTIES = GRADES + _percent_choices([f"-{p}" for p in reversed(_POSITIVE[:-1])])


class GradeField(forms.CharField):
    """A row's share of the question's points, chosen from Moodle's grades; the schema checks it."""

    def __init__(self, *, grades, **kwargs):
        super().__init__(widget=forms.Select(choices=grades), required=False, **kwargs)


def _text(label, **attrs):
    return forms.CharField(label=label, required=False, widget=forms.TextInput(attrs=attrs))


def _area(label, rows=2):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


class _RowForm(forms.Form):
    grades = GRADES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("fraction")
        if field is not None:
            # An imported grade that is not on the list (say 0.3) is shown as it is, not changed.
            current = (
                self.data.get(self.add_prefix("fraction")) if self.is_bound else self.initial.get("fraction")
            )
            choices = list(self.grades)
            number = parse_decimal(current)
            if number is not None:
                current = decimal_text(number)
            if current not in (None, "") and current not in dict(choices):
                choices.append((current, f"{current}"))
            field.widget.choices = choices


class OptionRow(_RowForm):
    grades = GRADES_WITH_PENALTIES
    text = _text(_("Option"))
    fraction = GradeField(label=_("Grade"), grades=GRADES_WITH_PENALTIES, initial="0")
    feedback = _text(_("Feedback"))


class AnswerRow(_RowForm):
    text = _text(_("Accepted answer"))
    fraction = GradeField(label=_("Grade"), grades=GRADES, initial="1")
    feedback = _text(_("Feedback"))


class NumberRow(_RowForm):
    value = _text(_("Answer"), inputmode="decimal")
    tolerance = _text(_("Tolerance (±)"), inputmode="decimal")
    fraction = GradeField(label=_("Grade"), grades=GRADES, initial="1")
    feedback = _text(_("Feedback"))


class PairRow(_RowForm):
    prompt = _text(_("Prompt (empty: an extra wrong answer)"))
    answer = _text(_("Matching answer"))


class CriterionRow(_RowForm):
    criterion = _text(_("Criterion"))
    points = _text(_("Points"), inputmode="decimal")
    description = _text(_("What earns the points"))


class ChoiceSettings(forms.Form):
    shuffle = forms.BooleanField(
        label=_("Shuffle the options in Moodle exports (papers decide for exams)"),
        required=False,
        initial=True,
    )


class TrueFalseSettings(forms.Form):
    correct = forms.ChoiceField(
        label=_("Correct answer"),
        choices=[("true", _("True")), ("false", _("False"))],
        widget=forms.RadioSelect,
        required=False,
    )
    feedback_true = _area(_("Feedback to the answer “true”"))
    feedback_false = _area(_("Feedback to the answer “false”"))


class ShortAnswerSettings(forms.Form):
    case_sensitive = forms.BooleanField(label=_("Upper and lower case must match"), required=False)


class NoSettings(forms.Form):
    pass


class EssaySettings(forms.Form):
    response_template = _area(_("Response template (shown in the answer box)"), rows=4)
    grader_info = _area(_("Information for graders"), rows=4)


class CaseSettings(forms.Form):
    grader_info = _area(_("Information for graders"), rows=4)


@dataclass(frozen=True)
class Kind:
    settings: type[forms.Form]
    rows_key: str | None = None  # the list in ``data`` the rows edit
    row_form: type[forms.Form] | None = None
    blank_unless: tuple[str, ...] = ()  # a row with none of these filled is no row
    new_rows: int = 0  # rows a new question starts with
    rows_label: str = ""
    help: str = ""


KINDS = {
    QuestionType.SINGLE_CHOICE: Kind(
        ChoiceSettings, "options", OptionRow, ("text", "feedback"), 4, _("Options"),
        _("Give the right option the grade 100%; other options may earn part of the points."),
    ),
    QuestionType.MULTIPLE_CHOICE: Kind(
        ChoiceSettings, "options", OptionRow, ("text", "feedback"), 4, _("Options"),
        _("The grades of the right options must add up to 100%; a negative grade takes points off a wrong pick."),
    ),
    QuestionType.TRUE_FALSE: Kind(TrueFalseSettings),
    QuestionType.SHORT_ANSWER: Kind(
        ShortAnswerSettings, "answers", AnswerRow, ("text", "feedback"), 2, _("Accepted answers"),
        _("At least one answer worth 100%. * in an answer stands for any characters."),
    ),
    QuestionType.NUMERICAL: Kind(
        NoSettings, "answers", NumberRow, ("value", "feedback"), 1, _("Accepted answers"),
        _("An answer counts if it is within the tolerance of the value; * accepts any number."),
    ),
    QuestionType.MATCHING: Kind(
        ChoiceSettings, "pairs", PairRow, ("prompt", "answer"), 3, _("Pairs"),
        _("At least two pairs. A pair without a prompt adds a wrong answer to every list."),
    ),
    QuestionType.ESSAY: Kind(EssaySettings),
    QuestionType.CASE_ANALYSIS: Kind(
        CaseSettings, "rubric", CriterionRow, ("criterion", "points", "description"), 3, _("Rubric"),
        _("The criteria's points must add up to the question's points."),
    ),
}  # fmt: skip


def _initial_settings(qtype: str, data: dict) -> dict:
    initial = {key: value for key, value in data.items() if not isinstance(value, list)}
    if qtype == QuestionType.TRUE_FALSE and isinstance(data.get("correct"), bool):
        initial["correct"] = "true" if data["correct"] else "false"
    return initial


class QuestionEditor:
    """The answer editor of one question type, bound to a POST or showing stored ``data``."""

    def __init__(self, qtype: str, *, post=None, data: dict | None = None, add_row: bool = False):
        self.qtype = qtype
        self.kind = KINDS[qtype]
        data = data or {}
        self.settings = self.kind.settings(
            post, prefix=SETTINGS_PREFIX, initial=_initial_settings(qtype, data) if post is None else None
        )
        self.rows = None
        if self.kind.row_form is not None:
            if post is not None and add_row:
                post = post.copy()
                total = f"{ROWS_PREFIX}-TOTAL_FORMS"
                post[total] = (
                    str(int(post.get(total) or 0) + 1) if str(post.get(total, "")).isdigit() else "1"
                )
            initial = [
                {name: str(value) for name, value in row.items()} if isinstance(row, dict) else {}
                for row in data.get(self.kind.rows_key) or []
            ]
            formset_class = forms.formset_factory(
                self.kind.row_form,
                extra=max(self.kind.new_rows - len(initial), 0),
                can_order=True,
                can_delete=True,
            )
            self.rows = formset_class(post, prefix=ROWS_PREFIX, initial=initial if post is None else None)
        self._row_of_index: list[forms.Form] = []

    # --- what was typed, as stored data

    def is_valid(self) -> bool:
        settings_valid = self.settings.is_valid()
        return (self.rows is None or self.rows.is_valid()) and settings_valid

    def _entries(self) -> list[tuple[forms.Form, dict]]:
        if self.rows is None:
            return []
        self.rows.is_valid()
        if not self.rows.is_bound or self.rows.management_form.errors:
            return []
        entries = []
        for index, form in enumerate(self.rows.forms):
            cleaned = getattr(form, "cleaned_data", None) or {}
            if cleaned.get("DELETE"):
                continue
            values = {name: (cleaned.get(name) or "").strip() for name in self.kind.row_form.base_fields}
            if not any(values[name] for name in self.kind.blank_unless):
                continue
            order = cleaned.get("ORDER")
            entries.append((order if order is not None else 10**9, index, form, values))
        entries.sort(key=lambda entry: entry[:2])
        return [(form, values) for _order, _index, form, values in entries]

    def stored_data(self) -> dict:
        """The data the form describes, in the stored shape, not yet validated (the schema does that)."""
        settings = getattr(self.settings, "cleaned_data", None) or {}
        data = {name: settings.get(name, "") for name in self.settings.base_fields}
        if self.qtype == QuestionType.TRUE_FALSE:
            data["correct"] = {"true": True, "false": False}.get(settings.get("correct"))
        if self.rows is not None:
            entries = self._entries()
            self._row_of_index = [form for form, _values in entries]
            data[self.kind.rows_key] = [values for _form, values in entries]
        return data

    # --- the schema's problems, at their fields

    def show_problems(self, problems: list[tuple[tuple, str]]) -> None:
        """Put each ``(location, message)`` of ``DataError.problems`` at the field it names.

        Call after ``stored_data()`` (it knows which row each stored entry came from)."""
        for location, message in problems:
            if location and location[0] == self.kind.rows_key and self.rows is not None:
                if len(location) == 3 and location[1] < len(self._row_of_index):
                    form = self._row_of_index[location[1]]
                    if location[2] in form.fields:
                        form.add_error(location[2], message)
                        continue
                self.row_errors().append(message)
            elif location and location[0] in self.settings.fields:
                self.settings.add_error(location[0], message)
            else:
                self.settings.add_error(None, message)

    def row_errors(self) -> ErrorList:
        """The errors about the rows as a whole (too few, none right, grades adding up wrong)."""
        errors = self.rows.non_form_errors()  # computed once, then the same list
        return errors

    def has_errors(self) -> bool:
        rows_have = self.rows is not None and (
            any(form.errors for form in self.rows.forms) or bool(self.rows.non_form_errors())
        )
        return bool(self.settings.errors) or rows_have

    @property
    def rows_label(self):
        return self.kind.rows_label

    @property
    def help(self):
        return self.kind.help

    def row_fields(self) -> list[str]:
        return list(self.kind.row_form.base_fields) if self.kind.row_form else []
