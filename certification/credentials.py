"""Signed credentials: each certificate as an Open Badges 3.0 / W3C Verifiable Credential 2.0 document.

The proof is a W3C Data Integrity proof with the ``eddsa-rdfc-2022`` cryptosuite:

1. the proof options (type, cryptosuite, created, verificationMethod, proofPurpose) take the
   credential's ``@context`` and are canonicalized with RDFC-1.0, then hashed with SHA-256;
2. the credential without its proof is canonicalized and hashed the same way;
3. the Ed25519 signature over ``hash(options) || hash(credential)`` is the ``proofValue``
   (multibase base58-btc).

Canonicalization uses pyld's URDNA2015, which yields the same output as RDFC-1.0 for these
documents, with the JSON-LD contexts bundled in ``certification/contexts``: the document loader
never touches the network, and any other URL is an error.

Each credential carries a ``credentialStatus`` with two W3C Bitstring Status List v1.0 entries
(``revocation`` and ``suspension``) at the certificate's position; the lists themselves are signed
``BitstringStatusListCredential`` documents built here from the bits the database holds.

The issuer is a ``did:web`` identifier derived from the site's public URL; its DID document,
published at ``/.well-known/did.json``, lists the Ed25519 public key as a ``Multikey``. The key
comes from ``TTA_CREDENTIAL_SIGNING_KEY`` (a multibase ``secretKeyMultibase``, as printed by
``credential_key_generate``); without it, development and tests derive one from ``SECRET_KEY``.

Pure module: data in, documents out, no database writes.
"""

import base64
import copy
import gzip
import hashlib
import json
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from pyld import jsonld
from pyld.canon import URDNA2015
from pyld.context_resolver import ContextResolver

from cms.links import site_url

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"

# URL -> bundled file. These are the only documents the loader will ever return.
BUNDLED_CONTEXTS = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-v3p0-context-3.0.3.json",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
    MULTIKEY_V1: "multikey-v1.jsonld",
}

CREDENTIAL_CONTEXT = [CREDENTIALS_V2, OPEN_BADGES_V3]
CRYPTOSUITE = "eddsa-rdfc-2022"

# The purposes every credential has a status entry for (W3C Bitstring Status List v1.0).
STATUS_PURPOSES = ("revocation", "suspension")
# How long a verifier may keep a status list (its ``ttl``, and the HTTP max-age it is served with).
STATUS_LIST_TTL_SECONDS = 60

# Multicodec prefixes (unsigned varints) of Ed25519 keys in multibase form.
_ED25519_PUB_PREFIX = b"\xed\x01"
_ED25519_PRIV_PREFIX = b"\x80\x26"
_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


class CredentialError(Exception):
    """A key or a document that cannot be used."""


# --- base58-btc multibase -------------------------------------------------------------------


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = _B58_ALPHABET[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = _B58_ALPHABET.find(char)
        if index < 0:
            raise CredentialError(f"not base58-btc: {char!r}")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_zeros + body


def multibase_decode(value: str) -> bytes:
    if not value.startswith("z"):
        raise CredentialError("only multibase base58-btc ('z…') is supported")
    return base58btc_decode(value[1:])


# --- keys and issuer --------------------------------------------------------------------------


def secret_key_multibase(seed: bytes) -> str:
    """The multibase form of a 32-byte Ed25519 seed (the format of ``TTA_CREDENTIAL_SIGNING_KEY``)."""
    return "z" + base58btc_encode(_ED25519_PRIV_PREFIX + seed)


def _seed() -> bytes:
    configured = getattr(settings, "TTA_CREDENTIAL_SIGNING_KEY", "")
    if configured:
        raw = multibase_decode(configured)
        if not raw.startswith(_ED25519_PRIV_PREFIX) or len(raw) != 34:
            raise CredentialError("TTA_CREDENTIAL_SIGNING_KEY is not an Ed25519 secretKeyMultibase")
        return raw[2:]
    # Development and tests only: a stable key per SECRET_KEY (production sets the variable).
    return hashlib.sha256(b"tta-credential-signing-key\0" + settings.SECRET_KEY.encode()).digest()


def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_seed())


def public_key_multibase() -> str:
    raw = signing_key().public_key().public_bytes_raw()
    return "z" + base58btc_encode(_ED25519_PUB_PREFIX + raw)


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    raw = multibase_decode(value)
    if not raw.startswith(_ED25519_PUB_PREFIX) or len(raw) != 34:
        raise CredentialError("not an Ed25519 publicKeyMultibase")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def issuer_did() -> str:
    """``did:web`` for the site's host (a port is percent-encoded, a path becomes ``:`` segments)."""
    parts = urlsplit(site_url())
    segments = [quote(parts.netloc, safe="")] + [quote(s, safe="") for s in parts.path.split("/") if s]
    return "did:web:" + ":".join(segments)


def verification_method_id() -> str:
    # The key's own multibase as fragment: a new key gets a new id, old ids stay resolvable.
    return f"{issuer_did()}#{public_key_multibase()}"


def did_document() -> dict[str, Any]:
    """The issuer's DID document, served at ``/.well-known/did.json``."""
    did = issuer_did()
    method = verification_method_id()
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": [
            {
                "id": method,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": public_key_multibase(),
            }
        ],
        "assertionMethod": [method],
        "authentication": [method],
    }


# --- canonicalization -----------------------------------------------------------------------


@cache
def _bundled(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / BUNDLED_CONTEXTS[url]).read_text(encoding="utf-8"))


def bundled_context(url: str) -> dict:
    """A fresh copy of a bundled context document (for tests and the JavaScript verifier)."""
    return copy.deepcopy(_bundled(url))


def document_loader(url: str, options: dict | None = None) -> dict:
    """Return bundled contexts only; never fetch anything from the network."""
    if url not in BUNDLED_CONTEXTS:
        raise jsonld.JsonLdError(
            f"Refusing to load {url}: only bundled contexts are allowed.",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {
        "contextUrl": None,
        "documentUrl": url,
        "contentType": "application/ld+json",
        "document": _bundled(url),
    }


@cache
def _context_resolver() -> ContextResolver:
    # One resolver per process keeps the bundled contexts resolved between documents: resolving
    # them again for every canonicalization was most of the signing time. They never change.
    return ContextResolver({}, document_loader)


def _normalize_options() -> dict:
    return {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": document_loader,
        "contextResolver": _context_resolver(),
    }


# pyld's context resolver (one per process, above) keeps an LRU cache that is not thread-safe:
# every pyld call holds this lock. With shapes learned, few documents reach pyld at all.
_PYLD_LOCK = threading.Lock()


def _pyld_normalize(document: dict) -> str:
    with _PYLD_LOCK:
        return jsonld.normalize(document, _normalize_options())


def canonicalize(document: dict) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document.

    Expanding a document against the credential contexts is most of the cost, and every credential
    of a kind has the same shape; ``_shape_dataset`` does that work once per shape. A document it
    cannot vouch for is canonicalized by pyld directly, which gives the same output.
    """
    dataset = _shape_dataset(document)
    if dataset is None:
        return _pyld_normalize(document)
    return URDNA2015().main(dataset, {"format": "application/n-quads"})


# The RDF dataset of each document shape: the document with every free string value replaced by a
# token (``tta-token:N``), expanded and turned into quads once. A document of that shape gets the
# dataset with its own values put back where the tokens are. This holds because JSON-LD expansion
# copies a value to its quad unchanged unless the value itself names something: a type, a term
# (``@vocab``-typed terms such as ``proofPurpose``), a compact IRI, or an ``@id`` shared by two nodes.
# So those stay in the shape (types, ``@vocab`` terms, the contexts); an IRI whose scheme is a term,
# a relative IRI, a blank-node id or two equal IRIs make the document go through pyld; a token
# found inside a longer string (a JSON literal) marks the shape as not cacheable. Each shape's first
# document is canonicalized both ways and the shape kept only if the two agree.
_TOKEN = "tta-token:"
_SHAPES: dict[str, tuple[dict, frozenset[int]] | None] = {}
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*")


@cache
def _context_terms() -> tuple[frozenset[str], frozenset[str]]:
    """(every term any bundled context defines, the terms whose values are ``@vocab``-expanded)."""
    terms: set[str] = set()
    vocab_typed: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                terms.add(key)
                if isinstance(item, dict) and item.get("@type") == "@vocab":
                    vocab_typed.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for url in BUNDLED_CONTEXTS:
        walk(_bundled(url).get("@context"))
    return frozenset(terms), frozenset(vocab_typed)


def _tokenized(document: dict) -> tuple[Any, list[str]]:
    """The document with its free string values replaced by tokens, and those values in order;
    None for a document with a context other than the bundled ones."""
    _terms, vocab_typed = _context_terms()
    structural = {"@context", "type", "@type", "@language", "@direction", "@base", "@vocab", *vocab_typed}
    values: list[str] = []

    def bundled_only(context) -> bool:
        items = context if isinstance(context, list) else [context]
        return all(isinstance(item, str) and item in BUNDLED_CONTEXTS for item in items)

    def walk(value, key: str | None):
        if isinstance(value, dict):
            if "@context" in value and not bundled_only(value["@context"]):
                raise _InlineContext
            return {k: (v if k in structural else walk(v, k)) for k, v in sorted(value.items())}
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if isinstance(value, str):
            values.append(value)
            return f"{_TOKEN}{len(values) - 1}"
        return value

    try:
        return walk(document, None), values
    except _InlineContext:
        return None, values  # terms of its own could make any value an IRI: pyld reads it


class _InlineContext(Exception):
    pass


def _plain_iri(value: str) -> bool:
    """True if JSON-LD keeps ``value`` as it is where an IRI is expected: absolute, no term prefix."""
    if not _ABSOLUTE_IRI.fullmatch(value) or value.startswith("_:"):
        return False
    terms, _vocab_typed = _context_terms()
    return value.split(":", 1)[0] not in terms


def _shape_dataset(document: dict) -> dict | None:
    """The RDF dataset of ``document`` from its shape's, or None when pyld must do it (see above)."""
    tokenized, values = _tokenized(document)
    if tokenized is None:
        return None
    shape = _SHAPES.get(key := json.dumps(tokenized, ensure_ascii=False, separators=(",", ":")), _UNVOUCHED)
    if shape is _UNVOUCHED:
        shape = _learn_shape(tokenized, values, document)
        if shape is _UNVOUCHED:
            return None  # this document cannot show the shape right; the next one may
        _SHAPES[key] = shape
    if shape is None:
        return None
    return _dataset_of(shape, values)


def _dataset_of(shape: tuple[dict, frozenset[int]], values: list[str]) -> dict | None:
    """The shape's dataset with ``values`` in place of its tokens; None if JSON-LD would read these
    values otherwise (an IRI it rewrites, two equal ids, two equal values of one property)."""
    template, iri_tokens = shape
    iris = [values[index] for index in iri_tokens]
    if len(set(iris)) != len(iris) or not all(_plain_iri(iri) for iri in iris):
        return None
    return _unique(_filled(template, values))


def _unique(dataset: dict) -> dict | None:
    """``dataset``, or None if two of its quads are the same once filled: JSON-LD keeps one of two
    equal values of a property (``["A", "A"]``), the shape kept both."""
    for quads in dataset.values():
        seen = {
            tuple(
                (position, tuple(sorted(component.items()))) for position, component in sorted(quad.items())
            )
            for quad in quads
        }
        if len(seen) != len(quads):
            return None
    return dataset


def _filled(template: dict, values: list[str]) -> dict:
    def fill(component: dict) -> dict:
        value = component["value"]
        if value.startswith(_TOKEN):
            return {**component, "value": values[int(value[len(_TOKEN) :])]}
        return dict(component)

    return {
        graph: [{position: fill(component) for position, component in quad.items()} for quad in quads]
        for graph, quads in template.items()
    }


_UNVOUCHED = object()


def _learn_shape(tokenized, values: list[str], document: dict):
    """The shape's (dataset template, tokens in IRI positions); None if it cannot be cached;
    ``_UNVOUCHED`` if ``document`` cannot be used to check it."""
    if len(_SHAPES) >= 64:
        _SHAPES.clear()
    options = {**_normalize_options(), "produceGeneralizedRdf": False}
    options.pop("format")
    with _PYLD_LOCK:
        template = jsonld.to_rdf(tokenized, options)
    iri_tokens: set[int] = set()
    for quads in template.values():
        for quad in quads:
            for position, component in quad.items():
                value = component.get("value", "")
                if _TOKEN not in value and _TOKEN not in component.get("datatype", ""):
                    continue
                if (
                    not value.startswith(_TOKEN)
                    or not value[len(_TOKEN) :].isdigit()
                    or position == "predicate"
                ):
                    return None  # a token inside a longer string, or naming a property: not a free value
                if component["type"] != "literal":
                    iri_tokens.add(int(value[len(_TOKEN) :]))
    shape = (template, frozenset(iri_tokens))
    filled = _dataset_of(shape, values)
    if filled is None:
        return _UNVOUCHED
    fast = URDNA2015().main(filled, {"format": "application/n-quads"})
    if fast != _pyld_normalize(document):
        return None
    return shape


def _hash_data(document: dict, proof_options: dict) -> bytes:
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    options = {**proof_options, "@context": document["@context"]}
    options.pop("proofValue", None)
    return (
        hashlib.sha256(canonicalize(options).encode()).digest()
        + hashlib.sha256(canonicalize(unsigned).encode()).digest()
    )


def sign(document: dict, *, created: str) -> dict:
    """Return a copy of ``document`` with an ``eddsa-rdfc-2022`` Data Integrity proof.

    Deterministic: the same document, time and key always give the same proof (Ed25519).
    """
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method_id(),
        "proofPurpose": "assertionMethod",
    }
    signature = signing_key().sign(_hash_data(document, proof))
    return {**copy.deepcopy(document), "proof": {**proof, "proofValue": "z" + base58btc_encode(signature)}}


def verify(document: dict) -> bool:
    """True if ``document`` carries a valid proof by this site's current key.

    The JavaScript test verifies independently; this is for the site's own checks.
    """
    proof = document.get("proof")
    if not isinstance(proof, dict) or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    if proof.get("verificationMethod") != verification_method_id():
        return False
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
        public_key_from_multibase(public_key_multibase()).verify(signature, _hash_data(document, proof))
    except (CredentialError, InvalidSignature, jsonld.JsonLdError):
        return False
    return True


# --- status lists (W3C Bitstring Status List v1.0) -------------------------------------------


def encode_bitstring(bits: bytes) -> str:
    """``encodedList``: multibase base64url (``u``, no padding) of the GZIP-compressed bitstring.

    The GZIP header's time is fixed, so the same bits always give the same text (and proof).
    """
    compressed = gzip.compress(bits, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_bitstring(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise CredentialError("encodedList must be multibase base64url ('u…')")
    body = encoded[1:]
    try:
        return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, OSError, EOFError) as error:
        raise CredentialError(f"encodedList does not decode: {error}") from error


def bit_mask(index: int) -> tuple[int, int]:
    """(byte, mask) of position ``index``: index 0 is the left-most (most significant) bit of byte 0."""
    return index // 8, 0x80 >> (index % 8)


def bit_is_set(bits: bytes, index: int) -> bool:
    byte, mask = bit_mask(index)
    return bool(bits[byte] & mask)


def with_bit(bits: bytes, index: int, on: bool) -> bytes:
    """A copy of ``bits`` with position ``index`` set (``on``) or cleared."""
    byte, mask = bit_mask(index)
    changed = bytearray(bits)
    changed[byte] = changed[byte] | mask if on else changed[byte] & ~mask & 0xFF
    return bytes(changed)


def status_list_url(*, purpose: str, number: int) -> str:
    """Where the status list credential of ``purpose`` number ``number`` is published (stable)."""
    return f"{site_url()}/credentials/status/{purpose}/{number}/"


def status_entries(*, list_number: int, index: int) -> list[dict[str, Any]]:
    """The ``credentialStatus`` of a credential at position ``index`` of list ``list_number``."""
    entries = []
    for purpose in STATUS_PURPOSES:
        url = status_list_url(purpose=purpose, number=list_number)
        entries.append(
            {
                "id": f"{url}#{index}",
                "type": "BitstringStatusListEntry",
                "statusPurpose": purpose,
                "statusListIndex": str(index),
                "statusListCredential": url,
            }
        )
    return entries


def status_list_document(*, purpose: str, number: int, bits: bytes, valid_from) -> dict[str, Any]:
    """The unsigned ``BitstringStatusListCredential`` of one list."""
    url = status_list_url(purpose=purpose, number=number)
    return {
        "@context": [CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": _timestamp(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode_bitstring(bits),
            "ttl": STATUS_LIST_TTL_SECONDS * 1000,
        },
    }


def status_list_credential(*, purpose: str, number: int, bits: bytes, updated_at) -> dict[str, Any]:
    """The signed status list; deterministic for the same bits, time and key (so it may be cached)."""
    document = status_list_document(purpose=purpose, number=number, bits=bits, valid_from=updated_at)
    return sign(document, created=_timestamp(updated_at))


# --- the credential of a certificate ----------------------------------------------------------


def _timestamp(value) -> str:
    from datetime import UTC

    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def credential_document(certificate, *, status_position: tuple[int, int] | None = None) -> dict:
    """The unsigned credential for ``certificate``, built only from its frozen fields and snapshot.

    ``status_position`` (list number, index) adds the ``credentialStatus`` entries.
    """
    snapshot = certificate.snapshot or {}
    base = site_url()
    program_zh = snapshot.get("program_title_zh") or snapshot.get("program_title", "")
    program_en = snapshot.get("program_title_en") or program_zh
    hours = snapshot.get("hours")
    issuer = {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": snapshot.get("issuer_name_zh", ""),
        "url": base + "/",
    }
    if snapshot.get("accreditation_number"):
        issuer["description"] = f"Accreditation No. {snapshot['accreditation_number']}"
    achievement = {
        "id": f"{base}/credentials/programs/{certificate.program_id}",
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": f"{program_zh} / {program_en}" if program_en != program_zh else program_zh,
        "description": f"{snapshot.get('level_label_zh', '')} {snapshot.get('level_label_en', '')}".strip()
        or program_en,
        "criteria": {
            "narrative": snapshot.get(
                "criteria",
                "Completed the required courses and learning hours and passed the final exam.",
            )
        },
        "humanCode": certificate.serial,
    }
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": snapshot.get("holder_name", ""),
                "identityType": "name",
                "hashed": False,
            }
        ],
        "achievement": achievement,
    }
    if hours is not None:
        subject["creditsEarned"] = float(hours)
    document = {
        "@context": list(CREDENTIAL_CONTEXT),
        "id": f"{base}/verify/{certificate.verification_code}/",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{certificate.serial} {program_zh}",
        "issuer": issuer,
        "validFrom": _timestamp(certificate.issued_at),
        "credentialSubject": subject,
    }
    if certificate.expires_at:
        document["validUntil"] = _timestamp(certificate.expires_at)
    if status_position is not None:
        list_number, index = status_position
        document["credentialStatus"] = status_entries(list_number=list_number, index=index)
    return document


def status_position_of(certificate) -> tuple[int, int] | None:
    """(list number, index) of a saved certificate's status entry, if it has one."""
    entry = getattr(certificate, "status_entry", None) if certificate.pk else None
    return (entry.list_number, entry.index) if entry is not None else None


def credential_for(certificate, *, status_position: tuple[int, int] | None = None) -> dict:
    """The signed credential of ``certificate``: the stored one if issued with it, else signed now.

    Signing is deterministic, so both give the same document for a frozen certificate. The status
    position is the given one, else the certificate's status entry.
    """
    if certificate.credential:
        return copy.deepcopy(certificate.credential)
    position = status_position or status_position_of(certificate)
    document = credential_document(certificate, status_position=position)
    return sign(document, created=_timestamp(certificate.issued_at))
