"""API tokens in the Wagtail admin: registrars request them, their owners (instructors and
registrars) accept and revoke them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.roles import is_learning_staff


@hooks.register("register_admin_urls")
def register_token_urls():
    from . import admin_views

    return [
        path("api-tokens/", admin_views.token_list, name="api_tokens"),
        path("api-tokens/new/", admin_views.token_create, name="api_token_create"),
        path("api-tokens/<int:pk>/accept/", admin_views.token_accept, name="api_token_accept"),
        path("api-tokens/<int:pk>/revoke/", admin_views.token_revoke, name="api_token_revoke"),
    ]


class _StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_learning_staff(user=request.user)


@hooks.register("register_admin_menu_item")
def register_token_menu_item():
    return _StaffMenuItem(
        _("API tokens"), reverse("api_tokens"), name="api-tokens", icon_name="key", order=910
    )
