from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from .consent import remember_consent_state


@receiver(user_logged_in, dispatch_uid="accounts_remember_consent_on_login")
def _remember_consent_on_login(sender, request, user, **kwargs):
    # Trainees signing in through the site are asked for consent if the notice changed.
    remember_consent_state(request=request, user=user)
