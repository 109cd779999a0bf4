"""Old path of the practice storage, kept only because migration 0001 calls
``courses.practice.storage.PracticeStorage()``. Practical-assessment files belong to the trainee record
(学员档案), so they share the ``records`` alias (under ``practice/``): ``core.storage.records_storage``."""

from functools import partial

from core.storage import PrivateStorage

PracticeStorage = partial(PrivateStorage, alias="records")
