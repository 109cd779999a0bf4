import pytest

from tests.factories import cms as factories


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def catalogue(home):
    return factories.catalogue_page(home)
