"""Names Wagtail's own migrations store in English and its admin shows as they are: the page tree's
root ("Root" in the explorer, breadcrumbs and choosers) and the default "Moderators approval"
workflow and task. Named in the site's language, as our review workflows are (cms.services)."""

from django.conf import settings
from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext

ROOT = "Root"
MODERATORS = "Moderators approval"


def in_site_language(apps, schema_editor):
    with translation.override(settings.LANGUAGE_CODE):
        root, moderators = gettext(ROOT), gettext(MODERATORS)
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=ROOT).update(
        title=root, draft_title=root
    )
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=MODERATORS).update(name=moderators)


def in_english(apps, schema_editor):
    with translation.override(settings.LANGUAGE_CODE):
        root, moderators = gettext(ROOT), gettext(MODERATORS)
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=root).update(
        title=ROOT, draft_title=ROOT
    )
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=moderators).update(name=MODERATORS)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_english_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(in_site_language, in_english)]
