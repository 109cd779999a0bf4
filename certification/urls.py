"""URLs of certification. ``urlpatterns`` are pages (under the language prefix); ``api_urlpatterns``
are machine endpoints without a language prefix and ``api_v1_urlpatterns`` its part of /api/v1/
(both included by config/urls.py)."""

from django.urls import path

from certification import api
from certification.views import holder, status, verification

app_name = "certification"

urlpatterns = [
    path("verify/", verification.verify_form, name="verify"),
    path("verify/pdf/", verification.verify_pdf, name="verify_pdf"),
    path("verify/<str:code>/", verification.verify_code, name="verify_code"),
    path("certificates/", holder.certificate_list, name="holder_list"),
    path("certificates/<int:pk>/pdf/", holder.certificate_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/credential/", holder.certificate_credential, name="certificate_credential"),
    path("certificates/<int:pk>/sharing/", holder.certificate_sharing, name="certificate_sharing"),
    path("certificates/<int:pk>/renew/", holder.certificate_renew, name="certificate_renew"),
]

api_v1_urlpatterns = [
    path("verify/", api.VerifyBatchView.as_view(), name="verify_batch"),
    path("verify/<str:serial>/", api.VerifyOneView.as_view(), name="verify"),
]

api_urlpatterns = (
    [
        # The first verification API's addresses: aliases of /api/v1/verify/…, kept for existing callers.
        path("api/verify/", api.VerifyBatchView.as_view(), name="api_verify_batch"),
        path("api/verify/<str:serial>/", api.VerifyOneView.as_view(), name="api_verify"),
        path(".well-known/did.json", api.did_document, name="did_document"),
        # Stable addresses, printed in every signed credential: never move them.
        path(
            "credentials/status/<str:purpose>/<int:number>/",
            status.status_list,
            name="credential_status_list",
        ),
    ],
    "certification_api",
)
