"""Public verification pages: no account needed, the least data that proves a certificate.

Three ways in: the QR code's link (a 192-bit random code, enough on its own), the serial number
together with the holder's name as printed (serials are sequential: a serial alone would let anyone
walk the registry), and an uploaded PDF (its SHA-256). A wrong name answers exactly like an unknown
serial. The serial form is sent by POST, so the holder's name stays out of addresses, logs and history.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from certification import selectors
from cms.untrusted import declared_length
from core import ratelimit
from core.downloads import no_store

# A real certificate PDF is under 200 KB; anything far larger is refused before it is read.
MAX_PDF_BYTES = 2 * 1024 * 1024
# The multipart framing and the CSRF field around the file.
MAX_PDF_REQUEST_BYTES = MAX_PDF_BYTES + 64 * 1024


class SerialForm(forms.Form):
    serial = forms.CharField(
        label=_("Certificate serial number"),
        max_length=64,
        widget=forms.TextInput(attrs={"placeholder": "TTA-2026-P-000123", "autocomplete": "off"}),
    )
    name = forms.CharField(
        label=_("Holder's name, as printed on the certificate"),
        max_length=100,
        help_text=_("The full name, e.g. 张三丰. Both must match the certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_serial(self):
        return self.cleaned_data["serial"].strip().upper()


class PdfForm(forms.Form):
    pdf = forms.FileField(
        label=_("Certificate PDF"), widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"})
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(_too_large_message())
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This file is not a PDF."))
        return upload


def _too_large_message():
    return _("The file is too large to be a certificate (at most %(size)d MB).") % {
        "size": MAX_PDF_BYTES // (1024 * 1024)
    }


class PdfSizeLimitHandler(FileUploadHandler):
    """Stops reading uploads as soon as the request's files together pass ``MAX_PDF_BYTES`` (when
    the declared size did not stop them first), and marks the request so the view can say why."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_PDF_BYTES:
            self.request.pdf_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data  # the next handlers (memory, then temporary file) keep it

    def file_complete(self, file_size):
        return None


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def _result(request, certificate, *, status=200, **context):
    view = selectors.public_view(certificate=certificate, language=get_language() or settings.LANGUAGE_CODE)
    return render(request, "certification/verify/result.html", {"view": view, **context}, status=status)


def _form_page(request, *, form=None, pdf_form=None, status=200, **context):
    context = {"form": form or SerialForm(), "pdf_form": pdf_form or PdfForm(), **context}
    return render(request, "certification/verify/form.html", context, status=status)


def _too_many(request, form=None, pdf_form=None):
    error = _("Too many verification requests from your address. Please wait a minute and try again.")
    return _form_page(request, form=form, pdf_form=pdf_form, status=429, error=error)


@no_store
@require_http_methods(["GET", "POST"])
def verify_form(request):
    """``/verify/``: a serial and the holder's printed name (POST). The QR code link is never revealed.

    ``GET ?serial=…`` only fills the serial in; it looks nothing up.
    """
    if request.method == "GET":
        initial = {"serial": request.GET.get("serial", "")[:64]}
        return _form_page(request, form=SerialForm(initial=initial))
    form = SerialForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form=form, status=400)
    if not ratelimit.allow(request, bucket="verify", limit=settings.TTA_VERIFY_RATE_LIMIT):
        return _too_many(request, form=form)
    certificate = selectors.certificate_by_serial_and_name(
        serial=form.cleaned_data["serial"], name=form.cleaned_data["name"]
    )
    if certificate is None:
        not_found = _(
            "No certificate matches this serial number and name. Check both against the certificate "
            "and try again."
        )
        return _form_page(request, form=form, status=404, not_found=not_found)
    return _result(request, certificate)


@no_store
@require_http_methods(["GET"])
def verify_code(request, code: str):
    """``/verify/<code>/``, the link in the certificate's QR code."""
    if not ratelimit.allow(request, bucket="verify", limit=settings.TTA_VERIFY_RATE_LIMIT):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        not_found = _("This verification link does not belong to any certificate.")
        return _form_page(request, status=404, not_found=not_found)
    return _result(request, certificate)


@no_store
@csrf_exempt  # only so that the upload handlers can be set before the body is read; see _verify_pdf
@require_http_methods(["POST"])
def verify_pdf(request):
    """Check that an uploaded PDF is an unaltered copy of an issued certificate (by its SHA-256).

    Anonymous uploads are limited before the body is read: the address's allowance first, then the
    declared size, then the size actually received (the handler stops at ``MAX_PDF_BYTES``).
    """
    if not ratelimit.allow(request, bucket="verify", limit=settings.TTA_VERIFY_RATE_LIMIT):
        return _too_many(request)
    if declared_length(request) > MAX_PDF_REQUEST_BYTES:
        return _form_page(request, status=413, error=_too_large_message())
    request.upload_handlers.insert(0, PdfSizeLimitHandler(request))
    return _verify_pdf(request)


@csrf_protect
def _verify_pdf(request):
    pdf_form = PdfForm(request.POST, request.FILES)
    if getattr(request, "pdf_too_large", False):
        return _form_page(request, status=413, error=_too_large_message())
    if not pdf_form.is_valid():
        return _form_page(request, pdf_form=pdf_form, status=400)
    certificate = selectors.certificate_by_pdf_hash(_sha256(pdf_form.cleaned_data["pdf"]))
    if certificate is None:
        not_found = _(
            "This file does not match any certificate we issued: it may have been altered, "
            "or it is not one of our certificates."
        )
        return _form_page(request, status=404, not_found=not_found)
    return _result(request, certificate, pdf_matches=True)
