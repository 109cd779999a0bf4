"""Admin views for registrars: find a certificate, see its history, suspend, reinstate, revoke,
reissue; issue one trainee's certificate. Thin: check the registrar, call the lifecycle services."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from certification import selectors, services
from certification.eligibility import eligibility_for
from certification.models import Certificate, CertificateRule, CertificateStatus
from cms.models import ProgramPage
from core.roles import registrar_required
from courses.accounts.selectors import display_name

ACTIONS = {
    "suspend": services.certificate_suspend,
    "reinstate": services.certificate_reinstate,
    "revoke": services.certificate_revoke,
    "reissue": services.certificate_reissue,
}


class ActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(name, name) for name in ACTIONS])
    reason = forms.CharField(
        label=gettext_lazy("Reason"), required=False, max_length=1000, widget=forms.Textarea
    )
    # Only for a revocation: published on the verification page, unlike the internal reason.
    public_note = forms.CharField(
        label=gettext_lazy("Public note"), required=False, max_length=500, widget=forms.Textarea
    )
    # Set by the confirmation page: the registrar has read what will change.
    confirmed = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        # Checked before asking for confirmation, so the registrar never confirms a refused change.
        if data.get("action") in ("suspend", "revoke", "reissue") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please give a reason."))
        return data


class IssueForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Trainee's username"), max_length=150)
    program = forms.ModelChoiceField(label=gettext_lazy("Program"), queryset=ProgramPage.objects.none())
    skip_rule = forms.BooleanField(
        label=gettext_lazy("Issue even if the rule is not met (give a reason)"), required=False
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), required=False, max_length=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = ProgramPage.objects.filter(
            pk__in=CertificateRule.objects.values("program_id")
        )

    def clean_username(self):
        user = get_user_model().objects.filter(username=self.cleaned_data["username"].strip()).first()
        if user is None:
            raise forms.ValidationError(_("No user has this username."))
        return user

    def clean(self):
        data = super().clean()
        if data.get("skip_rule") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please give a reason."))
        return data


@require_http_methods(["GET"])
def certificate_list(request):
    registrar_required(user=request.user)
    query = (request.GET.get("q") or "").strip()
    status = request.GET.get("status") or ""
    certificates = Certificate.objects.select_related("user", "program").order_by("-issued_at", "-pk")
    if query:
        certificates = certificates.filter(
            Q(serial__icontains=query) | Q(user__username__icontains=query) | Q(snapshot__holder_name=query)
        )
    if status in CertificateStatus.values:
        certificates = certificates.filter(status=status)
    page = Paginator(certificates, 50).get_page(request.GET.get("p"))
    context = {
        "page": page,
        "query": query,
        "status": status,
        "statuses": CertificateStatus.choices,
        "refusals": selectors.auto_issue_refusals(),
    }
    return TemplateResponse(request, "certification/manage/list.html", context)


def _consequences(certificate: Certificate, data: dict) -> dict:
    """What an action will change, for the confirmation page: the status before and after, and
    what the public verification page and the holder will see."""
    action = data["action"]
    after = {
        "suspend": CertificateStatus.SUSPENDED,
        "reinstate": CertificateStatus.ISSUED,
        "revoke": CertificateStatus.REVOKED,
        "reissue": CertificateStatus.SUPERSEDED,
    }[action]
    effects = {
        "suspend": _("The verification page will show the certificate as suspended until it is reinstated."),
        "reinstate": _("The verification page will show the certificate as valid again."),
        "revoke": _(
            "The verification page will show the certificate as revoked, for good: a revocation cannot be undone."
        ),
        "reissue": _(
            "A new certificate with a new serial is issued from the current data; this one is marked superseded."
        ),
    }[action]
    labels = {
        "suspend": _("Suspend"),
        "reinstate": _("Reinstate"),
        "revoke": _("Revoke"),
        "reissue": _("Reissue with current data"),
    }
    return {
        "action_label": labels[action],
        "status_before": certificate.get_status_display(),
        "status_after": CertificateStatus(after).label,
        "effect": effects,
    }


@require_http_methods(["GET", "POST"])
def certificate_detail(request, pk: int):
    registrar_required(user=request.user)
    certificate = get_object_or_404(Certificate.objects.select_related("user", "program"), pk=pk)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not form.cleaned_data["confirmed"]:
        # Ask first, stating exactly what will change; nothing is changed by this request.
        return TemplateResponse(
            request,
            "certification/manage/confirm.html",
            {
                "certificate": certificate,
                "data": form.cleaned_data,
                **_consequences(certificate, form.cleaned_data),
            },
        )
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        extra = {"public_note": form.cleaned_data["public_note"]} if action == "revoke" else {}
        before = certificate.status
        try:
            result = ACTIONS[action](
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"], **extra
            )
        except services.CertificationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Done: %(serial)s was “%(before)s” and is now “%(status)s”.")
                % {
                    "serial": result.serial if result.pk == certificate.pk else certificate.serial,
                    "before": CertificateStatus(before).label,
                    "status": CertificateStatus(result.status).label,
                }
                + (
                    " " + _("New certificate: %(serial)s.") % {"serial": result.serial}
                    if result.pk != certificate.pk
                    else ""
                ),
            )
            return redirect("certificate_manage_detail", pk=result.pk)
    context = {
        "certificate": certificate,
        "view": selectors.public_view(certificate=certificate, language=request.LANGUAGE_CODE),
        "history": selectors.certificate_history(certificate=certificate),
        "events": certificate.events.select_related("actor"),
        "form": form,
    }
    return TemplateResponse(request, "certification/manage/detail.html", context)


@require_http_methods(["GET", "POST"])
def certificate_issue(request):
    registrar_required(user=request.user)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["skip_rule"] and request.POST.get("confirmed") != "1":
            # An exception to the rule is an official act: show who, which program, the reason and
            # what the rule says they lack, and change nothing until the registrar confirms.
            return TemplateResponse(
                request,
                "certification/manage/issue_confirm.html",
                {
                    "data": data,
                    "holder": display_name(data["username"]),
                    "eligibility": eligibility_for(user=data["username"], program=data["program"]),
                },
            )
        try:
            result = services.certificate_issue(
                user=data["username"],
                program=data["program"],
                actor=request.user,
                check_eligibility=not data["skip_rule"],
                reason=data["reason"],
            )
        except services.CertificationError as error:
            form.add_error(None, str(error))
        else:
            if result.created and data["skip_rule"]:
                # The receipt of an exception: what was done, to whom, and the reason now on record.
                messages.success(
                    request,
                    _(
                        "Issued %(serial)s to %(name)s for %(program)s as an exception to the rule. "
                        "Reason recorded: %(reason)s"
                    )
                    % {
                        "serial": result.certificate.serial,
                        "name": display_name(data["username"]),
                        "program": data["program"].localized.title,
                        "reason": data["reason"].strip(),
                    },
                )
            elif result.created:
                messages.success(request, _("Issued %(serial)s.") % {"serial": result.certificate.serial})
            else:
                messages.info(
                    request,
                    _("This trainee already holds %(serial)s.") % {"serial": result.certificate.serial},
                )
            return redirect("certificate_manage_detail", pk=result.certificate.pk)
    return TemplateResponse(request, "certification/manage/issue.html", {"form": form})
