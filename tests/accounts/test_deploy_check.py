from tests.test_settings import PRODUCTION_ENV, _manage


def test_check_deploy_warns_when_the_field_encryption_key_is_missing():
    env = {**PRODUCTION_ENV}
    env.pop("TTA_FIELD_ENCRYPTION_KEY")
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "accounts.W001" in result.stdout + result.stderr
