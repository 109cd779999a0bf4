"""Review 4 of a153ddd: canonicalization by shape must give pyld's bytes for every document.

A document served from a learned shape whose canonical N-Quads differ from pyld's signs a hash no
other verifier (Digital Bazaar, pyld) recomputes. Each case first learns the shape with a document
pyld agrees on, then canonicalizes a second document of the same shape.
"""

import copy

import pytest
from pyld import jsonld

from certification import credentials
from tests.certification.test_canonical_shapes import _credential


def _pyld(document: dict) -> str:
    return jsonld.normalize(document, credentials._normalize_options())


@pytest.fixture(autouse=True)
def _fresh_shapes():
    credentials._SHAPES.clear()
    yield
    credentials._SHAPES.clear()


def _learn_then_compare(first: dict, second: dict) -> None:
    assert credentials.canonicalize(first) == _pyld(first)  # learns the shape
    assert credentials.canonicalize(second) == _pyld(second)


@pytest.mark.parametrize(
    "where, key",
    [
        (("credentialSubject", "achievement"), "tag"),  # OB3 Achievement.tag, an @set of strings
        ((), "name"),  # the credential's own name as an array
    ],
)
def test_two_equal_strings_of_one_property_are_one_quad(where, key):
    """JSON-LD's node map keeps one copy of an equal value of a property (pyld: 1 quad); the
    shape's tokens are distinct, so the filled dataset has the quad twice (one line more)."""
    first, second = _credential("陈建国"), _credential("陈建国")
    for document, values in ((first, ["甲", "乙"]), (second, ["甲", "甲"])):
        node = document
        for step in where:
            node = node[step]
        node[key] = values
    _learn_then_compare(first, second)


def test_a_compact_iri_whose_prefix_an_inline_context_defines_is_expanded():
    """``_plain_iri`` knows only the bundled contexts' terms; a document's own context may define
    a prefix, which JSON-LD expands (pyld: <https://example.org/ns#holder>), the shape does not."""
    context = [*credentials.CREDENTIAL_CONTEXT, {"ex": "https://example.org/ns#"}]
    first = _credential("陈建国", subject_id="urn:uuid:1")
    second = _credential("陈建国", subject_id="ex:holder")
    first["@context"] = context
    second["@context"] = copy.deepcopy(context)
    _learn_then_compare(first, second)
