from django import forms
from django.utils.translation import gettext_lazy as _

from cms.choices import DeliveryMode, Level, Module


def _with_any(choices):
    return [("", _("All"))] + list(choices)


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_with_any(Level.choices))
    module = forms.ChoiceField(label=_("Module"), required=False, choices=_with_any(Module.choices))
    delivery_mode = forms.ChoiceField(
        label=_("Delivery mode"), required=False, choices=_with_any(DeliveryMode.choices)
    )

    def __init__(self, *args, levels: set[str] | None = None, **kwargs):
        """``levels``: the levels to offer (those the catalogue has courses of); all when None."""
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if levels is not None:
            # A level asked for in the address is kept (it finds nothing, as it should), but not offered.
            wanted = set(levels) | {self.data.get("level")} if self.is_bound else set(levels)
            self.fields["level"].choices = _with_any(
                [(value, label) for value, label in Level.choices if value in wanted]
            )
