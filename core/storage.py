"""The one private storage, and the media storage that keeps documents private.

``STORAGES`` (config/settings.py) names the backends: ``certificates`` (PDFs and batch archives),
``records`` (trainee-record workbooks and practical-assessment files), ``imports`` (uploaded question
files and rosters), ``documents`` (Wagtail documents): each a folder outside MEDIA_ROOT by default, a
private S3 bucket when configured. ``PrivateStorage(alias=...)`` delegates every call to the backend
named by its alias at call time rather than once at import, so a changed setting (per deployment, or
per test) applies without a migration; its ``url()`` refuses, so these files are only ever served by
permission-checked views. One class for every alias: what certificates guarantee, records guarantee.
"""

import uuid
from pathlib import PurePath

from django.core.files import File
from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible


@deconstructible(path="core.storage.PrivateStorage")
class PrivateStorage(Storage):
    """Files only permission-checked views read: never at a public URL (``url()`` refuses)."""

    def __init__(self, alias: str):
        self.alias = alias

    @property
    def backend(self) -> Storage:
        return storages[self.alias]

    def _open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def _save(self, name, content):
        return self.backend.save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def size(self, name):
        return self.backend.size(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def path(self, name):
        return self.backend.path(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)

    def url(self, name):
        raise NotImplementedError(
            f"files of the {self.alias!r} storage are served by a permission-checked view only"
        )


# One instance per alias, for the models' file fields.
# Certificate PDFs and issuance-batch archives.
certificate_storage = PrivateStorage(alias="certificates")
# Exported trainee records, and practical-assessment reports and attachments (part of the record).
records_storage = PrivateStorage(alias="records")
# Uploaded import files (question files, enrolment rosters): read only by the import services.
imports_storage = PrivateStorage(alias="imports")

DOCUMENTS_PREFIX = "documents/"


class MediaStorage(Storage):
    """The default storage: public media, except Wagtail documents, which go to private storage.

    Wagtail's ``Document.file`` always uses the default storage (its field cannot be given another
    without a custom document model), under ``documents/``. Names with that prefix are kept in
    ``STORAGES["documents"]``, outside MEDIA_ROOT and without a URL, so a document is read only
    through Wagtail's serve view and its ``before_serve_document`` hooks (lesson access); images
    and everything else stay in ``STORAGES["media"]``.
    """

    def _backend_for(self, name: str) -> Storage:
        return storages["documents" if str(name).startswith(DOCUMENTS_PREFIX) else "media"]

    def _open(self, name, mode="rb"):
        return self._backend_for(name).open(name, mode)

    def _save(self, name, content):
        return self._backend_for(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self._backend_for(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self._backend_for(filename).generate_filename(filename)

    def delete(self, name):
        return self._backend_for(name).delete(name)

    def exists(self, name):
        return self._backend_for(name).exists(name)

    def size(self, name):
        return self._backend_for(name).size(name)

    def listdir(self, path):
        return self._backend_for(path.rstrip("/") + "/").listdir(path)

    def path(self, name):
        return self._backend_for(name).path(name)

    def get_modified_time(self, name):
        return self._backend_for(name).get_modified_time(name)

    def url(self, name):
        if str(name).startswith(DOCUMENTS_PREFIX):
            raise NotImplementedError("documents are served by Wagtail's permission-checked serve view only")
        return storages["media"].url(name)


def random_name(folder: str, filename: str, *, extensions: frozenset[str]) -> str:
    """A storage name in ``folder`` nobody can guess: a random stem, and the upload's extension
    only if it is one of ``extensions`` (lower-cased, with the dot)."""
    suffix = PurePath(filename).suffix.lower()
    return f"{folder.rstrip('/')}/{uuid.uuid4().hex}{suffix if suffix in extensions else ''}"


def media_file_move(*, name: str, to: Storage, new_name: str = "") -> str:
    """Move a file out of public media (``STORAGES["media"]``) into ``to``, under ``new_name`` (by
    default its own name). Returns the name it has there; "" when it is not in public media (already
    moved, or lost). For data migrations that make existing uploads private; safe to run twice."""
    media = storages["media"]
    if not name or not media.exists(name):
        return ""
    with media.open(name, "rb") as handle:
        saved = to.save(new_name or name, File(handle))
    media.delete(name)
    return saved
