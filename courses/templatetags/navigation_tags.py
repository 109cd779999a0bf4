"""The site's navigation for staff pages: base.html asks whether the page is a staff page opened
by staff, and shows the staff navigation (with the way back to the admin) instead of the trainee's."""

from django import template

from core import roles
from courses.accounts.consent import is_staff_page

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_navigation(context) -> dict | None:
    """The staff navigation's links for this request, or None on trainee and public pages."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not is_staff_page(request.path_info) or not roles.is_learning_staff(user=user):
        return None
    return {"registrar": roles.is_registrar(user=user)}
