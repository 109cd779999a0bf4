import itertools

import pytest

from courses.accounts.identity import resident_id_check_character
from courses.accounts.services import privacy_consent_record, trainee_profile_save
from tests.factories import courses as factories

_serials = itertools.count(100)


def resident_id(*, region: str = "310104", birth: str = "19880412") -> str:
    """A valid 18-character resident identity number, different on every call."""
    first17 = f"{region}{birth}{next(_serials) % 1000:03d}"
    return first17 + resident_id_check_character(first17)


def trainee_with_profile(**fields):
    number = fields.pop("identity_number", None) or resident_id()
    user = factories.user(**fields)
    trainee_profile_save(
        user=user,
        real_name=f"学员{user.pk}",
        organisation="某大学技术转移中心",
        phone="13800138000",
        identity_number=number,
    )
    privacy_consent_record(user=user)
    return user, number


@pytest.fixture
def trainee(db):
    return trainee_with_profile()


@pytest.fixture
def registrar(db):
    return factories.registrar()
