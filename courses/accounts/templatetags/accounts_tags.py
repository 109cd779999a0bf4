from django import template

from core import roles

register = template.Library()


@register.simple_tag(takes_context=True)
def is_registrar(context) -> bool:
    request = context.get("request")
    return bool(request) and roles.is_registrar(user=request.user)
