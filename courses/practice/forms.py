from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); none is fine."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class SubmissionForm(forms.Form):
    """The upload: a report, optional attachments, the signed declaration. The files' content is
    checked by the service (``courses.practice.files``), never here by their names."""

    report = forms.FileField(
        label=_("Report (PDF or Word .docx)"),
        error_messages={"required": _("Choose the report file to upload."), "empty": _("The file is empty.")},
    )
    attachments = MultipleFileField(label=_("Attachments (optional)"), required=False)
    declaration = forms.BooleanField(
        label=_("I have read and sign the originality declaration above."),
        required=False,  # the service refuses an unsigned one, with its own message
    )

    def __init__(self, *args, max_attachments: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        if not max_attachments:
            del self.fields["attachments"]
        self.max_attachments = max_attachments

    def clean(self):
        data = super().clean()
        data.setdefault("attachments", [])
        return data


class ExtensionForm(forms.Form):
    username = forms.CharField(label=_("Trainee's username"), max_length=150)
    due_at = forms.DateTimeField(
        label=_("New due date"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def clean_username(self):
        user = get_user_model().objects.filter(username=self.cleaned_data["username"]).first()
        if user is None:
            raise forms.ValidationError(_("No user has this username."))
        return user

    def clean(self):
        data = super().clean()
        if "username" in data:
            data["trainee"] = data["username"]
        return data
