from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Instructor


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    icon = "user"
    menu_label = _("Instructors")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "name_en", "title"]
    search_fields = ["name", "name_en"]


register_snippet(InstructorViewSet)


# Course choosers in admin forms open at the catalogue (registered on import).
from cms import course_chooser  # noqa: E402, F401
