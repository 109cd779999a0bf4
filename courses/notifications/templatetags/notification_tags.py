from django import template

from courses.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """How many of the signed-in user's notifications are unread (0, without a query, for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return 0
    return unread_count(user=user)
