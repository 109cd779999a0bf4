import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English here; tests of the Chinese UI activate zh-hans themselves."""
    with translation.override("en"):
        yield
