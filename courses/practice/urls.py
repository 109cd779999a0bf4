from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.my_practice, name="my_practice"),
    path("assignments/<int:assignment_id>/", views.assignment_page, name="assignment"),
    path("versions/<int:version_id>/download/", views.version_download, name="version_download"),
    path("reviews/", views.review_queue, name="review_queue"),
    path("reviews/<int:review_id>/", views.review_page, name="review"),
    path("reviews/<int:review_id>/report/", views.review_download, name="review_download"),
    path(
        "reviews/<int:review_id>/attachments/<int:position>/",
        views.review_attachment,
        name="review_attachment",
    ),
    path("reconcile/<int:submission_id>/", views.reconcile_page, name="reconcile"),
    path("reconcile/<int:submission_id>/report/", views.reconcile_download, name="reconcile_download"),
    path("staff/assignments/<int:assignment_id>/", views.staff_assignment, name="staff_assignment"),
    path("staff/assignments/<int:assignment_id>/assign/", views.staff_assign, name="staff_assign"),
    path("staff/assignments/<int:assignment_id>/extensions/", views.staff_extension, name="staff_extension"),
    path("staff/submissions/<int:submission_id>/release/", views.staff_release, name="staff_release"),
    path(
        "staff/submissions/<int:submission_id>/receipt/",
        views.staff_release_receipt,
        name="staff_release_receipt",
    ),
]
