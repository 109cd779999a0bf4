"""The public verification page (issue 14, point 4): a badge that says the status in words (not colour
only), label and value as a definition list, and only what the holder chose to show."""

import pytest
from django.urls import reverse

from certification.models import CertificateStatus

pytestmark = pytest.mark.django_db


def _page(client, certificate, language=""):
    return client.get(
        f"{language}{reverse('certification:verify_code', args=[certificate.verification_code])}"
    )


@pytest.mark.parametrize(
    ("status", "badge", "text"),
    [
        (CertificateStatus.ISSUED, "valid", "证书有效"),
        (CertificateStatus.EXPIRED, "expired", "该证书已过期"),
        (CertificateStatus.SUSPENDED, "suspended", "该证书已被暂停"),
        (CertificateStatus.REVOKED, "revoked", "该证书已被撤销"),
    ],
)
def test_each_status_has_its_own_badge_with_words(client, certificate, status, badge, text):
    certificate.status = status
    certificate.save(update_fields=["status"])

    html = _page(client, certificate).content.decode()

    assert f'class="status-badge status-badge-{badge}" data-status="{status}"' in html
    badge_html = html.split(f'data-status="{status}">')[1].split("</strong>")[0]
    assert text in badge_html  # the words are in the badge itself, beside the colour and the symbol


def test_labels_and_values_are_a_definition_list(client, certificate):
    html = _page(client, certificate).content.decode()

    facts = html.split('<dl class="verify-facts">')[1].split("</dl>")[0]
    assert f"<div><dt>证书编号</dt><dd>{certificate.serial}</dd></div>" in facts
    assert "<dt>持证人</dt>" in facts and "<table" not in html


def test_only_what_the_holder_chose_to_show(client, certificate):
    html = _page(client, certificate).content.decode()
    assert "张*丰" in html and "张三丰" not in html
    assert "verify-hours" not in html

    certificate.share_full_name = True
    certificate.share_hours_detail = True
    certificate.save(update_fields=["share_full_name", "share_hours_detail"])

    html = _page(client, certificate).content.decode()
    assert "张三丰" in html
    assert '<dl class="verify-facts verify-hours">' in html


def test_the_english_page_says_the_status_in_english(client, certificate):
    html = _page(client, certificate, language="/en").content.decode()

    assert 'data-status="issued"><span aria-hidden="true">✓</span> Valid certificate</strong>' in html
