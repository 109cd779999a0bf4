from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, ApiScope


class TokenRequestForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “HR system” or “provincial registry”."),
    )
    owner = forms.CharField(
        label=_("Owner's username"),
        max_length=150,
        help_text=_(
            "The token acts with this account's permissions; an instructor or a registrar. Unless it is "
            "you, the owner must accept the token in the admin before it works, and only they see its secret."
        ),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=ApiScope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the token may do; give no more than the integration needs."),
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=TOKEN_MAX_DAYS,
        initial=TOKEN_DEFAULT_DAYS,
        help_text=_("90 days unless there is a reason; at most a year."),
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
