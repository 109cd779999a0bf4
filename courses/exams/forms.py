from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

# Feedback to the trainee, per answer: a few paragraphs, not a book (the comments per criterion: 4,000).
FEEDBACK_MAX_LENGTH = 10_000


class GradeForm(forms.Form):
    score = forms.DecimalField(label=_("Points"), min_value=Decimal(0), max_digits=8, decimal_places=2)
    feedback = forms.CharField(
        label=_("Feedback to the trainee"),
        required=False,
        max_length=FEEDBACK_MAX_LENGTH,
        widget=forms.Textarea,
    )


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


class RubricMarkForm(forms.Form):
    """A score and a comment per rubric criterion (``grading.criteria_for``), and feedback to the trainee.

    Each score is bounded by its criterion's points; an error shows at that criterion.
    """

    feedback = forms.CharField(
        label=_("Feedback to the trainee"),
        required=False,
        max_length=FEEDBACK_MAX_LENGTH,
        widget=forms.Textarea,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for index, criterion in enumerate(criteria):
            self.fields[f"c{index}_score"] = forms.DecimalField(
                label=criterion.name or _("Points"),
                min_value=Decimal(0),
                max_value=criterion.points,
                max_digits=8,
                decimal_places=2,
                error_messages={
                    "max_value": _("At most %(max)s points for this criterion.")
                    % {"max": criterion.shown_points},
                    "min_value": _("The score may not be negative."),
                },
            )
            self.fields[f"c{index}_comment"] = forms.CharField(
                label=_("Comment"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self):
        """Each criterion with its bound score and comment fields, for the template."""
        return [
            {"criterion": criterion, "score": self[f"c{index}_score"], "comment": self[f"c{index}_comment"]}
            for index, criterion in enumerate(self.criteria)
        ]

    def scores(self) -> list[Decimal]:
        return [self.cleaned_data[f"c{index}_score"] for index in range(len(self.criteria))]

    def comments(self) -> list[str]:
        return [self.cleaned_data[f"c{index}_comment"] for index in range(len(self.criteria))]
