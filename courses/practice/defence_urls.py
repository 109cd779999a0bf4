"""URLs of the defence (答辩), namespace ``defence``, under /practice/defence/ (see courses/urls.py)."""

from django.urls import path

from . import defence_views as views

app_name = "defence"

urlpatterns = [
    path("", views.my_defence, name="my_defence"),
    path("slots/<int:slot_id>/swap/", views.slot_swap, name="slot_swap"),
    path("panel/", views.panel_sessions, name="panel_sessions"),
    path("panel/sessions/<int:defence_session_id>/", views.panel_session, name="panel_session"),
    path("panel/slots/<int:slot_id>/score/", views.score_page, name="score"),
    path("panel/slots/<int:slot_id>/score/save/", views.score_save, name="score_save"),
    path("panel/slots/<int:slot_id>/outcome/", views.outcome_page, name="outcome"),
    path("staff/assignments/<int:assignment_id>/", views.staff_sessions, name="staff_sessions"),
    path("staff/sessions/<int:defence_session_id>/", views.staff_session, name="staff_session"),
    path("staff/sessions/<int:defence_session_id>/autofill/", views.staff_autofill, name="staff_autofill"),
    path("staff/slots/<int:slot_id>/assign/", views.staff_slot_assign, name="staff_slot_assign"),
    path("staff/slots/<int:slot_id>/free/", views.staff_slot_unassign, name="staff_slot_unassign"),
    path("staff/slots/<int:slot_id>/check-in/", views.staff_slot_check_in, name="staff_slot_check_in"),
]
