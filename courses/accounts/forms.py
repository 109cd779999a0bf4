import re

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.names import validate_printable_name

from .identity import IdentityDocumentType
from .services import privacy_consent_record, trainee_profile_save


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


class SignupForm(forms.Form):
    """Fields django-allauth adds to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    real_name = forms.CharField(
        label=_("Real name"),
        max_length=100,
        help_text=_("As on your identity document: it appears on your certificates."),
    )
    accept_privacy_notice = forms.BooleanField(
        label=_("I have read and agree to the privacy notice"),
        error_messages={"required": _("To sign up you must agree to the privacy notice.")},
    )

    def clean_real_name(self):
        real_name = self.cleaned_data["real_name"].strip()
        validate_printable_name(real_name)  # it is printed on certificates
        return real_name

    def signup(self, request, user):
        trainee_profile_save(user=user, real_name=self.cleaned_data["real_name"])
        privacy_consent_record(user=user, ip_address=client_ip(request))


_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")


class TraineeProfileForm(forms.Form):
    real_name = forms.CharField(label=_("Real name"), max_length=100)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    phone = forms.CharField(label=_("Mobile phone"), max_length=30)
    identity_document_type = forms.ChoiceField(
        label=_("Identity document"), choices=IdentityDocumentType.choices
    )
    identity_number = forms.CharField(
        label=_("Identity document number"),
        max_length=40,
        required=False,
        # The number is never sent back to the browser: the field starts empty every time.
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, has_number: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_number = has_number
        if has_number:
            self.fields["identity_number"].help_text = _("Leave empty to keep the number on file.")
        else:
            self.fields["identity_number"].required = True

    def clean_real_name(self):
        real_name = self.cleaned_data["real_name"].strip()
        validate_printable_name(real_name)
        return real_name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not _PHONE.fullmatch(phone):
            raise forms.ValidationError(_("Enter a phone number of 6 to 20 digits."), code="phone")
        return phone

    def save(self, *, user):
        """Save through the service; its validation errors become this form's field errors."""
        data = self.cleaned_data
        try:
            return trainee_profile_save(
                user=user,
                real_name=data["real_name"],
                organisation=data["organisation"],
                phone=data["phone"],
                identity_document_type=data["identity_document_type"],
                identity_number=data["identity_number"] or None,
            )
        except forms.ValidationError as error:
            self.add_error(None, error)
            return None


class ConsentForm(forms.Form):
    accept_privacy_notice = forms.BooleanField(
        label=_("I have read and agree to the privacy notice"),
        error_messages={"required": _("Please tick the box to agree to the privacy notice.")},
    )
