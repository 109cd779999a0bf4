"""The site names itself after the port it runs on (``PORT=8765 ./tta run``), unless the operator says otherwise.

Each case starts a fresh interpreter: the settings read the environment once, at import.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# No django.setup(): the settings and these pure functions are all that is needed (and much faster).
PROBE = """
import json
from cms.links import absolute_url, site_url
from certification import credentials
print(json.dumps({"site": site_url(), "link": absolute_url("/verify/abc/"), "did": credentials.issuer_did()}))
"""
OWN_VARIABLES = ("PORT", "WAGTAILADMIN_BASE_URL", "TTA_PUBLIC_URL")


def _public_addresses(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in OWN_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("env", "site", "did"),
    [
        ({"PORT": "8765"}, "http://127.0.0.1:8765", "did:web:127.0.0.1%3A8765"),
        (
            {"PORT": "8765", "WAGTAILADMIN_BASE_URL": "https://academy.example.cn"},
            "https://academy.example.cn",
            "did:web:academy.example.cn",
        ),
        (
            {
                "PORT": "8765",
                "WAGTAILADMIN_BASE_URL": "https://admin.example.cn",
                "TTA_PUBLIC_URL": "https://tta.example.cn",
            },
            "https://tta.example.cn",
            "did:web:tta.example.cn",
        ),
    ],
    ids=["port", "admin-url-set", "public-url-set"],
)
def test_the_public_address_follows_the_port_unless_set(env, site, did):
    addresses = _public_addresses(**env)

    assert addresses == {"site": site, "link": f"{site}/verify/abc/", "did": did}
