from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as documents_serve

from certification import urls as certification_urls
from config.health import health
from config.login import admin_login_redirect
from core.downloads import private_cache
from courses.api import errors as api_errors
from courses.api import urls as course_api_urls

# The API for integrations, version 1: its schema, its documentation pages, its endpoints.
api_v1_urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    *course_api_urls.urlpatterns,
    *certification_urls.api_v1_urlpatterns,
]

urlpatterns = [
    path("health/", health, name="health"),
    # Before the admins' own URLs: their login forms are replaced by the throttled site login.
    path("django-admin/login/", admin_login_redirect, {"default_next": "/django-admin/"}),
    path("admin/login/", admin_login_redirect),
    # One password reset, the site's throttled one: Wagtail's is off (WAGTAIL_PASSWORD_RESET_ENABLED).
    path("admin/password_reset/", RedirectView.as_view(pattern_name="account_reset_password")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, which runs the lesson-access hook (courses/wagtail_hooks.py); a document
    # may be for one trainee's eyes, so no shared cache keeps it.
    re_path(r"^documents/(\d+)/(.*)$", private_cache(documents_serve.serve)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include((api_v1_urlpatterns, "api"))),
    path("", include(certification_urls.api_urlpatterns)),
    # Anything else under /api/ is a 404 in the API's error shape, not the site's HTML page.
    re_path(r"^api/", api_errors.not_found),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Chinese is served at /, English under /en/. Wagtail's catch-all stays last.
urlpatterns += i18n_patterns(
    path("accounts/", include("courses.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("exams/", include("courses.exams.urls")),
    path("practice/defence/", include("courses.practice.defence_urls")),
    path("practice/reviewers/", include("courses.practice.load_urls")),
    path("practice/", include("courses.practice.urls")),
    path("notifications/", include("courses.notifications.urls")),
    path("", include("courses.urls")),
    path("", include("certification.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
