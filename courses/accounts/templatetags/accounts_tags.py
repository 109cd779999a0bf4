from django import template

from courses.accounts.selectors import user_is_registrar

register = template.Library()


@register.simple_tag(takes_context=True)
def is_registrar(context) -> bool:
    request = context.get("request")
    return bool(request) and user_is_registrar(request.user)
