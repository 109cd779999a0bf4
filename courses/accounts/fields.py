from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token. Reads give the clear text; the column never holds it.

    Tokens are randomised, so the column cannot be filtered or indexed by value.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)
