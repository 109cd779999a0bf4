from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from certification.demo import load_demo_certificates
from cms.links import absolute_url


class Command(BaseCommand):
    help = "Create the demo certification rules and certificates (run after load_demo_learning). Safe to run again."

    def handle(self, *args, **options):
        report = load_demo_certificates()
        self.stdout.write(self.style.SUCCESS(_("Demo certificates (serial / status / verification page):")))
        for certificate in report.certificates:
            certificate.refresh_from_db()
            self.stdout.write(
                f"  {certificate.serial:<20} {certificate.status:<11} "
                f"{absolute_url(f'/verify/{certificate.verification_code}/')}"
            )
