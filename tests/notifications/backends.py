"""A mail backend that is down for a while, then recovers (for retry tests)."""

import smtplib
import threading

from django.core.mail.backends.locmem import EmailBackend


class FlakyEmailBackend(EmailBackend):
    """Refuses the next ``failures`` sends with an SMTP error, then delivers to ``mail.outbox``."""

    failures = 0
    attempts = 0
    _lock = threading.Lock()

    def send_messages(self, messages):
        with self._lock:
            type(self).attempts += 1
            if type(self).failures > 0:
                type(self).failures -= 1
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
