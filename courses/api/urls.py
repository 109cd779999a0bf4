"""Learning endpoints under /api/v1/ (included by config/urls.py with certification's)."""

from django.urls import path

from . import views

urlpatterns = [
    path("me/", views.OwnProfileView.as_view(), name="me"),
    path("me/enrolments/", views.OwnEnrolmentListView.as_view(), name="me_enrolments"),
    path("me/progress/", views.OwnProgressView.as_view(), name="me_progress"),
    path("me/hours/", views.OwnHoursListView.as_view(), name="me_hours"),
    path("me/exam-results/", views.OwnExamResultListView.as_view(), name="me_exam_results"),
    path("cohorts/", views.CohortListView.as_view(), name="cohorts"),
    path("cohorts/<int:pk>/", views.CohortDetailView.as_view(), name="cohort"),
    path("cohorts/<int:pk>/enrolments/", views.CohortEnrolmentListView.as_view(), name="cohort_enrolments"),
]
