from django.core.files.storage import storages
from django.db import migrations

from config.storage import media_file_move


def move_documents_to_private_storage(apps, schema_editor):
    """Documents uploaded before this migration sit in public media (MEDIA_ROOT/documents/): move each
    to the private "documents" storage under the same name, where the default storage now looks for
    names under documents/ (config/storage.py). Safe to run twice: a moved file is no longer in media."""
    documents = storages["documents"]
    for name in apps.get_model("wagtaildocs", "Document").objects.values_list("file", flat=True):
        if name and not documents.exists(name):
            media_file_move(name=name, to=documents)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_video_length"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(move_documents_to_private_storage, migrations.RunPython.noop)]
