"""Public verification pages: no account needed, the least data that proves a certificate."""

import hashlib

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from certification import ratelimit, selectors

MAX_PDF_BYTES = 20 * 1024 * 1024


class SerialForm(forms.Form):
    serial = forms.CharField(
        label=_("Certificate serial number"),
        max_length=64,
        widget=forms.TextInput(attrs={"placeholder": "TTA-2026-P-000123", "autocomplete": "off"}),
    )

    def clean_serial(self):
        return self.cleaned_data["serial"].strip().upper()


class PdfForm(forms.Form):
    pdf = forms.FileField(label=_("Certificate PDF"))

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(_("The file is too large to be a certificate (at most 20 MB)."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This file is not a PDF."))
        return upload


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def _result(request, certificate, *, status=200, **context):
    view = selectors.public_view(certificate=certificate, language=get_language() or settings.LANGUAGE_CODE)
    return render(request, "certification/verify/result.html", {"view": view, **context}, status=status)


def _too_many(request, form=None, pdf_form=None):
    return render(
        request,
        "certification/verify/form.html",
        {
            "form": form or SerialForm(),
            "pdf_form": pdf_form or PdfForm(),
            "error": _(
                "Too many verification requests from your address. Please wait a minute and try again."
            ),
        },
        status=429,
    )


@never_cache
@require_GET
def verify_form(request):
    """``/verify/``: enter a serial. The result is shown in place; the QR code link is never revealed."""
    if "serial" not in request.GET:
        return render(
            request, "certification/verify/form.html", {"form": SerialForm(), "pdf_form": PdfForm()}
        )
    form = SerialForm(request.GET)
    if not form.is_valid():
        return render(
            request, "certification/verify/form.html", {"form": form, "pdf_form": PdfForm()}, status=400
        )
    if not ratelimit.allow(request):
        return _too_many(request, form=form)
    certificate = selectors.certificate_by_serial(form.cleaned_data["serial"])
    if certificate is None:
        return render(
            request,
            "certification/verify/form.html",
            {
                "form": form,
                "pdf_form": PdfForm(),
                "not_found": _("No certificate has this serial number. Check it and try again."),
            },
            status=404,
        )
    return _result(request, certificate)


@never_cache
@require_GET
def verify_code(request, code: str):
    """``/verify/<code>/``, the link in the certificate's QR code."""
    if not ratelimit.allow(request):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return render(
            request,
            "certification/verify/form.html",
            {
                "form": SerialForm(),
                "pdf_form": PdfForm(),
                "not_found": _("This verification link does not belong to any certificate."),
            },
            status=404,
        )
    return _result(request, certificate)


@never_cache
@require_http_methods(["POST"])
def verify_pdf(request):
    """Check that an uploaded PDF is an unaltered copy of an issued certificate (by its SHA-256)."""
    pdf_form = PdfForm(request.POST, request.FILES)
    if not pdf_form.is_valid():
        return render(
            request,
            "certification/verify/form.html",
            {"form": SerialForm(), "pdf_form": pdf_form},
            status=400,
        )
    if not ratelimit.allow(request):
        return _too_many(request, pdf_form=pdf_form)
    certificate = selectors.certificate_by_pdf_hash(_sha256(pdf_form.cleaned_data["pdf"]))
    if certificate is None:
        return render(
            request,
            "certification/verify/form.html",
            {
                "form": SerialForm(),
                "pdf_form": PdfForm(),
                "not_found": _(
                    "This file does not match any certificate we issued: it may have been altered, "
                    "or it is not one of our certificates."
                ),
            },
            status=404,
        )
    return _result(request, certificate, pdf_matches=True)
