"""What the integration tests that start processes of their own share: the address of the database
this test run writes to, for a child process's DATABASE_URL."""

from django.db import connection


def database_url() -> str:
    """The URL of the database this test writes to (pytest-django's test database)."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = database.get("USER") or ""
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = database.get("HOST") or "127.0.0.1"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{database['NAME']}"
