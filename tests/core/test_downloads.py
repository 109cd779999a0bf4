"""Downloads and cache policies (core.downloads): one way to name a file, one place for Cache-Control."""

import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core import downloads

ROOT = Path(__file__).resolve().parents[2]


def test_an_ascii_name_is_sent_as_is():
    assert (
        downloads.content_disposition("TTA-2026-P-000123.pdf")
        == 'attachment; filename="TTA-2026-P-000123.pdf"'
    )
    assert downloads.content_disposition("preview.pdf", inline=True) == 'inline; filename="preview.pdf"'


def test_a_chinese_name_gets_an_ascii_fallback_and_the_exact_utf8_name():
    header = downloads.content_disposition("张三-证书.pdf")
    assert header == (
        "attachment; filename=\"__-__.pdf\"; filename*=UTF-8''%E5%BC%A0%E4%B8%89-%E8%AF%81%E4%B9%A6.pdf"
    )
    # Accents keep their letter; quotes, backslashes and line breaks cannot break out of the header.
    assert 'filename="Zoe.xlsx"' in downloads.content_disposition("Zoë.xlsx")
    header = downloads.content_disposition('a"b\\c\r\nSet-Cookie: x.csv')
    assert "\r" not in header and "\n" not in header and 'filename="a_b_cSet-Cookie: x.csv"' in header


def test_an_attachment_is_private_never_stored_and_not_sniffed():
    response = downloads.attachment_response(b"x", filename="records.xlsx", content_type="application/zip")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="records.xlsx"'


def test_the_policies():
    view = downloads.no_store(lambda request: HttpResponse("ok"))
    assert view(RequestFactory().get("/"))["Cache-Control"] == downloads.PRIVATE_NO_STORE
    view = downloads.private_cache(lambda request: HttpResponse("ok"))
    assert view(RequestFactory().get("/"))["Cache-Control"] == "private"
    assert downloads.public_short(60) == "public, max-age=60"


# Hand-built headers outside core: what the one policy replaced. Core itself is not scanned.
HAND_BUILT = re.compile(
    r"""["']Content-Disposition["']|["']Cache-Control["']|never_cache|cache_control\(|add_never_cache_headers"""
    r"""|patch_cache_control|as_attachment=True"""
)


def _hand_built(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if HAND_BUILT.search(line)]


@pytest.mark.parametrize("app", ["cms", "courses", "certification", "config"])
def test_no_app_builds_a_download_or_cache_header_by_hand(app):
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        found += [
            f"{path.relative_to(ROOT)}: {line}" for line in _hand_built(path.read_text(encoding="utf-8"))
        ]
    assert not found, "use core.downloads (attachment_response, cache_policy_apply): " + "; ".join(found)


def test_the_scan_sees_a_hand_built_header():
    assert _hand_built('response["Cache-Control"] = "no-store"\nx = 1\n@never_cache')
    assert not _hand_built("cache_policy_apply(response, PRIVATE_NO_STORE)")
