"""Cursors for the hot paths' hand-written statements: prepared once per connection on PostgreSQL.

Django binds parameters on the client and never prepares a statement, so PostgreSQL parses and
plans every statement it receives. For the heartbeat's read (a handful of joins and a subquery)
planning took 0.9 ms of PostgreSQL's CPU against 0.2 ms of execution (EXPLAIN ANALYZE). A
``hot_cursor`` binds on the server and has psycopg prepare each statement text once it has run
``PREPARE_AFTER`` times on a connection; from then on PostgreSQL runs it with its cached plan
(after five custom plans it settles on a generic one when that costs no more).
``benchmarks/heartbeat_profile.py`` prints PostgreSQL's CPU per request: a steady heartbeat went
from 2.3 to 0.9 ms.

Every other query keeps Django's client-side binding: psycopg's client cursors never prepare, so
setting the connection's ``prepare_threshold`` here changes nothing for them. Prepared statements
live as long as the connection (``DATABASE_CONN_MAX_AGE`` or the pool); PostgreSQL re-plans them
by itself after a migration alters a table they read. SQLite gets Django's ordinary cursor.
Statements still pass through Django's wrappers: errors are Django's, and tests count them.
"""

from contextlib import contextmanager

from django.db import connection

PREPARE_AFTER = 3


@contextmanager
def hot_cursor():
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        raw = connection.connection
        if raw.prepare_threshold is None:  # Django leaves it unset: never prepare
            raw.prepare_threshold = PREPARE_AFTER
        # Imported here: the PostgreSQL backend module needs psycopg, which an SQLite install may lack.
        from django.db.backends.postgresql.base import ServerBindingCursor

        cursor = connection._prepare_cursor(ServerBindingCursor(raw))
    with cursor:
        yield cursor
