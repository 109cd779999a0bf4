from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class GradeForm(forms.Form):
    score = forms.DecimalField(label=_("Points"), min_value=Decimal(0), max_digits=8, decimal_places=2)
    feedback = forms.CharField(label=_("Feedback to the trainee"), required=False, widget=forms.Textarea)


class OverrideForm(forms.Form):
    score = forms.DecimalField(label=_("New points"), min_value=Decimal(0), max_digits=8, decimal_places=2)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea, max_length=2000)


class ExtraTimeForm(forms.Form):
    username = forms.CharField(label=_("Trainee's username"), max_length=150)
    extra_minutes = forms.IntegerField(label=_("Extra minutes"), min_value=0, max_value=24 * 60)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea, max_length=2000)

    def clean_username(self):
        user = get_user_model().objects.filter(username=self.cleaned_data["username"]).first()
        if user is None:
            raise forms.ValidationError(_("No user has this username."))
        return user
