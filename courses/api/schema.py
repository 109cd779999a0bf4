"""The OpenAPI schema's shared parts: the token scheme, and the error body on every operation."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR_SCHEMA = {
    "type": "object",
    "description": "The body of every 4xx and 5xx response of this API.",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {
                    "type": "string",
                    "description": "Stable, for programs: invalid, parse_error, not_authenticated, "
                    "authentication_failed, token_expired, permission_denied, insufficient_scope, "
                    "not_found, method_not_allowed, not_acceptable, unsupported_media_type, throttled, "
                    "server_error.",
                },
                "message": {"type": "string", "description": "For people, in the request's language."},
                "details": {
                    "type": "object",
                    "additionalProperties": {},
                    "nullable": True,
                    "description": "For 400: the errors of each field ({field: [message, …]}); "
                    "for 429: {retry_after: seconds}; otherwise null.",
                },
            },
            "required": ["code", "message", "details"],
        }
    },
    "required": ["error"],
}

_DESCRIPTIONS = {
    "400": "The request is not valid (details name each field's problem).",
    "401": "No credentials, or an API token that is unknown, revoked or expired (`token_expired`).",
    "403": "The credentials do not allow this (a token without the endpoint's scope: `insufficient_scope`).",
    "404": "Not found (also a page past the end of a list).",
    "415": "The body is not JSON.",
    "429": "Too many requests: wait for the seconds in Retry-After.",
    "default": "Any other error (405, 406, 500), in the same shape.",
}


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "courses.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token requested by a registrar and accepted by its owner in the "
            "admin (API tokens): `Authorization: Bearer tta_…`. The request acts as the token's owner, "
            "only on endpoints of the token's scopes (`verify`, `cohorts:read`, `me:read`), until it "
            "expires (90 days by default, at most a year).",
        }


def only_version_1(endpoints):
    """drf-spectacular pre-processing hook: the schema describes /api/v1/ (not the legacy aliases of
    verification, nor the admin's internal API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def add_error_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: the ``Error`` component, and the error responses each
    operation can give, so that every 4xx/5xx of the API is documented in one shape."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            codes = ["401", "404", "429", "default"]
            if any(operation.get("security", [])):  # credentials accepted: they may not allow this
                codes.append("403")
            if "requestBody" in operation or any(p["in"] == "query" for p in operation.get("parameters", [])):
                codes.append("400")
            if "requestBody" in operation:
                codes.append("415")
            responses = operation.setdefault("responses", {})
            for code in sorted(codes):
                responses.setdefault(code, {"description": _DESCRIPTIONS[code], "content": reference})
    return result
