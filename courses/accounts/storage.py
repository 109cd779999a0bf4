"""Old path of the records storage, kept only because migration 0002 calls
``courses.accounts.storage.RecordsStorage()``. It builds ``core.storage.PrivateStorage`` for the
``records`` alias, which is what the models use (``core.storage.records_storage``)."""

from functools import partial

from core.storage import PrivateStorage

RecordsStorage = partial(PrivateStorage, alias="records")
