"""Settings come from the environment: the embedded default and production differ only there."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "p7#v2m!q9x$w4k@z8r&t6y^u1i*o3p(l5j)h0g-f+d=s_a~b" * 2,
    "DJANGO_ALLOWED_HOSTS": "academy.example.org",
    "DATABASE_URL": "postgres://tta@db.example.org:5432/tta",
    "CELERY_BROKER_URL": "redis://cache.example.org:6379/0",
    "CACHE_URL": "rediscache://cache.example.org:6379/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "AWS_STORAGE_BUCKET_NAME": "tta-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "TTA_FIELD_ENCRYPTION_KEY": "3q2-7wBvXn0mZlqk9eY4n8dJc1s6H2aPq5rT0uVwXyA=",
    # An Ed25519 secretKeyMultibase (certification.credentials.secret_key_multibase), not derived from SECRET_KEY.
    "TTA_CREDENTIAL_SIGNING_KEY": "z3u2RDpgFe6Voz19gxWsBkueKj6XiuC9w1bSBT4FTowsWk6A",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "CACHE_", "TTA_SERVE_MEDIA"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_silent_with_production_values():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_secret_key():
    env = {**PRODUCTION_ENV}
    env.pop("DJANGO_SECRET_KEY")
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_production_values_reach_the_settings():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'], s.CELERY_BROKER_URL,"
        " s.STORAGES['media']['BACKEND'], s.EMAIL_HOST, s.DEBUG, s.SECURE_SSL_REDIRECT, s.SERVE_MEDIA)"
    )
    result = _manage("shell", "-v", "0", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.example.org",
        "redis://cache.example.org:6379/0",
        "storages.backends.s3.S3Storage",
        "smtp.example.org",
        "False",
        "True",
        "False",
    ]


def test_embedded_default_needs_no_server():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL, s.STORAGES['media']['BACKEND'])"
    )
    result = _manage("shell", "-v", "0", "-c", code, env={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "filesystem://",
        "django.core.files.storage.FileSystemStorage",
    ]


def test_check_deploy_flags_media_served_by_django_a_per_process_cache_and_a_derived_signing_key():
    env = {**PRODUCTION_ENV, "TTA_SERVE_MEDIA": "1", "CACHE_URL": "locmemcache://"}
    env.pop("TTA_CREDENTIAL_SIGNING_KEY")
    env.pop("AWS_STORAGE_BUCKET_NAME")  # media on local disk (with S3, Django never serves media)
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "tta.W001" in output and "tta.W002" in output and "tta.W003" in output


def test_sessions_live_in_the_shared_cache_and_the_pool_is_opt_in_for_postgresql():
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], d['CONN_MAX_AGE'],"
        " d.get('OPTIONS', {}).get('pool'))"
    )
    without = _manage("shell", "-v", "0", "-c", code, env={**PRODUCTION_ENV, "DATABASE_CONN_MAX_AGE": "60"})
    assert without.returncode == 0, without.stderr
    assert without.stdout.split() == [
        "django.contrib.sessions.backends.cached_db",
        "django.core.cache.backends.redis.RedisCache",
        "60",
        "None",
    ]
    pooled = {**PRODUCTION_ENV, "DATABASE_CONN_MAX_AGE": "60", "DATABASE_POOL_MAX_SIZE": "8"}
    result = _manage("shell", "-v", "0", "-c", code, env=pooled)
    assert result.returncode == 0, result.stderr
    # A pooled connection goes back to the pool after each request: no persistent connections.
    assert result.stdout.split()[2:] == [
        "0",
        "{'min_size':",
        "1,",
        "'max_size':",
        "8,",
        "'timeout':",
        "10.0}",
    ]
    # SQLite has no pool, whatever the variable says.
    result = _manage("shell", "-v", "0", "-c", code, env={"DJANGO_DEBUG": "1", "DATABASE_POOL_MAX_SIZE": "8"})
    assert result.stdout.split()[2:] == ["0", "None"]
