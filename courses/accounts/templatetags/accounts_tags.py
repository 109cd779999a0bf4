from django import template

from core.roles import is_registrar as user_is_a_registrar

register = template.Library()


@register.simple_tag(takes_context=True)
def is_registrar(context) -> bool:
    request = context.get("request")
    return bool(request) and user_is_a_registrar(user=request.user)
