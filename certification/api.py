"""Certificate verification in the API (single and batch), and the issuer's DID document.

Public: no account needed. An anonymous caller is limited per address (shared with the verification
pages, a batch counting each serial); a caller with an API token is limited per token instead.
Never exposes the PDF or anything beyond the public view.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from certification import credentials, ratelimit, selectors
from certification.models import CertificateStatus
from courses.api.authentication import ApiTokenAuthentication
from courses.api.base import NoStoreMixin
from courses.api.models import IntegrationToken
from courses.api.throttling import FixedWindowThrottle, TokenRateThrottle

TAG = "Certificate verification"
SERIAL_MAX_LENGTH = 64


class HoursDetailSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    hours = serializers.CharField()


class PublicCertificateSerializer(serializers.Serializer):
    """What anyone may see of a certificate: the holder's name is masked unless they chose to share it."""

    serial = serializers.CharField()
    status = serializers.ChoiceField(choices=CertificateStatus.values)
    valid = serializers.BooleanField(help_text="True only for an issued certificate.")
    status_label = serializers.CharField()
    holder = serializers.CharField(help_text="Masked (张*丰) unless the holder shares the full name.")
    holder_name_masked = serializers.BooleanField()
    program = serializers.CharField()
    level = serializers.CharField()
    hours = serializers.CharField()
    issued_on = serializers.CharField()
    expires_on = serializers.CharField(allow_null=True)
    issuer = serializers.CharField()
    accreditation_number = serializers.CharField()
    status_reason = serializers.CharField(required=False, help_text="A revocation's public reason.")
    superseded_by = serializers.CharField(required=False, help_text="The serial that replaced this one.")
    hours_detail = HoursDetailSerializer(many=True, required=False, help_text="Only if the holder shares it.")


class VerificationSerializer(serializers.Serializer):
    serial = serializers.CharField()
    found = serializers.BooleanField()
    certificate = PublicCertificateSerializer(required=False, help_text="Present when found.")


class SerialField(serializers.CharField):
    """A serial number: text only (DRF's CharField would take a number and turn it into text)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class VerifyBatchSerializer(serializers.Serializer):
    serials = serializers.ListField(
        child=SerialField(max_length=SERIAL_MAX_LENGTH),
        allow_empty=False,
        help_text="At most TTA_VERIFY_BATCH_MAX (50 by default) serial numbers.",
    )

    def validate_serials(self, serials):
        limit = settings.TTA_VERIFY_BATCH_MAX
        if len(serials) > limit:
            raise serializers.ValidationError(
                _("At most %(limit)d serial numbers per request.") % {"limit": limit}
            )
        return serials


class BatchResultSerializer(serializers.Serializer):
    results = VerificationSerializer(many=True, help_text="One per serial sent, in the same order.")


def _lookup(serial: str) -> dict:
    serial = serial.strip().upper()
    certificate = selectors.certificate_by_serial(serial)
    if certificate is None:
        return {"serial": serial, "found": False}
    view = selectors.public_view(certificate=certificate, language=get_language() or settings.LANGUAGE_CODE)
    return {"serial": certificate.serial, "found": True, "certificate": view.as_json()}


class AnonymousVerificationThrottle(FixedWindowThrottle):
    """Anonymous look-ups per client address and minute (``TTA_VERIFY_RATE_LIMIT``), the pages'
    allowance; a batch counts each of its serials. Token holders are limited per token instead."""

    def allow_request(self, request, view) -> bool:
        if isinstance(request.auth, IntegrationToken):
            return True
        return ratelimit.allow(request, weight=view.lookups(request))


class VerificationView(NoStoreMixin, APIView):
    # A public, read-only API for machines: cookies are ignored (so no CSRF), tokens are optional.
    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousVerificationThrottle, TokenRateThrottle]

    def lookups(self, request) -> int:
        return 1


class VerifyOneView(VerificationView):
    @extend_schema(
        tags=[TAG],
        summary="Verify a certificate",
        description="By its serial number (case does not matter). Unknown serials are a 404.",
        responses=VerificationSerializer,
        auth=[{"tokenAuth": []}, {}],
    )
    def get(self, request, serial: str):
        result = _lookup(serial[:SERIAL_MAX_LENGTH])
        if not result["found"]:
            raise NotFound(_("No certificate has this serial number."))
        return Response(result)


class VerifyBatchView(VerificationView):
    def lookups(self, request) -> int:
        data = request.data
        serials = data.get("serials") if isinstance(data, dict) else None
        if isinstance(serials, list) and 0 < len(serials) <= settings.TTA_VERIFY_BATCH_MAX:
            return len(serials)
        return 1

    @extend_schema(
        tags=[TAG],
        summary="Verify several certificates",
        description="Unknown serials are reported with `found: false`, not as an error.",
        request=VerifyBatchSerializer,
        responses=BatchResultSerializer,
        examples=[
            OpenApiExample("Two serials", value={"serials": ["TTA-2026-P-000123", "TTA-2026-P-000124"]})
        ],
        auth=[{"tokenAuth": []}, {}],
    )
    def post(self, request):
        batch = VerifyBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        return Response({"results": [_lookup(serial) for serial in batch.validated_data["serials"]]})


@require_GET
def did_document(request):
    """``/.well-known/did.json``: the issuer's public key, for anyone verifying a signed credential."""
    response = JsonResponse(credentials.did_document())
    response["Access-Control-Allow-Origin"] = "*"
    return response
