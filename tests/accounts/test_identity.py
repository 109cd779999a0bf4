"""Identity numbers: validation with clear messages, masking, and encryption at rest."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.accounts import crypto
from courses.accounts.checks import field_encryption_key_check
from courses.accounts.identity import mask_identity_number, validate_resident_id
from courses.accounts.models import TraineeProfile
from courses.accounts.services import trainee_profile_save
from tests.factories import courses as factories

from .conftest import resident_id


def test_a_valid_resident_id_passes_and_x_is_accepted():
    validate_resident_id("11010519491231002X")
    validate_resident_id(resident_id())


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("11010519491231002", "length"),
        ("1101051949123100201", "length"),
        ("11010519491231002A", "characters"),
        ("110105194913310021", "birth_date"),
        ("110105194912310021", "checksum"),
    ],
)
def test_invalid_resident_ids_say_what_is_wrong(number, code):
    with pytest.raises(ValidationError) as raised:
        validate_resident_id(number)
    assert raised.value.code == code


def test_masking_keeps_four_characters_at_each_end():
    assert mask_identity_number("310104198804121234") == "3101********1234"
    assert mask_identity_number("E12345678") == "E********8"
    assert mask_identity_number("AB12") == "********"
    assert mask_identity_number("") == ""


@pytest.mark.django_db
def test_the_number_is_encrypted_at_rest_and_never_sent_to_the_database_in_clear():
    user = factories.user()
    number = resident_id()
    with CaptureQueriesContext(connection) as queries:
        trainee_profile_save(user=user, real_name="张三", phone="13800138000", identity_number=number)
    assert not any(number in query["sql"] for query in queries.captured_queries)

    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_number FROM accounts_traineeprofile WHERE user_id = %s", [user.pk])
        (stored,) = cursor.fetchone()
    assert number not in stored
    assert number[-4:] not in stored
    assert crypto.decrypt(stored) == number
    assert TraineeProfile.objects.get(user=user).identity_number == number


@pytest.mark.django_db
def test_a_number_written_with_one_key_cannot_be_read_with_another(settings):
    from cryptography.fernet import Fernet

    first, second = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.TTA_FIELD_ENCRYPTION_KEY = first
    user = factories.user()
    trainee_profile_save(user=user, real_name="张三", identity_number=resident_id())

    settings.TTA_FIELD_ENCRYPTION_KEY = second
    with pytest.raises(ImproperlyConfigured):
        TraineeProfile.objects.get(user=user).identity_number  # noqa: B018

    # Rotation: the new key first, the old one still decrypts.
    settings.TTA_FIELD_ENCRYPTION_KEY = f"{second},{first}"
    assert TraineeProfile.objects.get(user=user).identity_number


@pytest.mark.django_db
def test_the_service_refuses_a_bad_number_and_changes_nothing():
    user = factories.user()
    number = resident_id()
    trainee_profile_save(user=user, real_name="张三", identity_number=number)
    with pytest.raises(ValidationError) as raised:
        trainee_profile_save(user=user, real_name="李四", identity_number="110105194912310021")
    assert "identity_number" in raised.value.message_dict
    profile = TraineeProfile.objects.get(user=user)
    assert (profile.real_name, profile.identity_number) == ("张三", number)


def test_deploy_check_warns_without_a_key_when_debug_is_off(settings):
    settings.DEBUG = False
    settings.TTA_FIELD_ENCRYPTION_KEY = ""
    assert [message.id for message in field_encryption_key_check(None)] == ["accounts.W001"]
    settings.TTA_FIELD_ENCRYPTION_KEY = "x" * 43 + "="
    assert field_encryption_key_check(None) == []
    settings.DEBUG = True
    settings.TTA_FIELD_ENCRYPTION_KEY = ""
    assert field_encryption_key_check(None) == []


@pytest.mark.django_db
def test_arguments_left_out_keep_what_is_stored():
    user = factories.user()
    number = resident_id()
    trainee_profile_save(
        user=user, real_name="张三", organisation="某研究院", phone="13800138000", identity_number=number
    )
    trainee_profile_save(user=user, real_name="张三丰")
    profile = TraineeProfile.objects.get(user=user)
    assert (profile.real_name, profile.organisation, profile.phone, profile.identity_number) == (
        "张三丰",
        "某研究院",
        "13800138000",
        number,
    )
