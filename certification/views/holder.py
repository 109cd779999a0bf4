"""The holder's pages: my certificates, eligibility, downloads, sharing choices and renewal.

PDFs and credentials are served only to the holder and certificate staff, through these views;
anyone else gets a 404, as if the certificate did not exist.
"""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from certification import credentials, selectors, services
from certification.eligibility import eligibility_for
from certification.models import Certificate, CertificateRule, RenderState
from certification.qr import qr_svg
from cms.models import ProgramPage
from core.downloads import attachment_response, file_response


class SharingForm(forms.Form):
    share_full_name = forms.BooleanField(label=gettext_lazy("Show my full name"), required=False)
    share_hours_detail = forms.BooleanField(
        label=gettext_lazy("Show my learning hours by course"), required=False
    )


def _downloadable(request, pk: int) -> Certificate:
    certificate = get_object_or_404(Certificate.objects.select_related("program"), pk=pk)
    if not selectors.can_download(user=request.user, certificate=certificate):
        raise Http404
    return certificate


def _verification_qr(request, certificate: Certificate) -> dict | None:
    """A live certificate's verification link and the QR code of it printed on the PDF (frozen at
    issue), for the holder to show on a phone; None for a certificate no longer valid."""
    if not certificate.is_live:
        return None
    url = certificate.snapshot.get("verification_url") or request.build_absolute_uri(
        reverse("certification:verify_code", args=[certificate.verification_code])
    )
    return {"url": url, "svg": mark_safe(qr_svg(url))}  # noqa: S308 - our own SVG of our own URL


@login_required
@require_GET
def certificate_list(request):
    """My certificates with their history, and where I stand in each program that issues one."""
    mine = list(selectors.certificates_for_holder(user=request.user))
    held = {c.program.translation_key for c in mine if c.is_live}
    keys = CertificateRule.objects.values("program__translation_key")
    programs = list(
        ProgramPage.objects.live().filter(
            translation_key__in=keys, locale__language_code=request.LANGUAGE_CODE
        )
    ) or list(ProgramPage.objects.live().filter(pk__in=CertificateRule.objects.values("program_id")))
    progress = [
        eligibility_for(user=request.user, program=program)
        for program in programs
        if program.translation_key not in held
    ]
    rows = [
        {
            "certificate": certificate,
            "qr": _verification_qr(request, certificate),
            "view": selectors.public_view(certificate=certificate, language=request.LANGUAGE_CODE),
            "renewal": selectors.renewal_status(certificate=certificate),
            "sharing": SharingForm(
                initial={
                    "share_full_name": certificate.share_full_name,
                    "share_hours_detail": certificate.share_hours_detail,
                }
            ),
        }
        for certificate in mine
    ]
    return render(request, "certification/holder/list.html", {"rows": rows, "progress": progress})


@login_required
@require_GET
def certificate_pdf(request, pk: int):
    """The stored PDF, byte for byte (frozen), as an attachment."""
    certificate = _downloadable(request, pk)
    if certificate.render_state != RenderState.DONE or not certificate.pdf:
        raise Http404(_("This certificate's PDF is not ready yet."))
    return file_response(
        certificate.pdf.open("rb"), filename=f"{certificate.serial}.pdf", content_type="application/pdf"
    )


@login_required
@require_GET
def certificate_credential(request, pk: int):
    """The signed Open Badges 3.0 / Verifiable Credential 2.0 document."""
    certificate = _downloadable(request, pk)
    body = json.dumps(credentials.credential_for(certificate), ensure_ascii=False, indent=2)
    return attachment_response(
        body,
        filename=f"{certificate.serial}.credential.json",
        content_type="application/ld+json; charset=utf-8",
    )


@login_required
@require_POST
def certificate_sharing(request, pk: int):
    certificate = get_object_or_404(Certificate, pk=pk, user=request.user)
    form = SharingForm(request.POST)
    if form.is_valid():
        services.certificate_set_sharing(certificate=certificate, user=request.user, **form.cleaned_data)
        messages.success(request, _("Your choices for the verification page are saved."))
    return redirect("certification:holder_list")


@login_required
@require_POST
def certificate_renew(request, pk: int):
    certificate = get_object_or_404(Certificate, pk=pk, user=request.user)
    try:
        new = services.certificate_renew(certificate=certificate, actor=request.user)
    except services.CertificationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Renewed: your new certificate is %(serial)s.") % {"serial": new.serial})
    return redirect("certification:holder_list")
