"""One error body for every 4xx (and 5xx) of the API, with the message in the request's language."""

import pytest

from .conftest import assert_error, bearer

pytestmark = pytest.mark.django_db


def test_400_names_each_field(client, db):
    response = client.post("/api/v1/verify/", {"certificates": []}, content_type="application/json")

    error = assert_error(response, 400, "invalid")
    assert list(error["details"]) == ["certificates"]


def test_400_for_a_body_that_is_not_json(client, db):
    response = client.post("/api/v1/verify/", b"{not json", content_type="application/json")

    assert_error(response, 400, "parse_error")


def test_401_403_404_405_415(client, trainee, staff_token):
    assert_error(client.get("/api/v1/me/"), 401, "not_authenticated")
    client.force_login(trainee)
    assert_error(client.get("/api/v1/cohorts/"), 403, "permission_denied")
    assert_error(client.get("/api/v1/cohorts/999999/", **bearer(staff_token)), 404, "not_found")
    assert_error(client.delete("/api/v1/me/"), 405, "method_not_allowed")
    assert_error(
        client.post("/api/v1/verify/", "serials=A", content_type="text/plain"), 415, "unsupported_media_type"
    )


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing-here/", "/api/v2/cohorts/", "/api/v1/cohorts/abc/", "/api/v1/cohorts"]
)
def test_paths_that_name_no_endpoint_are_a_json_404_not_the_site_s_page(client, db, path):
    assert_error(client.get(path), 404, "not_found")


def test_messages_are_in_the_request_s_language(client, db):
    chinese = client.get("/api/v1/me/").json()["error"]["message"]
    english = client.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en").json()["error"]["message"]

    assert english == "Authentication credentials were not provided."
    assert chinese != english and "身份" in chinese


def test_an_unexpected_error_is_a_500_in_the_same_shape(client, trainee, monkeypatch):
    from courses.api import views

    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.selectors, "dashboard_for", broken)
    client.raise_request_exception = False
    client.force_login(trainee)

    response = client.get("/api/v1/me/progress/")

    error = assert_error(response, 500, "server_error")
    assert "boom" not in error["message"]
