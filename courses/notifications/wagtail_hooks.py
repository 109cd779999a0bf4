"""Notification emails in the Wagtail admin, for registrars: the failed and stuck ones, sent again."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.roles import is_registrar


@hooks.register("register_admin_urls")
def register_notification_email_urls():
    from . import admin_views

    return [
        path("notification-emails/", admin_views.notification_email_list, name="notification_emails"),
        path(
            "notification-emails/resend/",
            admin_views.notification_email_resend,
            name="notification_emails_resend",
        ),
    ]


class _RegistrarsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_registrar(user=request.user)


@hooks.register("register_admin_menu_item")
def register_notification_email_menu_item():
    return _RegistrarsMenuItem(
        _("Notification emails"),
        reverse("notification_emails"),
        name="notification-emails",
        icon_name="mail",
        order=905,
    )
