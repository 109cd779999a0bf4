"""Forms of the learning app's staff area. They parse and validate; services do the writing."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.imports import EXTENSION_MESSAGE, extension_allowed
from courses.models import EnrolmentStatus


class RosterFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *EnrolmentStatus.choices]
    )
    sort = forms.CharField(required=False, widget=forms.HiddenInput)


class EnrolmentImportForm(forms.Form):
    file = forms.FileField(
        label=_("Trainee list"),
        help_text=_(
            "An Excel (.xlsx) or CSV file whose first row names the columns: username or email, "
            "real name, organisation, phone."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not extension_allowed(upload.name):
            raise forms.ValidationError(EXTENSION_MESSAGE)
        return upload


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class InviteForm(forms.Form):
    identifier = forms.CharField(label=_("Username or email"), max_length=254)

    def clean_identifier(self):
        value = self.cleaned_data["identifier"].strip()
        users = list(
            get_user_model().objects.filter(
                Q(username__iexact=value) | Q(email__iexact=value), is_active=True
            )[:2]
        )
        if len(users) != 1:
            raise forms.ValidationError(_("No single active account has this username or email."))
        self.user = users[0]
        return value


class HoursAdjustForm(forms.Form):
    course = forms.TypedChoiceField(label=_("Course"), coerce=int)
    hours = forms.DecimalField(
        label=_("Hours"),
        max_digits=6,
        decimal_places=1,
        min_value=Decimal("-999"),
        max_value=Decimal("999"),
        help_text=_("Positive to credit, negative to correct."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.courses = {course.pk: course for course in courses}
        self.fields["course"].choices = [(course.pk, f"{course.code} {course.title}") for course in courses]

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours == 0:
            raise forms.ValidationError(_("An adjustment must add or remove some hours."))
        return hours

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give a reason for the adjustment."))
        return reason
