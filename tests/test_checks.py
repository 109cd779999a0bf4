"""The project's deployment checks (config/checks.py): each fires when its condition holds, only then."""

from config import checks

PRODUCTION = {
    "DEBUG": False,
    "SERVE_MEDIA": False,
    "CACHES": {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x:6379/1"}
    },
    "TTA_CREDENTIAL_SIGNING_KEY": "z3u2RDpgFe6Voz19gxWsBkueKj6XiuC9w1bSBT4FTowsWk6A",
}


def _ids(settings, **changes) -> set[str]:
    for name, value in {**PRODUCTION, **changes}.items():
        setattr(settings, name, value)
    found = [
        *checks.media_served_by_django_check(None),
        *checks.shared_cache_check(None),
        *checks.credential_signing_key_check(None),
    ]
    return {message.id for message in found}


def test_production_values_pass(settings):
    assert _ids(settings) == set()


def test_media_served_by_django_with_debug_off_is_flagged(settings):
    assert _ids(settings, SERVE_MEDIA=True) == {"tta.W001"}
    assert _ids(settings, SERVE_MEDIA=True, DEBUG=True) == set()


def test_a_per_process_cache_is_flagged(settings):
    for backend in ("locmem.LocMemCache", "dummy.DummyCache"):
        caches = {"default": {"BACKEND": f"django.core.cache.backends.{backend}"}}
        assert _ids(settings, CACHES=caches) == {"tta.W002"}


def test_a_signing_key_derived_from_the_secret_key_is_flagged(settings):
    assert _ids(settings, TTA_CREDENTIAL_SIGNING_KEY="") == {"tta.W003"}


def test_the_checks_are_registered_for_deploy_only():
    from django.core.checks import registry

    deploy = registry.registry.get_checks(include_deployment_checks=True)
    plain = registry.registry.get_checks(include_deployment_checks=False)
    ours = {
        checks.media_served_by_django_check,
        checks.shared_cache_check,
        checks.credential_signing_key_check,
    }
    assert ours <= set(deploy) and not ours & set(plain)
