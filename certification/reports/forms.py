"""Forms of the registrar reports: the registry's filters and bulk actions, the annual report's year."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from certification.models import CertificateStatus
from certification.services.bulk import BULK_ACTIONS
from cms.models import ProgramPage
from courses.models import Cohort

PAGE_SIZES = (50, 100, 200)


class RegistryFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Serial, username or name")}),
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    program = forms.ModelChoiceField(
        label=gettext_lazy("Program"),
        queryset=ProgramPage.objects.none(),
        required=False,
        empty_label=gettext_lazy("All programs"),
    )
    cohort = forms.ModelChoiceField(
        label=gettext_lazy("Cohort"),
        queryset=Cohort.objects.none(),
        required=False,
        empty_label=gettext_lazy("All cohorts"),
    )
    issued_from = forms.DateField(
        label=gettext_lazy("Issued from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    issued_to = forms.DateField(
        label=gettext_lazy("Issued until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    per_page = forms.TypedChoiceField(
        label=gettext_lazy("Per page"),
        required=False,
        coerce=int,
        choices=[(n, n) for n in PAGE_SIZES],
        empty_value=PAGE_SIZES[0],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *CertificateStatus.choices]
        self.fields["program"].queryset = ProgramPage.objects.filter(locale=Locale.get_default()).order_by(
            "path"
        )
        self.fields["cohort"].queryset = Cohort.objects.order_by("-starts_on", "code")

    def clean(self):
        data = super().clean()
        start, end = data.get("issued_from"), data.get("issued_to")
        if start and end and end < start:
            self.add_error("issued_to", _("The end date is before the start date."))
        return data

    def filters(self) -> dict:
        """The selector's keyword arguments (no filter for an invalid form)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "status": data.get("status") or "",
            "program": data.get("program"),
            "cohort": data.get("cohort"),
            "issued_from": data.get("issued_from"),
            "issued_to": data.get("issued_to"),
        }


EXPORT = "export"
# A bulk action on ticked rows takes at most this many certificates (the largest page).
BULK_MAX = max(PAGE_SIZES)
# "All matching the filter" changes at most this many certificates at once; beyond it the registrar
# is asked to narrow the filter. A worker does it, at about 17 ms a certificate on PostgreSQL (each
# is its own transaction and event): 20,000 take some six minutes, watched on the change's page.
BULK_ALL_MAX = 20_000
SELECTED, ALL_MATCHING = "selected", "all"


class IdListField(forms.Field):
    """The ticked rows: a list of certificate ids."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        try:
            ids = sorted({int(item) for item in value})
        except (TypeError, ValueError):
            raise forms.ValidationError(_("The selection is not valid.")) from None
        if len(ids) > BULK_MAX:
            raise forms.ValidationError(
                _("Select at most %(count)d certificates at a time.") % {"count": BULK_MAX}
            )
        return ids


class BulkActionForm(forms.Form):
    """A bulk action on the ticked rows, or (``scope`` "all") on every certificate matching the
    registry filter carried in ``filters`` (the registry page's query string). Changing all matching
    certificates takes a second, confirmed post that repeats the count the registrar was shown."""

    action = forms.ChoiceField(label=gettext_lazy("With the selected certificates"))
    certificates = IdListField(required=False)
    reason = forms.CharField(label=gettext_lazy("Reason"), required=False, max_length=1000)
    scope = forms.ChoiceField(required=False, choices=[(SELECTED, SELECTED), (ALL_MATCHING, ALL_MATCHING)])
    filters = forms.CharField(required=False, max_length=2000)
    confirmed_count = forms.IntegerField(required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            ("suspend", _("Suspend")),
            ("reinstate", _("Reinstate")),
            ("revoke", _("Revoke")),
            (EXPORT, _("Export to Excel")),
        ]
        self.filter_form: RegistryFilterForm | None = None

    @property
    def all_matching(self) -> bool:
        return self.cleaned_data.get("scope") == ALL_MATCHING

    def clean(self):
        data = super().clean()
        if data.get("action") in ("suspend", "revoke") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please give a reason."))
        if data.get("action") not in (*BULK_ACTIONS, EXPORT, None):
            self.add_error("action", _("Unknown action."))
        if data.get("scope") == ALL_MATCHING:
            # An invalid filter must not widen to every certificate: refuse it instead.
            self.filter_form = RegistryFilterForm(QueryDict(data.get("filters") or ""))
            if not self.filter_form.is_valid():
                self.add_error(
                    "filters", _("The filter is not valid: go back to the registry and filter again.")
                )
        elif "certificates" not in self.errors and not data.get("certificates"):
            self.add_error("certificates", _("Select at least one certificate."))
        return data


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]
