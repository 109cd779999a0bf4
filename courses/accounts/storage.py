"""Private storage for exported trainee records: outside MEDIA_ROOT, never at a public URL.

``STORAGES["records"]`` names the backend (a local folder by default, a private S3 bucket when
configured); ``config.storage.PrivateStorage`` looks it up on every call, so a changed setting
(per deployment, or per test) applies without a migration.
"""

from django.utils.deconstruct import deconstructible

from config.storage import PrivateStorage

ALIAS = "records"


# Its own name and path, as the migrations of its fields know it.
@deconstructible(path="courses.accounts.storage.RecordsStorage")
class RecordsStorage(PrivateStorage):
    def __init__(self):
        super().__init__(alias=ALIAS)


records_storage = RecordsStorage()
