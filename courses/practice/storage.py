"""Private storage for practical-assessment files: submitted reports and their attachments.

They belong to the trainee record (学员档案), so they live with the record workbooks in
``STORAGES["records"]`` (under ``practice/``): outside MEDIA_ROOT, never at a public URL; only the
permission-checked views of ``courses.practice`` read them.
"""

from django.utils.deconstruct import deconstructible

from config.storage import PrivateStorage

ALIAS = "records"


@deconstructible(path="courses.practice.storage.PracticeStorage")
class PracticeStorage(PrivateStorage):
    def __init__(self):
        super().__init__(alias=ALIAS)


practice_storage = PracticeStorage()
