from django.conf import settings
from django.core.checks import Tags, Warning, register

from . import crypto


@register(Tags.security, deploy=True)
def field_encryption_key_check(app_configs, **kwargs):
    """A production site must encrypt identity numbers with its own key, not one derived from SECRET_KEY."""
    if settings.DEBUG or crypto.configured_keys():
        return []
    return [
        Warning(
            "TTA_FIELD_ENCRYPTION_KEY is not set: identity numbers are encrypted with a key derived "
            "from SECRET_KEY.",
            hint='Set it to a Fernet key: python -c "from cryptography.fernet import Fernet; '
            'print(Fernet.generate_key().decode())". Keep it; data encrypted with it cannot be read without it.',
            id="accounts.W001",
        )
    ]
