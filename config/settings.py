"""TT Academy settings: one module, every difference between machines is an environment variable.

With no environment at all this runs a laptop install: SQLite, Celery's filesystem
transport in ``var/celery`` (a real worker, no server), local media. Production sets
``DJANGO_DEBUG=0``, ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS``, ``DATABASE_URL``,
``CELERY_BROKER_URL``, ``CACHE_URL`` and, for S3-compatible storage, ``AWS_STORAGE_BUCKET_NAME``.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("TTA_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The default key is only good for a laptop; `check --deploy` flags it (security.W009).
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY", default="django-insecure-tta-local-development-key-do-not-use-in-production"
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "certification",
    "courses.api",
    "courses.questions",
    "courses.exams",
    "courses.practice",
    "courses.accounts",
    "courses.notifications",
    "courses",
    "cms",
    "core",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "storages",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "config.client_ip.client_ip_middleware",
    "config.request_guard.nul_guard_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known, before anything reads the session or the user (config/backpressure.py).
    "config.backpressure.BusyMiddleware",
    "courses.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "courses.accounts.mfa.StaffMfaMiddleware",
    "courses.accounts.middleware.PrivacyConsentMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# PostgreSQL connection pool (psycopg_pool, one per process), opt-in: DATABASE_POOL_MAX_SIZE > 0 sets its
# size, e.g. the web process's gunicorn threads. A pooled connection goes back to the pool after each
# request, so CONN_MAX_AGE must be 0. A request that waits DATABASE_POOL_TIMEOUT seconds for a connection
# is refused (503, config/backpressure.py). Workers need no pool: leave it unset in their environment.
DATABASE_POOL_MAX_SIZE = env.int("DATABASE_POOL_MAX_SIZE", default=0)
if DATABASE_POOL_MAX_SIZE and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(env.int("DATABASE_POOL_MIN_SIZE", default=1), DATABASE_POOL_MAX_SIZE),
        "max_size": DATABASE_POOL_MAX_SIZE,
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file-backed test database lets a Celery worker thread see what a test wrote.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
    # BEGIN IMMEDIATE: a transaction takes the write lock when it starts, so two that read first
    # and write later queue on the timeout instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Production sets CACHE_URL to Redis (redis://host:6379/1): sessions, rate limits and locks must not
# depend on which web process answers. The default lives in one process, enough for `./tta run`'s
# single runserver process and for tests; `check --deploy` warns about it (tta.W002).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://tta")}
# Sessions are read from the cache, written to it and to the database: a signed-in request costs no
# session query, and a cache that is emptied or restarted loses no one's sign-in.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Back-pressure (config/backpressure.py, docs/request_path.md): these POSTs (the exam page's saves and
# event reports, which the page sends again) are refused at once with 503 and Retry-After when they
# queued longer than TTA_BUSY_MAX_QUEUE_SECONDS behind the proxy (its X-Request-Start; 0: never), or
# when TTA_BUSY_MAX_IN_FLIGHT of them already run in this process (0: no bound).
TTA_BUSY_PATHS = [r"^(?:/[a-z]{2}(?:-[a-z]+)?)?/exams/attempts/\d+/(?:answers|events)/$"]
TTA_BUSY_MAX_QUEUE_SECONDS = env.float("TTA_BUSY_MAX_QUEUE_SECONDS", default=3.0)
TTA_BUSY_MAX_IN_FLIGHT = env.int("TTA_BUSY_MAX_IN_FLIGHT", default=0)
TTA_BUSY_RETRY_AFTER_SECONDS = env.int("TTA_BUSY_RETRY_AFTER_SECONDS", default=5)

# --- Celery -------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "control_folder": str(_queue_dir / "control"),
        "processed_folder": str(_queue_dir / "processed"),
        "store_processed": False,
    }
    for _sub in ("queue", "control", "processed"):
        (_queue_dir / _sub).mkdir(parents=True, exist_ok=True)
else:
    # Redis redelivers a message whose worker died (SIGKILL, lost machine) after this many seconds.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        # Workers look for such messages every 10 s; kombu's default scans only every tenth time (100 s).
        "unacked_restore_throttle": 1,
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_TASK_DEFAULT_QUEUE = "default"
# PDFs render in their own queue, on workers started with `-Q certificates` (see certification/worker.py).
TTA_CERTIFICATES_QUEUE = env.str("TTA_CERTIFICATES_QUEUE", default="certificates")
# Runs of one issuance batch that work side by side (each issues and renders in turn): as many as
# the worker processes that take the certificates queue.
TTA_BATCH_RUNS = env.int("TTA_BATCH_RUNS", default=2)
# A registrar job (core.jobs) unfinished and untouched this long has lost its worker: the sweep
# queues it again. Well above a chunk's time (50 certificates issued and rendered: ~10 s).
TTA_JOB_STALL_SECONDS = env.int("TTA_JOB_STALL_SECONDS", default=600)
CELERY_TASK_ROUTES = {
    "certification.tasks.certificate_render_task": {"queue": TTA_CERTIFICATES_QUEUE},
    "certification.tasks.certificate_batch_*": {"queue": TTA_CERTIFICATES_QUEUE},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Shanghai"
# Periodic tasks (run by `celery -A config beat`). Each one is idempotent.
CELERY_BEAT_SCHEDULE = {
    "certificates-expire": {"task": "certification.tasks.certificate_expire_due_task", "schedule": 3600},
    "certificates-expiry-reminders": {
        "task": "certification.tasks.certificate_expiry_reminders_task",
        "schedule": 6 * 3600,
    },
    "certificates-render-requeue-stale": {
        "task": "certification.tasks.certificate_render_requeue_stale_task",
        "schedule": 300,
    },
    "certificates-auto-issue-sweep": {
        "task": "certification.tasks.certificate_auto_issue_sweep_task",
        "schedule": 15 * 60,
    },
    # Safety net under each attempt's own deadline task.
    "exam-attempts-sweep-overdue": {
        "task": "courses.exams.tasks.attempts_sweep_overdue_task",
        "schedule": 60,
    },
    # Papers of sittings opening soon: late enrolments and lost assembly tasks.
    "exam-sittings-sweep": {"task": "courses.exams.tasks.sittings_sweep_task", "schedule": 60},
    # Daily, in the morning (CELERY_TIMEZONE): trainees hear of tomorrow's offline sessions.
    "notifications-offline-sessions-tomorrow": {
        "task": "courses.notifications.tasks.offline_session_reminders_task",
        "schedule": crontab(hour=10, minute=0),
    },
    "notifications-email-requeue-stale": {
        "task": "courses.notifications.tasks.notification_email_requeue_stale_task",
        "schedule": 15 * 60,
    },
    "records-exports-sweep": {"task": "courses.tasks.records_exports_sweep_task", "schedule": 15 * 60},
    # Every registrar job (bulk issuance, registry changes, records exports) untouched for
    # TTA_JOB_STALL_SECONDS lost its run with a dead worker: queued again (core.jobs).
    "jobs-resume-stalled": {"task": "core.tasks.jobs_resume_stalled_task", "schedule": 300},
    # Hourly: reviewers hear of each practical-report review past its due date, once.
    "practice-overdue-reviews": {
        "task": "courses.practice.tasks.overdue_reviews_remind_task",
        "schedule": 3600,
    },
    "import-files-purge": {"task": "courses.tasks.import_files_purge_task", "schedule": 6 * 3600},
}
# An exam deadline task is queued with an ETA only when the deadline is this close (well below the
# Redis visibility timeout, after which an unacknowledged ETA message is delivered again); the minute
# sweep queues the farther ones once they come this near.
TTA_DEADLINE_ETA_WINDOW_SECONDS = env.int("TTA_DEADLINE_ETA_WINDOW_SECONDS", default=600)
# The sittings sweep prepares the papers of sittings opening within this many minutes (examinees
# enrolled since the sitting was saved); a saved sitting is assembled at once whatever its date.
TTA_SITTING_ASSEMBLY_AHEAD_MINUTES = env.int("TTA_SITTING_ASSEMBLY_AHEAD_MINUTES", default=120)
# A task (acknowledged late) that keeps dying with its worker, e.g. out of memory, is run at most this
# many times; then it is dropped and logged (config.celery_app.BoundedDeliveryTask).
TTA_TASK_MAX_DELIVERIES = env.int("TTA_TASK_MAX_DELIVERIES", default=5)
# A certificate whose render the stale-render sweep has queued again this many times (each time its
# worker died before finishing) is marked failed with the reason instead of being queued forever.
TTA_RENDER_MAX_REQUEUES = env.int("TTA_RENDER_MAX_REQUEUES", default=3)
# Cohort trainee-record workbooks (full identity numbers) are deleted this many days after they are built.
TTA_RECORDS_EXPORT_KEEP_DAYS = env.int("TTA_RECORDS_EXPORT_KEEP_DAYS", default=7)
# A notification email that fails (SMTP or connection error) is retried after this many seconds,
# doubling each time (at most 30 minutes apart), this many times; then it is marked failed.
NOTIFICATION_EMAIL_RETRY_DELAY = env.int("NOTIFICATION_EMAIL_RETRY_DELAY", default=60)
NOTIFICATION_EMAIL_MAX_RETRIES = env.int("NOTIFICATION_EMAIL_MAX_RETRIES", default=8)

# --- Passwords ----------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Chinese first, English second ---------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
MEDIA_URL = env.str("DJANGO_MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Django serves public media (images) itself only in DEBUG, or when TTA_SERVE_MEDIA=1 says so;
# production puts media on S3 or behind a proxy (`check --deploy` warns otherwise: tta.W001).
SERVE_MEDIA = env.bool("TTA_SERVE_MEDIA", default=env.bool("DJANGO_SERVE_MEDIA", default=DEBUG))

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA = False
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _private_storage(name: str, bucket_location: str) -> dict:
    """Files only permission-checked views read: a private bucket with S3, else a folder outside
    MEDIA_ROOT (TTA_<NAME>_BUCKET_NAME and TTA_<NAME>_ROOT override the defaults)."""
    if AWS_STORAGE_BUCKET_NAME:
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_media_storage["OPTIONS"],
                "bucket_name": env.str(f"TTA_{name.upper()}_BUCKET_NAME", default=AWS_STORAGE_BUCKET_NAME),
                "location": bucket_location,
                "default_acl": "private",
            },
        }
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.str(f"TTA_{name.upper()}_ROOT", default=str(VAR_DIR / "private" / name)),
            "base_url": None,
        },
    }


STORAGES = {
    # Public media (images) in "media"; Wagtail documents (names under documents/) in "documents".
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "media": _media_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env.bool("DJANGO_MANIFEST_STATIC", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
    # Certificate PDFs: private, outside MEDIA_ROOT (never served by SERVE_MEDIA); only the
    # permission-checked download view reads them. A private bucket when S3 is configured.
    "certificates": _private_storage("certificates", "private"),
    # Cohort trainee-record workbooks (full identity numbers): private like the certificates, read
    # only by the requester's permission-checked download view.
    "records": _private_storage("records", "private/records"),
    # Uploaded question and enrolment import files (rosters with phone numbers): read only by the
    # import services, deleted TTA_IMPORTS_KEEP_DAYS after upload (the job and its report stay).
    "imports": _private_storage("imports", "private/imports"),
    # Wagtail documents (lesson handouts and videos): served only by Wagtail's serve view, which
    # checks lesson access (courses/wagtail_hooks.py); see core/storage.py.
    "documents": _private_storage("documents", "private/documents"),
}
# Uploaded import files are deleted this many days after upload (the import job and report are kept).
TTA_IMPORTS_KEEP_DAYS = env.int("TTA_IMPORTS_KEEP_DAYS", default=30)

# --- Certificates -------------------------------------------------------------------------
# Ed25519 key that signs the verifiable credentials (multibase secretKeyMultibase, see
# certification/credentials.py). Unset, a key derived from SECRET_KEY is used (development only).
TTA_CREDENTIAL_SIGNING_KEY = env.str("TTA_CREDENTIAL_SIGNING_KEY", default="")
TTA_CERTIFICATE_SERIAL_BASE = env.str("TTA_CERTIFICATE_SERIAL_BASE", default="TTA")
# Public verification (pages and API): lookups per client address per minute; a batch counts each item.
TTA_VERIFY_RATE_LIMIT = env.int("TTA_VERIFY_RATE_LIMIT", default=120)
TTA_VERIFY_BATCH_MAX = env.int("TTA_VERIFY_BATCH_MAX", default=50)

# --- API for integrations (/api/v1/, see courses/api) -------------------------------------
# Staff integrations send ``Authorization: Bearer <token>`` (tokens are made by registrars in the
# admin); a trainee's browser uses its session. Every error is {"error": {"code", "message", "details"}}.
REST_FRAMEWORK = {
    # The client's address is REMOTE_ADDR, set behind proxies by config/client_ip.py; DRF must not
    # read X-Forwarded-For itself (anyone can write it, and a new value each request escapes throttling).
    "NUM_PROXIES": 0,
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "courses.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": [
        "courses.api.throttling.TokenRateThrottle",
        "courses.api.throttling.SessionUserRateThrottle",
    ],
    "DEFAULT_PAGINATION_CLASS": "courses.api.pagination.PageNumberPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "courses.api.errors.exception_handler",
    "UNICODE_JSON": True,
}
# Requests per minute: per API token, and per signed-in user of the browser (session) API.
TTA_API_TOKEN_RATE_LIMIT = env.int("TTA_API_TOKEN_RATE_LIMIT", default=600)
TTA_API_SESSION_RATE_LIMIT = env.int("TTA_API_SESSION_RATE_LIMIT", default=120)
TTA_API_PAGE_SIZE = 50
TTA_API_MAX_PAGE_SIZE = 200
SPECTACULAR_SETTINGS = {
    "TITLE": "TT Academy API",
    "DESCRIPTION": (
        "Trainees' own records (session), cohorts and enrolments for staff integrations (token), "
        "and public certificate verification. See the README's *API for integrations*."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["courses.api.schema.only_version_1"],
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentStatusEnum": "courses.models.EnrolmentStatus",
        "CertificateStatusEnum": "certification.models.CertificateStatus.values",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "courses.api.schema.add_error_responses",
    ],
    # Swagger UI and Redoc come from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Email --------------------------------------------------------------------------------
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="TT Academy <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts (django-allauth), trainee privacy -----------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"  # the throttled site login (see config/login.py)
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_ADAPTER = "courses.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "courses.accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TT Academy] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Throttling against password guessing: per login name, and per client address.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": env.str("ACCOUNT_LOGIN_FAILED_RATE", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "confirm_email": "1/3m/key",
}
# A second factor (TOTP, with recovery codes) for everyone who may; registrars and superusers must
# (courses/accounts/mfa.py). Its pages live under /accounts/2fa/.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "TT Academy"
MFA_ADAPTER = "courses.accounts.adapter.MfaAdapter"  # TOTP secrets encrypted at rest
# Identity numbers are encrypted with this key (Fernet; comma-separated keys rotate, first encrypts).
# Unset, a key derived from SECRET_KEY is used; `check --deploy` warns (accounts.W001).
TTA_FIELD_ENCRYPTION_KEY = env.str("TTA_FIELD_ENCRYPTION_KEY", default="")
# Raising the version asks every trainee to consent to the privacy notice again.
PRIVACY_NOTICE_VERSION = env.str("PRIVACY_NOTICE_VERSION", default="2026-01")

# --- Security: strict unless DEBUG --------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies stand in front of the app (config/client_ip.py): 0 reads the peer's address.
TTA_TRUSTED_PROXY_COUNT = env.int("TTA_TRUSTED_PROXY_COUNT", default=0)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views opt in to SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "TT Academy 技术经理人培训与认证平台"
# One password reset: allauth's, throttled (ACCOUNT_RATE_LIMITS); Wagtail's own is switched off.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# And one password change: allauth's (/accounts/password/change/, throttled), not the admin's own.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# The site's public address (cms.links.site_url): QR codes, links in certificates and emails, the
# credential issuer's did:web. Production sets WAGTAILADMIN_BASE_URL (TTA_PUBLIC_URL wins for the
# public links if the admin lives elsewhere). Unset, it is this machine on PORT, where `./tta run`
# serves (8000 by default): a run on another port still names itself, so its credentials verify.
TTA_PUBLIC_URL = env.str("TTA_PUBLIC_URL", default="")
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "pdf", "pptx", "txt", "webm", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
# Documents are private (no storage URL): always streamed by the view that runs the access hooks.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com: blocked for many of our users, and it makes every admin page wait for it.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Progress: heartbeats and offline check-in --------------------------------------------
# Lesson pages send a heartbeat this often while visible; each credits at most this much time.
HEARTBEAT_INTERVAL_SECONDS = env.int("HEARTBEAT_INTERVAL_SECONDS", default=30)
# Online study credited per trainee and day, at most.
HEARTBEAT_DAILY_CAP_SECONDS = env.int("HEARTBEAT_DAILY_CAP_SECONDS", default=10 * 3600)
# The fastest playback credited: a heartbeat adds at most its credited seconds times this to a video's watched time.
VIDEO_MAX_PLAYBACK_RATE = env.float("VIDEO_MAX_PLAYBACK_RATE", default=2.0)
# A lesson page's signed page view earns study time for this long after the page was served.
HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS = env.int("HEARTBEAT_PAGE_VIEW_MAX_AGE_SECONDS", default=4 * 3600)
# A page without any interaction (pointer, keys, scrolling, a playing video) for this long earns nothing.
HEARTBEAT_IDLE_SECONDS = env.int("HEARTBEAT_IDLE_SECONDS", default=5 * 60)
# More lesson pages than this beating at once for one trainee is flagged for registrars.
HEARTBEAT_MAX_CONCURRENT_VIEWS = env.int("HEARTBEAT_MAX_CONCURRENT_VIEWS", default=3)
# The check-in QR code changes this often; the current and the previous code are accepted.
CHECKIN_CODE_SECONDS = env.int("CHECKIN_CODE_SECONDS", default=30)

# --- Logging ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page save and background index task at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env.str("WAGTAIL_LOG_LEVEL", default="WARNING")},
        # WeasyPrint logs every rendering step at INFO; fontTools every table it subsets.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
