from django.core.management.base import BaseCommand

from courses.accounts.demo import DEMO_TOTP_SECRET, demo_accounts_prepare


class Command(BaseCommand):
    help = "Let the demo users sign in through the site and complete the demo trainee's profile (idempotent)."

    def handle(self, *args, **options):
        prepared = demo_accounts_prepare()
        self.stdout.write(
            f"demo accounts ready to sign in: {', '.join(prepared) or 'none (run load_demo first)'}"
        )
        if {"registrar", "admin"} & set(prepared):
            self.stdout.write(
                "registrar and admin also enter a one-time code (TOTP): add this demo secret to an "
                f"authenticator app: {DEMO_TOTP_SECRET}  (or: oathtool --totp -b {DEMO_TOTP_SECRET})"
            )
