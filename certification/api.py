"""Certificate verification in the API (single and batch), and the issuer's DID document.

Public: no account needed. A look-up names a serial and the holder's full name as printed on the
certificate; a wrong name is answered exactly like an unknown serial, so the registry cannot be
walked by sequential serials. Every caller is limited, a batch counting each certificate: an
anonymous caller per address (IPv6 per /64), shared with the verification pages; a caller with an
API token (scope ``verify``) against the token's own allowance. Never exposes the PDF or anything
beyond the public view.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from certification import credentials, selectors
from certification.models import CertificateStatus
from core import ratelimit
from courses.api.authentication import ApiTokenAuthentication
from courses.api.base import NoStoreMixin
from courses.api.models import ApiScope, IntegrationToken
from courses.api.permissions import TokenScope
from courses.api.throttling import FixedWindowThrottle, TokenRateThrottle

TAG = "Certificate verification"
SERIAL_MAX_LENGTH = 64
NAME_MAX_LENGTH = 100
NAME_HELP = "The holder's full name exactly as printed on the certificate (spaces and case do not matter)."


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
    public_note = serializers.CharField(
        required=False,
        help_text="For a revoked certificate, the training base's public statement, if it wrote one "
        "(never the internal reason).",
    )
    superseded_by = serializers.CharField(required=False, help_text="The serial that replaced this one.")
    hours_detail = HoursDetailSerializer(many=True, required=False, help_text="Only if the holder shares it.")


class VerificationSerializer(serializers.Serializer):
    serial = serializers.CharField()
    found = serializers.BooleanField(help_text="False for an unknown serial and for a wrong name alike.")
    certificate = PublicCertificateSerializer(required=False, help_text="Present when found.")


class TextField(serializers.CharField):
    """Text only (DRF's CharField would take a number and turn it into text)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class NameQuerySerializer(serializers.Serializer):
    name = TextField(max_length=NAME_MAX_LENGTH, help_text=NAME_HELP)


class CertificateClaimSerializer(serializers.Serializer):
    serial = TextField(max_length=SERIAL_MAX_LENGTH)
    name = TextField(max_length=NAME_MAX_LENGTH, help_text=NAME_HELP)


class VerifyBatchSerializer(serializers.Serializer):
    certificates = CertificateClaimSerializer(
        many=True,
        allow_empty=False,
        help_text="At most TTA_VERIFY_BATCH_MAX (50 by default) certificates, each a serial with the "
        "holder's printed name.",
        error_messages={
            "required": gettext_lazy(
                "Send “certificates”: a list of objects with “serial” and “name”, each serial with the holder's "
                "full name as printed on the certificate."
            )
        },
    )

    def validate_certificates(self, certificates):
        limit = settings.TTA_VERIFY_BATCH_MAX
        if len(certificates) > limit:
            raise serializers.ValidationError(
                _("At most %(limit)d certificates per request.") % {"limit": limit}
            )
        return certificates


class BatchResultSerializer(serializers.Serializer):
    results = VerificationSerializer(many=True, help_text="One per certificate sent, in the same order.")


def _lookup(*, serial: str, name: str) -> dict:
    serial = serial.strip().upper()
    certificate = selectors.certificate_by_serial_and_name(serial=serial, name=name)
    if certificate is None:
        return {"serial": serial, "found": False}
    view = selectors.public_view(certificate=certificate, language=get_language() or settings.LANGUAGE_CODE)
    return {"serial": certificate.serial, "found": True, "certificate": view.as_json()}


class VerificationTokenThrottle(TokenRateThrottle):
    """A token's verification counts against the token's allowance (``TTA_API_TOKEN_RATE_LIMIT``,
    shared with its other requests), one per certificate looked up."""

    def weight(self, request, view) -> int:
        return view.lookups(request)


class AnonymousVerificationThrottle(FixedWindowThrottle):
    """Look-ups per client address (IPv6: per /64) and minute (``TTA_VERIFY_RATE_LIMIT``), the pages'
    allowance; a batch counts each of its certificates. Token holders are counted per token above."""

    def allow_request(self, request, view) -> bool:
        if isinstance(request.auth, IntegrationToken):
            return True
        return ratelimit.allow(
            request, bucket="verify", limit=settings.TTA_VERIFY_RATE_LIMIT, weight=view.lookups(request)
        )


class VerificationView(NoStoreMixin, APIView):
    # A public, read-only API for machines: cookies are ignored (so no CSRF), tokens are optional
    # but must have the ``verify`` scope.
    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [TokenScope]
    token_scope = ApiScope.VERIFY
    throttle_classes = [AnonymousVerificationThrottle, VerificationTokenThrottle]

    def lookups(self, request) -> int:
        return 1


class VerifyOneView(VerificationView):
    @extend_schema(
        tags=[TAG],
        summary="Verify a certificate",
        description="By its serial number (case does not matter) and the holder's full name as printed "
        "on the certificate. An unknown serial and a wrong name are the same 404. With a token: the "
        "`verify` scope. Prefer the batch call, which keeps the name out of the address.",
        parameters=[NameQuerySerializer],
        responses=VerificationSerializer,
        auth=[{"tokenAuth": []}, {}],
    )
    def get(self, request, serial: str):
        query = NameQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        result = _lookup(serial=serial[:SERIAL_MAX_LENGTH], name=query.validated_data["name"])
        if not result["found"]:
            raise NotFound(_("No certificate matches this serial number and name."))
        return Response(result)


class VerifyBatchView(VerificationView):
    def lookups(self, request) -> int:
        data = request.data
        claims = data.get("certificates") if isinstance(data, dict) else None
        if isinstance(claims, list) and 0 < len(claims) <= settings.TTA_VERIFY_BATCH_MAX:
            return len(claims)
        return 1

    @extend_schema(
        tags=[TAG],
        summary="Verify several certificates",
        description="Each certificate by its serial and the holder's printed name. One that is not "
        "found (unknown serial or wrong name alike) is reported with `found: false`, not as an error. "
        "With a token: the `verify` scope; each certificate counts against the token's allowance.",
        request=VerifyBatchSerializer,
        responses=BatchResultSerializer,
        examples=[
            OpenApiExample(
                "Two certificates",
                value={
                    "certificates": [
                        {"serial": "TTA-2026-P-000123", "name": "张三丰"},
                        {"serial": "TTA-2026-P-000124", "name": "Alice Smith"},
                    ]
                },
            )
        ],
        auth=[{"tokenAuth": []}, {}],
    )
    def post(self, request):
        batch = VerifyBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        claims = batch.validated_data["certificates"]
        return Response({"results": [_lookup(serial=c["serial"], name=c["name"]) for c in claims]})


@require_GET
def did_document(request):
    """``/.well-known/did.json``: the issuer's public key, for anyone verifying a signed credential."""
    response = JsonResponse(credentials.did_document())
    response["Access-Control-Allow-Origin"] = "*"
    return response
