from django.urls import path

from . import grading_views, views

app_name = "exams"

urlpatterns = [
    path("", views.my_exams, name="my_exams"),
    path("papers/<int:paper_id>/", views.paper_detail, name="paper_detail"),
    path("papers/<int:paper_id>/start/", views.attempt_start, name="attempt_start"),
    path("attempts/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("attempts/<int:attempt_id>/answers/", views.attempt_answers, name="attempt_answers"),
    path("attempts/<int:attempt_id>/events/", views.attempt_event, name="attempt_event"),
    path("attempts/<int:attempt_id>/submit/", views.attempt_submit, name="attempt_submit"),
    path("attempts/<int:attempt_id>/result/", views.attempt_result, name="attempt_result"),
    path("staff/papers/<int:paper_id>/", views.staff_paper, name="staff_paper"),
    path("staff/papers/<int:paper_id>/extra-time/", views.staff_extra_time, name="staff_extra_time"),
    path("staff/papers/<int:paper_id>/results.xlsx", views.staff_paper_export, name="staff_paper_export"),
    path("staff/attempts/<int:attempt_id>/", views.staff_attempt, name="staff_attempt"),
    path("staff/items/<int:item_id>/override/", views.staff_item_override, name="staff_item_override"),
    path("staff/grading/", grading_views.staff_grading_queue, name="staff_grading_queue"),
    path("staff/items/<int:item_id>/grade/", grading_views.staff_grade_item, name="staff_grade_item"),
]
