import re

import pytest
from django.db import connection, transaction

from certification import serials
from certification.models import SerialCounter
from tests.concurrency import run_concurrently

PATTERN = "{base}-{year}-{level}-{seq:06}"


def test_format_follows_the_pattern():
    assert (
        serials.format_serial(PATTERN, base="TTA", year=2026, level="primary", seq=123) == "TTA-2026-P-000123"
    )
    assert (
        serials.format_serial(PATTERN, base="TTA", year=2026, level="intermediate", seq=7)
        == "TTA-2026-I-000007"
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{base}-{year}", "编号格式必须包含 {seq}（流水号）。"),
        ("{base}-{owner}-{seq}", "未知字段：{owner}。编号格式只能使用 {base}、{year}、{level} 和 {seq}。"),
        ("{base}-{seq:zz}", "编号格式无法生成证书编号（"),
        ("{base}-{seq", "花括号不成对：字段应写作 {seq:06} 这样的形式。"),
    ],
    ids=str,
)
def test_bad_patterns_are_refused_in_the_registrars_language(pattern, message):
    with pytest.raises(serials.SerialPatternError) as refusal:
        serials.validate_pattern(pattern)
    assert str(refusal.value).startswith(message)


def test_verification_codes_are_long_random_and_url_safe():
    codes = {serials.new_verification_code() for _ in range(1000)}

    assert len(codes) == 1000
    for code in codes:
        assert re.fullmatch(r"[A-Za-z0-9_-]{32}", code)  # 24 random bytes = 192 bits


@pytest.mark.django_db
def test_serials_from_the_sequence_are_consecutive_per_pattern_and_year():
    first = serials.next_serial(pattern=PATTERN, year=2031, level="primary")
    second = serials.next_serial(pattern=PATTERN, year=2031, level="primary")
    other_year = serials.next_serial(pattern=PATTERN, year=2032, level="primary")

    assert re.fullmatch(r"TTA-2031-P-\d{6}", first)
    assert int(second[-6:]) == int(first[-6:]) + 1
    assert re.fullmatch(r"TTA-2032-P-\d{6}", other_year)


@pytest.mark.django_db
def test_a_number_drawn_by_a_rolled_back_issue_is_never_on_two_certificates():
    before = serials.next_number(pattern=PATTERN, year=2033)
    with pytest.raises(RuntimeError), transaction.atomic():
        serials.next_number(pattern=PATTERN, year=2033)
        raise RuntimeError("issue failed")
    after = serials.next_number(pattern=PATTERN, year=2033)

    if connection.vendor == "postgresql":
        # A sequence is outside transactions: the rolled-back number is a gap, never given again.
        assert after == before + 2
    else:
        # The counter row rolls back with the issue, so the number, never committed, is given again.
        assert after == before + 1


@pytest.mark.django_db
def test_a_sequence_created_by_a_rolled_back_issue_is_created_again():
    """The first number of a new year is drawn in an issue that fails: its new sequence goes with the
    rollback (DDL is transactional in PostgreSQL), so the next issue must not take it for granted."""
    with pytest.raises(RuntimeError), transaction.atomic():
        assert serials.next_number(pattern=PATTERN, year=2041) == 1
        raise RuntimeError("issue failed")
    with transaction.atomic():
        assert serials.next_number(pattern=PATTERN, year=2041) >= 1


@pytest.mark.django_db
def test_the_counter_row_stands_in_for_a_sequence_on_other_databases(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")

    numbers = [serials.next_number(pattern=PATTERN, year=2034) for _ in range(3)]

    assert numbers == [1, 2, 3]
    assert SerialCounter.objects.get(pattern=PATTERN, year=2034).value == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_draws_never_repeat_a_number():
    def draw(_):
        numbers = []
        for _ in range(25):
            with transaction.atomic():
                numbers.append(serials.next_number(pattern="CONC-{seq}", year=2035))
        return numbers

    drawn = [number for numbers in run_concurrently(draw, 6) for number in numbers]
    assert len(drawn) == 150
    assert len(set(drawn)) == 150
