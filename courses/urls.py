"""URLs of the learning app (namespace ``courses``), served inside the language prefix."""

from django.urls import path

from courses.views import checkin, dashboard, enrolments, progress, staff

app_name = "courses"

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("progress/heartbeat/", progress.heartbeat, name="heartbeat"),
    path("progress/lessons/<int:lesson_id>/complete/", progress.mark_complete, name="lesson_complete"),
    path("progress/courses/<int:course_id>/", progress.course_progress, name="course_progress"),
    path("checkin/sessions/", checkin.session_list, name="checkin_sessions"),
    path("checkin/sessions/<int:session_id>/screen/", checkin.session_screen, name="checkin_screen"),
    path("checkin/sessions/<int:session_id>/qr/", checkin.session_qr, name="checkin_qr"),
    path("checkin/<int:session_id>/done/", checkin.check_in_done, name="checkin_done"),
    path("checkin/<int:session_id>/<str:code>/", checkin.check_in, name="checkin"),
    # Enrolment (trainees) and the staff area (rosters, decisions, imports, manual hours).
    path("learning/enrolments/", enrolments.my_enrolments, name="my_enrolments"),
    path("learning/cohorts/<int:pk>/enrol/", enrolments.cohort_enrol, name="cohort_enrol"),
    path("learning/enrolments/<int:pk>/withdraw/", enrolments.enrolment_withdraw, name="enrolment_withdraw"),
    path("learning/enrolments/<int:pk>/accept/", enrolments.invitation_accept, name="invitation_accept"),
    path("staff/cohorts/", staff.cohort_list, name="staff_cohorts"),
    path("staff/cohorts/<int:pk>/", staff.cohort_roster, name="staff_roster"),
    path("staff/cohorts/<int:pk>/roster.xlsx", staff.cohort_roster_export, name="staff_roster_export"),
    path("staff/cohorts/<int:pk>/invite/", staff.cohort_invite, name="staff_invite"),
    path("staff/cohorts/<int:pk>/import/", staff.cohort_import, name="staff_import"),
    path(
        "staff/cohorts/<int:pk>/enrolments/<int:enrolment_pk>/decide/",
        staff.enrolment_decide,
        name="staff_enrolment_decide",
    ),
    path(
        "staff/cohorts/<int:pk>/enrolments/<int:enrolment_pk>/hours/",
        staff.hours_adjust,
        name="staff_hours_adjust",
    ),
    path("staff/imports/<int:pk>/", staff.import_report, name="staff_import_report"),
    path(
        "staff/imports/<int:pk>/report.<str:fmt>",
        staff.import_report_download,
        name="staff_import_report_download",
    ),
]
