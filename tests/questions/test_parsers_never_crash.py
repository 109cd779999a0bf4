"""Whatever an instructor uploads, a parser answers with questions and errors; it never raises."""

import random
from pathlib import Path

import pytest

from courses.questions.importers import parse_aiken, parse_gift, parse_moodle_xml

FIXTURES = Path(__file__).parent / "fixtures"
AIKEN = "Q?\nA. a\nB. b\nANSWER: A\n\nQ2\nA) x\nB) y\nANSWER: B\n"
PIECES = [
    *"{}=~#%:->\\\n []TF.A)$/<>\"'0123456789-",
    "..",
    "####",
    "::",
    "->",
    "ANSWER:",
    "%50%",
    "%-1e9%",
    "$CATEGORY:",
]


def mutations(text: str, count: int, seed: int):
    generator = random.Random(seed)
    for _ in range(count):
        chars = list(text)
        for _edit in range(generator.randint(1, 8)):
            position = generator.randrange(len(chars))
            choice = generator.random()
            if choice < 0.4:
                chars.insert(position, generator.choice(PIECES))
            elif choice < 0.8:
                del chars[position]
            else:
                chars[position] = generator.choice(PIECES)
        yield "".join(chars)


@pytest.mark.parametrize(
    ("parser", "source"),
    [
        (parse_gift, (FIXTURES / "moodle-questions.gift.txt").read_text()),
        (parse_moodle_xml, (FIXTURES / "moodle-nested_categories_with_questions.xml").read_text()),
        (parse_aiken, AIKEN),
    ],
)
def test_mutated_files_give_a_report_not_an_exception(parser, source):
    for text in mutations(source, 400, seed=len(source)):
        result = parser(text.encode())
        assert all(problem.location and problem.message for problem in result.errors)
