"""Private storage for certificate PDFs: never under MEDIA_ROOT, never at a guessable public URL.

``STORAGES["certificates"]`` names the backend (a local folder outside the media root by
default, a private S3 bucket when configured); ``config.storage.PrivateStorage`` delegates to it
at call time, so a changed setting (in tests, or per deployment) takes effect without a migration.
PDFs are served by a permission-checked view, never by a storage URL (``url()`` refuses).
"""

from django.utils.deconstruct import deconstructible

from config.storage import PrivateStorage

ALIAS = "certificates"


# Its own name and path, as the migrations of its fields know it.
@deconstructible(path="certification.storage.CertificateStorage")
class CertificateStorage(PrivateStorage):
    def __init__(self):
        super().__init__(alias=ALIAS)


certificate_storage = CertificateStorage()
