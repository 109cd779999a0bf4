import pytest
from django.utils import translation

from tests.factories import exams as factories


@pytest.fixture
def english():
    """Services raise messages in the active language; outside a request, read them in English.

    Views are unaffected: each request activates its own language (Chinese by default).
    """
    with translation.override("en"):
        yield


@pytest.fixture
def setup(db):
    return factories.exam_setup()
