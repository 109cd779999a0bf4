from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.urls import reverse

from core.roles import is_learning_staff

from . import crypto
from .selectors import profile_for_user


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After sign-in without a ``next``: staff (instructors, registrars) land on the admin, a trainee whose profile is
        incomplete is asked to complete it, and every other trainee lands on 我的学习 (the dashboard)."""
        if is_learning_staff(user=request.user):
            return reverse("wagtailadmin_home")
        profile = profile_for_user(user=request.user)
        if profile is None or not profile.is_complete:
            return reverse("accounts:profile_edit")
        return reverse("courses:dashboard")


class MfaAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are kept encrypted, with the identity numbers' key."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
