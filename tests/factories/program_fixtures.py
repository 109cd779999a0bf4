"""Fixtures shared by suites that need a primary program in a page tree (certification, reports)."""

import pytest

from cms.choices import Level
from tests.factories import cms as cms_factories


@pytest.fixture
def home(db):
    cms_factories.ensure_page_tree()
    return cms_factories.home_page()


@pytest.fixture
def catalogue(home):
    return cms_factories.catalogue_page(home)


@pytest.fixture
def program(home):
    return cms_factories.program_page(home, title="初级技术经理人培训项目", level=Level.PRIMARY)
