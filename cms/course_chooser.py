"""Choosing a course starts at the catalogue (课程目录), not at the page tree's root.

Wagtail's page chooser opens at the chosen page's parent, or, with nothing chosen, at the common
ancestor of every course: the root, since each language has a catalogue of its own. Every form
field for a ForeignKey to ``CoursePage`` in the admin (a paper's course, a grader's, a rule's)
gets this widget, which opens at the catalogue of the admin's content language instead.
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

from .models import CourseIndexPage, CoursePage


def catalogue_page_id() -> int | None:
    """The catalogue of the active language, else the first one (None on a site without one)."""
    catalogues = CourseIndexPage.objects.order_by("path")
    try:
        local = catalogues.filter(locale=Locale.get_active()).values_list("pk", flat=True).first()
    except Locale.DoesNotExist:
        local = None
    return local or catalogues.values_list("pk", flat=True).first()


class CourseChooser(AdminPageChooser):
    js_constructor = "CatalogueCourseChooser"

    def __init__(self, **kwargs):
        super().__init__(target_models=[CoursePage], **kwargs)

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        options["startId"] = catalogue_page_id()
        return options

    @property
    def media(self):
        return super().media + type(super().media)(js=[versioned_static("cms/course-chooser.js")])


register_form_field_override(models.ForeignKey, to=CoursePage, override={"widget": CourseChooser})
