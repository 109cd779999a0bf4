from django.urls import path

from . import mfa, views

app_name = "accounts"

urlpatterns = [
    # allauth's TOTP set-up page at its own address (this app's URLs come first): see mfa.py.
    path("2fa/totp/activate/", mfa.activate_totp),
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("consent/", views.consent, name="consent"),
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path("record.json", views.own_record_json, name="own_record_json"),
    path("record.xlsx", views.own_record_xlsx, name="own_record_xlsx"),
    path("records/", views.records_index, name="records_index"),
    path("records/trainees/<int:user_id>/", views.trainee_detail, name="trainee_detail"),
    path("records/trainees/<int:user_id>/record.xlsx", views.trainee_record_xlsx, name="trainee_record_xlsx"),
    path(
        "records/cohorts/<int:cohort_id>/export/", views.cohort_records_export, name="cohort_records_export"
    ),
    path("records/exports/<int:export_id>/", views.records_export, name="records_export"),
    path(
        "records/exports/<int:export_id>/status.json",
        views.records_export_status,
        name="records_export_status",
    ),
    path(
        "records/exports/<int:export_id>/records.xlsx",
        views.records_export_download,
        name="records_export_download",
    ),
]
