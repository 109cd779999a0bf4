"""Admin forms: a question with the content of its new version, an upload, an import confirmation."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ImportFormat, Question, QuestionBank, TextFormat
from .schema import DataError, validate_data
from .services import import_extension_allowed, import_extension_message

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

DATA_HELP = _(
    "The answers as JSON; the shape depends on the type. Single/multiple choice: "
    '{"options": [{"text": "…", "fraction": "1", "feedback": ""}, …]} (fractions from -1 to 1); '
    'true/false: {"correct": true}; short answer: {"answers": [{"text": "…", "fraction": "1"}], '
    '"case_sensitive": false}; numerical: {"answers": [{"value": "3", "tolerance": "0.5", "fraction": "1"}]}; '
    'matching: {"pairs": [{"prompt": "…", "answer": "…"}, …]}; essay: {"grader_info": "…"}; '
    'case analysis: {"rubric": [{"criterion": "…", "points": "5"}], "grader_info": "…"}.'
)


class _ReadableJSONField(forms.JSONField):
    """Shows the stored answers indented, one option per line, with Chinese left as it is."""

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2)


class QuestionForm(WagtailAdminModelForm):
    """Question fields plus the content of the version that saving creates."""

    version_name = forms.CharField(label=_("name"), max_length=255)
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
    data = _ReadableJSONField(label=_("answers and grading data"), help_text=DATA_HELP)
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
                data=version.data,
                default_points=version.default_points,
                general_feedback=version.general_feedback,
            )
        self.fields["data"].widget.attrs.update(rows=10, style="font-family: monospace")

    def clean(self):
        cleaned = super().clean()
        qtype, data = cleaned.get("qtype"), cleaned.get("data")
        if qtype and "data" in cleaned:
            try:
                cleaned["data"] = validate_data(qtype, data)
            except DataError as error:
                for message in error.messages:
                    self.add_error("data", message)
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

    def __init__(self, *args, unsupported_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.unsupported_count = unsupported_count
        if not unsupported_count:
            del self.fields["skip_unsupported"]

    def clean(self):
        cleaned = super().clean()
        if self.unsupported_count and not cleaned.get("skip_unsupported"):
            raise forms.ValidationError(
                _("Tick the box to import the other questions without the %(count)s unsupported ones.")
                % {"count": self.unsupported_count}
            )
        return cleaned
