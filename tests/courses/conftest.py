import pytest


@pytest.fixture(autouse=True)
def private_records(settings, tmp_path):
    """Exported trainee-record workbooks in a per-test folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "records": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private-records"), "base_url": None},
        },
    }
    return tmp_path / "private-records"


@pytest.fixture(autouse=True)
def _fresh_page_views():
    """Each test's heartbeats start from newly loaded lesson pages."""
    from tests.courses import page_views

    page_views.reset()
