from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.roles import is_registrar


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return is_registrar(user=request.user)


@hooks.register("register_admin_menu_item")
def trainee_records_menu_item():
    return RegistrarMenuItem(
        _("Trainee records"), reverse_lazy("accounts:records_index"), icon_name="user", order=900
    )
