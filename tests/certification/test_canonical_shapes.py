"""Canonicalization by shape (certification.credentials.canonicalize) gives exactly pyld's output.

The signed credential's proof covers the RDFC-1.0 canonical form; a difference of one byte would
make every credential of a shape fail verification elsewhere. Each case compares with pyld.
"""

import copy

import pytest
from pyld import jsonld

from certification import credentials


def _pyld(document: dict) -> str:
    return jsonld.normalize(document, credentials._normalize_options())


def _credential(name: str, *, subject_id: str = "urn:uuid:0b1c9a52-7f6e-4b59-9a58-1f2e3d4c5b6a") -> dict:
    return {
        "@context": credentials.CREDENTIAL_CONTEXT,
        "id": "urn:uuid:5c2a8f86-3b7d-4f2c-8c7e-9a1b2c3d4e5f",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:academy.example", "type": ["Profile"], "name": "国家技术转移人才培养基地"},
        "validFrom": "2026-12-07T09:00:00Z",
        "name": "技术经理人（初级）",
        "credentialSubject": {
            "id": subject_id,
            "type": ["AchievementSubject"],
            "name": name,
            "achievement": {
                "id": "https://academy.example/programs/primary/",
                "type": ["Achievement"],
                "name": "技术经理人（初级）培训项目",
                "description": "48 学时",
                "criteria": {"narrative": "完成规定课程并通过考核"},
            },
        },
    }


@pytest.fixture(autouse=True)
def _fresh_shapes():
    credentials._SHAPES.clear()
    yield
    credentials._SHAPES.clear()


@pytest.mark.parametrize(
    "name",
    [
        "王喆堃",
        "李䶮 \U00020000",  # Extension B
        'O\'Brien "Bob" \\ <script>',  # quotes, backslash, angle brackets in a literal
        "line\nbreak\ttab\r",
        "tta-token:0",  # a value that looks like the cache's own token
        "",
    ],
)
def test_every_credential_of_a_shape_canonicalizes_as_pyld_does(name):
    first = _credential("陈建国")
    assert credentials.canonicalize(first) == _pyld(first)  # learns the shape
    document = _credential(name)
    assert credentials._shape_dataset(document) is not None  # served from the shape
    assert credentials.canonicalize(document) == _pyld(document)


def test_an_iri_that_json_ld_would_rewrite_goes_through_pyld():
    credentials.canonicalize(_credential("陈建国"))
    for subject_id in ("_:b0", "relative/path", "VerifiableCredential:x", "not an iri"):
        document = _credential("陈建国", subject_id=subject_id)
        assert credentials._shape_dataset(document) is None, subject_id
        assert credentials.canonicalize(document) == _pyld(document)


def test_two_equal_ids_are_one_node_so_the_document_goes_through_pyld():
    credentials.canonicalize(_credential("陈建国"))
    document = _credential("陈建国", subject_id="did:web:academy.example")  # the issuer's id
    assert credentials._shape_dataset(document) is None
    assert credentials.canonicalize(document) == _pyld(document)


def test_a_vocab_typed_value_stays_in_the_shape():
    """``proofPurpose`` values are terms expanded against the vocabulary: part of the shape."""
    options = {
        "@context": credentials.CREDENTIAL_CONTEXT,
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2026-12-07T09:00:00Z",
        "verificationMethod": "did:web:academy.example#key-1",
        "proofPurpose": "assertionMethod",
    }
    assert credentials.canonicalize(options) == _pyld(options)
    other = {**copy.deepcopy(options), "proofPurpose": "authentication"}
    assert credentials.canonicalize(other) == _pyld(other)
    assert "authentication" in credentials.canonicalize(other)


def test_a_shape_whose_check_fails_is_never_served(monkeypatch):
    """If the shape's first document canonicalizes differently the shape is marked, not trusted."""
    real = credentials.URDNA2015

    class Wrong(real):
        def main(self, dataset, options):
            return "wrong\n"

    monkeypatch.setattr(credentials, "URDNA2015", Wrong)
    document = _credential("陈建国")
    credentials.canonicalize(document)
    assert list(credentials._SHAPES.values()) == [None]
    monkeypatch.setattr(credentials, "URDNA2015", real)
    assert credentials.canonicalize(_credential("杨帆")) == _pyld(_credential("杨帆"))
