"""Old path of the certificate storage, kept only because migrations 0002 and 0003 call
``certification.storage.CertificateStorage()``. It builds ``core.storage.PrivateStorage`` for the
``certificates`` alias, which is what the models use (``core.storage.certificate_storage``)."""

from functools import partial

from core.storage import PrivateStorage

CertificateStorage = partial(PrivateStorage, alias="certificates")
