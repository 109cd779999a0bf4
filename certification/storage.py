"""Private storage for certificate PDFs: never under MEDIA_ROOT, never at a guessable public URL.

``STORAGES["certificates"]`` names the backend (a local folder outside the media root by
default, a private S3 bucket when configured). The field's storage delegates to it at call
time, so a changed setting (in tests, or per deployment) takes effect without a migration.
"""

from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

ALIAS = "certificates"


@deconstructible(path="certification.storage.CertificateStorage")
class CertificateStorage(Storage):
    def _backend(self) -> Storage:
        return storages[ALIAS]

    def open(self, name, mode="rb"):
        return self._backend().open(name, mode)

    def save(self, name, content, max_length=None):
        return self._backend().save(name, content, max_length=max_length)

    def generate_filename(self, filename):
        return self._backend().generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self._backend().get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self._backend().delete(name)

    def exists(self, name):
        return self._backend().exists(name)

    def size(self, name):
        return self._backend().size(name)

    def listdir(self, path):
        return self._backend().listdir(path)

    def path(self, name):
        return self._backend().path(name)

    def url(self, name):
        # PDFs are served by a permission-checked view, never by a storage URL.
        raise NotImplementedError("certificate PDFs have no public URL")


certificate_storage = CertificateStorage()
