from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .kinds import NotificationKind


class PreferenceForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of emails"), choices=settings.LANGUAGES)
    emailed_kinds = forms.MultipleChoiceField(
        label=_("Send me an email when"),
        choices=NotificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every notification also appears in your notification list, whatever you choose here."),
    )
