"""The API for integrations (``/api/v1/``): token authentication, throttles, pagination, one error
shape, the OpenAPI schema, and the learning endpoints (a trainee's own record, cohorts for staff).

Certificate verification, on the same conventions, lives in ``certification.api``.
"""
