"""Admin forms: a question with the content of its new version and its answer editor, an upload, an
import confirmation."""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .editor import ADD_ROW, QuestionEditor
from .models import ImportFormat, Question, QuestionBank, QuestionType, TextFormat
from .schema import DataError, rubric_problems, validate_data
from .services import import_extension_allowed, import_extension_message

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class QuestionForm(WagtailAdminModelForm):
    """Question fields, the content of the version that saving creates, and the answer editor of its
    type (``self.editor``, courses.questions.editor): the answers are never typed as JSON.

    The type is chosen before the form opens (the add view asks) and kept afterwards.
    """

    version_name = forms.CharField(label=_("Question name"), max_length=255)
    text = forms.CharField(label=_("question text"), widget=forms.Textarea(attrs={"rows": 5}))
    text_format = forms.ChoiceField(
        label=_("text format"),
        choices=TextFormat.choices,
        initial=TextFormat.PLAIN,
        help_text=_(
            "HTML keeps paragraphs, line breaks, emphasis, lists, tables, sub/superscript, code and "
            "embedded images (data: URIs or this site's media); everything else, such as scripts, "
            "links, frames and images from other sites, is removed when you save."
        ),
    )
    default_points = forms.DecimalField(
        label=_("default points"), min_value=0, max_digits=7, decimal_places=2, initial=1
    )
    general_feedback = forms.CharField(
        label=_("general feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = Question
        fields = ["bank", "qtype", "module", "difficulty", "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = self.instance.current_version if self.instance.pk else None
        if version is not None:
            self.fields["qtype"].disabled = True  # a question keeps its type; make a new one instead
            self.initial.update(
                version_name=version.name,
                text=version.text,
                text_format=version.text_format,
                default_points=version.default_points,
                general_feedback=version.general_feedback,
            )
        self.qtype = self.instance.qtype if self.instance.pk else None
        if self.qtype is None:
            self.qtype = self.data.get("qtype") if self.is_bound else self.initial.get("qtype")
        if self.qtype not in QuestionType.values:
            self.qtype = None
        if self.qtype and not self.instance.pk:  # chosen on the page before: shown, not changed here
            self.fields["qtype"].choices = [(self.qtype, QuestionType(self.qtype).label)]
        self.adding_row = self.is_bound and ADD_ROW in self.data
        self.editor = (
            QuestionEditor(
                self.qtype,
                post=self.data if self.is_bound else None,
                data=version.data if version is not None else None,
                add_row=self.adding_row,
            )
            if self.qtype
            else None
        )

    def full_clean(self):
        if self.adding_row:  # "add another" row: shown again, nothing checked or saved
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()

    def is_valid(self):
        return (
            not self.adding_row
            and super().is_valid()
            and self.editor is not None
            and not self.editor.has_errors()
        )

    def clean(self):
        cleaned = super().clean()
        if self.editor is None:
            return cleaned
        self.editor.is_valid()
        data = self.editor.stored_data()
        problems = []
        try:
            cleaned["data"] = validate_data(self.qtype, data)
        except DataError as error:
            problems = error.problems
        if self.qtype == QuestionType.CASE_ANALYSIS and "data" in cleaned and "default_points" in cleaned:
            problems = rubric_problems(cleaned["data"], cleaned["default_points"])
        self.editor.show_problems(problems)
        if problems:
            cleaned.pop("data", None)
        return cleaned

    def version_fields(self) -> dict:
        return {
            "name": self.cleaned_data["version_name"],
            "text": self.cleaned_data["text"],
            "text_format": self.cleaned_data["text_format"],
            "data": self.cleaned_data["data"],
            "default_points": self.cleaned_data["default_points"],
            "general_feedback": self.cleaned_data["general_feedback"],
        }


class ImportUploadForm(forms.Form):
    bank = forms.ModelChoiceField(label=_("Into bank"), queryset=QuestionBank.objects.all())
    file = forms.FileField(
        label=_("Question file"),
        help_text=_(
            "Moodle GIFT (.txt, .gift), Moodle XML (.xml), Aiken (.txt) or our Excel template (.xlsx); at most 10 MB."
        ),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Recognise from the file")), *ImportFormat.choices],
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if not import_extension_allowed(upload.name):
            raise forms.ValidationError(import_extension_message())
        return upload


class ImportConfirmForm(forms.Form):
    skip_unsupported = forms.BooleanField(
        label=_("Import the other questions without the unsupported ones listed above"), required=False
    )
    duplicates = forms.ChoiceField(
        label=_("Questions already in the bank"),
        choices=[
            ("skip", _("Skip them: import only the new questions")),
            ("import", _("Import them again as new questions")),
        ],
        initial="skip",
        required=False,  # not chosen: skipped, as the page offers first
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, unsupported_count: int = 0, duplicate_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.unsupported_count = unsupported_count
        if not unsupported_count:
            del self.fields["skip_unsupported"]
        if not duplicate_count:
            del self.fields["duplicates"]

    @property
    def skip_duplicates(self) -> bool:
        return self.cleaned_data.get("duplicates") != "import"

    def clean(self):
        cleaned = super().clean()
        if self.unsupported_count and not cleaned.get("skip_unsupported"):
            raise forms.ValidationError(
                _("Tick the box to import the other questions without the %(count)s unsupported ones.")
                % {"count": self.unsupported_count}
            )
        return cleaned
