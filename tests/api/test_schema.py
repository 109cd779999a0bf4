"""The site serves a valid OpenAPI 3 schema of every endpoint, with the error body, and its docs
pages load Swagger UI and Redoc from our own static files."""

import pytest
import yaml
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/me/": {"get"},
    "/api/v1/me/enrolments/": {"get"},
    "/api/v1/me/progress/": {"get"},
    "/api/v1/me/hours/": {"get"},
    "/api/v1/me/exam-results/": {"get"},
    "/api/v1/cohorts/": {"get"},
    "/api/v1/cohorts/{id}/": {"get"},
    "/api/v1/cohorts/{id}/enrolments/": {"get"},
    "/api/v1/verify/": {"post"},
    "/api/v1/verify/{serial}/": {"get"},
}


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi_3_and_lists_the_endpoints(schema):
    validate_schema(schema)  # raises on an invalid document

    assert schema["openapi"].startswith("3.")
    assert {path: set(methods) for path, methods in schema["paths"].items()} == ENDPOINTS


def test_every_operation_documents_the_error_body(schema):
    error = schema["components"]["schemas"]["Error"]
    assert set(error["properties"]["error"]["properties"]) == {"code", "message", "details"}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            for status in ("401", "404", "429", "default"):
                body = operation["responses"][status]["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/Error"}, (path, method, status)
    assert "403" in schema["paths"]["/api/v1/cohorts/"]["get"]["responses"]
    assert "415" in schema["paths"]["/api/v1/verify/"]["post"]["responses"]


def test_token_and_session_authentication_are_documented(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {**schemes["tokenAuth"], "type": "http", "scheme": "bearer"}
    assert {"tokenAuth": []} in schema["paths"]["/api/v1/cohorts/"]["get"]["security"]
    assert {} in schema["paths"]["/api/v1/verify/{serial}/"]["get"]["security"]  # anyone may verify


def test_the_schema_is_also_served_as_json(client):
    response = client.get("/api/v1/schema/?format=json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "TT Academy API"


@pytest.mark.parametrize("path", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_pages_use_our_static_files_not_a_cdn(client, path):
    html = client.get(path).content.decode()

    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn" not in html.lower()
    assert "/api/v1/schema/" in html


def test_verification_by_serial_documents_the_printed_name_it_needs(schema):
    single = schema["paths"]["/api/v1/verify/{serial}/"]["get"]
    name = next(p for p in single["parameters"] if p["name"] == "name")
    batch = schema["paths"]["/api/v1/verify/"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    request = schema["components"]["schemas"][batch["$ref"].rsplit("/", 1)[1]]
    claim = request["properties"]["certificates"]["items"]["$ref"].rsplit("/", 1)[1]

    assert name["in"] == "query" and name["required"] is True
    assert request["required"] == ["certificates"]
    assert set(schema["components"]["schemas"][claim]["required"]) == {"serial", "name"}
    assert "403" in single["responses"]  # a token without the verify scope
