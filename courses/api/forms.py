from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “HR system” or “provincial registry”."),
    )
    owner = forms.CharField(
        label=_("Owner's username"),
        max_length=150,
        help_text=_(
            "The token acts with this account's permissions: for cohorts and enrolments, an instructor "
            "or a registrar."
        ),
    )

    def clean_owner(self):
        owner = (
            get_user_model()
            .objects.filter(username=self.cleaned_data["owner"].strip(), is_active=True)
            .first()
        )
        if owner is None:
            raise forms.ValidationError(_("No active account has this username."))
        return owner
