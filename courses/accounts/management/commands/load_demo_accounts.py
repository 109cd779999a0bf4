from django.core.management.base import BaseCommand

from courses.accounts.demo import demo_accounts_prepare


class Command(BaseCommand):
    help = "Let the demo users sign in through the site and complete the demo trainee's profile (idempotent)."

    def handle(self, *args, **options):
        prepared = demo_accounts_prepare()
        self.stdout.write(
            f"demo accounts ready to sign in: {', '.join(prepared) or 'none (run load_demo first)'}"
        )
