"""The registrar's reviewer-load page, namespace ``reviewer_load``, under /practice/reviewers/."""

from django.urls import path

from . import load_views as views

app_name = "reviewer_load"

urlpatterns = [
    path("", views.reviewer_load, name="list"),
    path("<int:reviewer_id>/remind/", views.reviewer_remind, name="remind"),
]
