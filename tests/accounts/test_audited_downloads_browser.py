"""In Chromium: the profile's download link works (the browser says ``Sec-Fetch-Site: same-origin``),
and the same address opened from another site's page is refused and audits nothing."""

import pytest

from courses.accounts.models import AuditAction, AuditLog
from tests.accounts.conftest import trainee_with_profile

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_profiles_link_downloads_and_audits_but_another_sites_link_is_refused(site, login):
    trainee, _number = trainee_with_profile(username="chensiyuan")
    page = login(trainee).new_page()
    page.goto(f"{site.url}/accounts/profile/")
    with page.expect_download() as download:
        page.locator("a[href='/accounts/record.xlsx']").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert list(AuditLog.objects.values_list("action", flat=True)) == [AuditAction.OWN_RECORD_DOWNLOADED]

    # Another site (the same server under another host name) sends the signed-in browser to the file.
    other_site = (
        site.url.replace("localhost", "127.0.0.1")
        if "localhost" in site.url
        else site.url.replace("127.0.0.1", "localhost")
    )
    page.goto(f"{other_site}/accounts/privacy/")
    with page.expect_response(lambda response: response.url.endswith("/accounts/record.json")) as answer:
        page.evaluate("url => { window.location.href = url; }", f"{site.url}/accounts/record.json")
    assert answer.value.status == 403
    assert "此文件只能从本站页面下载" in answer.value.text()
    assert AuditLog.objects.count() == 1
