"""Private storage for exported trainee records: outside MEDIA_ROOT, never at a public URL.

``STORAGES["records"]`` names the backend (a local folder by default, a private S3 bucket when
configured). The backend is looked up on every call rather than once at import, so a changed
setting (per deployment, or per test) applies without a migration.
"""

from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

ALIAS = "records"


@deconstructible(path="courses.accounts.storage.RecordsStorage")
class RecordsStorage(Storage):
    @property
    def backend(self) -> Storage:
        return storages[ALIAS]

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

    def url(self, name):
        raise NotImplementedError("exported records are served by a permission-checked view only")


records_storage = RecordsStorage()
