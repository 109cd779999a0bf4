"""The shipped default certificate design, published, so a fresh install renders certificates at once.

Registrars edit it (or add designs per program) in the admin; changes go through review.
"""

from pathlib import Path

from django.db import migrations

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates" / "certification" / "pdf"


def create_default_template(apps, schema_editor):
    CertificateTemplate = apps.get_model("certification", "CertificateTemplate")
    if CertificateTemplate.objects.exists():
        return
    CertificateTemplate.objects.create(
        name="默认证书样式 Default certificate",
        body=(TEMPLATE_DIR / "default.html").read_text(encoding="utf-8"),
        css=(TEMPLATE_DIR / "default.css").read_text(encoding="utf-8"),
        live=True,
        has_unpublished_changes=False,
    )


def remove_default_template(apps, schema_editor):
    apps.get_model("certification", "CertificateTemplate").objects.filter(
        name="默认证书样式 Default certificate", latest_revision__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certification", "0003_render_templates_batches"),
    ]

    operations = [migrations.RunPython(create_default_template, remove_default_template)]
