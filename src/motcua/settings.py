"""Settings, read from environment variables.

Every environment variable the system reads is read here, once, through `_env`/`_env_bool`/
`_env_int`/`_env_list`; modules read `django.conf.settings`. The README's configuration table
lists the same names (a test compares the two).

Production is the default: `MOTCUA_ENV` unset or `production` requires `SECRET_KEY` and
`ALLOWED_HOSTS`, turns DEBUG off and never accepts demo passwords. `MOTCUA_ENV=development`
(what `make run` and `make test` set) gives a local secret, DEBUG and the embedded SQLite
database under `var/`.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def _env(name: str, default: str = "") -> str:
    value = os.environ.get(name)
    if value is not None and "\x00" in value:
        raise ImproperlyConfigured(f"Biến môi trường {name} chứa ký tự NUL.")
    return default if value is None else value


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name, "")
    if not value.strip():
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"Biến môi trường {name} phải là 1/0, true/false, yes/no, on/off.")


def _env_int(name: str, default: int) -> int:
    value = _env(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"Biến môi trường {name} phải là một số nguyên.") from None


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in _env(name, default).split(",") if item.strip()]


PROJECT_DIR = Path(_env("MOTCUA_HOME", str(Path.cwd())))
VAR_DIR = Path(_env("MOTCUA_VAR_DIR", str(PROJECT_DIR / "var")))

ENV = _env("MOTCUA_ENV", "production").strip().lower()
if ENV not in {"production", "development"}:
    raise ImproperlyConfigured("MOTCUA_ENV phải là 'production' hoặc 'development'.")
DEVELOPMENT = ENV == "development"


DEBUG = _env_bool("DEBUG", DEVELOPMENT)

SECRET_KEY = _env("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "Thiếu biến môi trường SECRET_KEY (bắt buộc khi MOTCUA_ENV=production)."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = _env_list(
    "ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver" if DEVELOPMENT else ""
)
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "motcua.core",
    "motcua.org",
    "motcua.accounts",
    "motcua.clock",
    "motcua.catalogue",
    "motcua.dossiers",
    "motcua.notifications",
    "motcua.printing",
    "motcua.reports",
    "motcua.portal",
    "motcua.documents",
    "motcua.payments",
    "motcua.feedback",
    "motcua.petitions",
    "motcua.certify",
    "motcua.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # NUL/control characters → 400, oversized bodies → 413, before anything reads the body.
    "motcua.core.hygiene.RequestHygieneMiddleware",
    "csp.middleware.CSPMiddleware",
    "motcua.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "motcua.core.middleware.VietnameseFirstMiddleware",
    "motcua.core.middleware.ClockMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "motcua.core.middleware.MissingFileMiddleware",
    "motcua.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "motcua.core.context_processors.navigation",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'motcua.sqlite3'}"),
        conn_max_age=_env_int("CONN_MAX_AGE", 60),
        # A kept connection is checked before each request uses it: after a database restart
        # or failover the first request reconnects instead of failing (tests/core/
        # test_khoi_dong_lai_postgres.py).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database tuned for a small office: write-ahead log (readers never wait for
    # the writer), NORMAL sync (safe with WAL), and concurrent writers wait for the lock (busy
    # timeout, immediate transactions) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["motcua.accounts.backends.MotcuaBackend"]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["motcua.formats"]
# Off on purpose: with it on, every integer a template prints is grouped ("2.026"), which breaks
# years, ids and versions in form values. Numbers meant for people use `{{ n|so }}` (25.925).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(_env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    # Uploads reach MEDIA_ROOT only when their transaction commits (core/storage.py).
    "default": {"BACKEND": "motcua.core.storage.CommitFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

SESSION_COOKIE_SECURE = not DEVELOPMENT
CSRF_COOKIE_SECURE = not DEVELOPMENT
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Production sits behind an HTTPS reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = None if DEVELOPMENT else ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", not DEVELOPMENT)
# Monitors probe the health JSON over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^suc-khoe\.json$"]
SECURE_HSTS_SECONDS = _env_int("SECURE_HSTS_SECONDS", 0 if DEVELOPMENT else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEVELOPMENT)
SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", not DEVELOPMENT)

# Browser features the pages never use are switched off (Permissions-Policy header, sent by
# motcua.core.middleware.SecurityHeadersMiddleware).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# Content-Security-Policy (django-csp): only this site's own scripts, styles, images and fonts;
# inline <style> blocks carry the request's nonce; inline style="" attributes are allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Cache: Redis when REDIS_URL is set (shared by every app server, so rate limits hold across
# them); otherwise the database cache table in production (`motcua createcachetable`, run by
# `motcua serve`) and per-process memory only in development.
REDIS_URL = _env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
elif DEVELOPMENT:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "motcua_cache",
        }
    }

EMAIL_BACKEND = _env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEVELOPMENT
    else "django.core.mail.backends.smtp.EmailBackend",
)
# SMTP relay used by the SMTP backend (production default).
EMAIL_HOST = _env("EMAIL_HOST", "localhost")
EMAIL_PORT = _env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = _env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _env_int("EMAIL_TIMEOUT", 30)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Chỉ đặt một trong hai EMAIL_USE_TLS hoặc EMAIL_USE_SSL.")

DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", "motcua@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Notification gateways (dotted paths of classes) and the retry policy of the outbox.
MOTCUA_EMAIL_GATEWAY = _env(
    "MOTCUA_EMAIL_GATEWAY", "motcua.notifications.gateways.DjangoEmailGateway"
)
MOTCUA_SMS_GATEWAY = _env("MOTCUA_SMS_GATEWAY", "motcua.notifications.gateways.OutboxSmsGateway")
MOTCUA_NOTIFY_RETRY_HORIZON_HOURS = _env_int("MOTCUA_NOTIFY_RETRY_HORIZON_HOURS", 72)
MOTCUA_NOTIFY_RETRY_CAP_MINUTES = _env_int("MOTCUA_NOTIFY_RETRY_CAP_MINUTES", 60)
# HTTP SMS gateway (motcua.notifications.gateways.HttpSmsGateway): a brandname-SMS provider's
# JSON API. The body template is JSON with $phone, $phone84, $body, $brandname, $request_id,
# $api_key, $secret_key placeholders; the default has the shape of eSMS.vn's SendMultipleMessage
# API. Success is the field MOTCUA_SMS_HTTP_SUCCESS_FIELD equal to ..._SUCCESS_VALUE; the
# provider's message id is in MOTCUA_SMS_HTTP_ID_FIELD.
MOTCUA_SMS_HTTP_URL = _env("MOTCUA_SMS_HTTP_URL", "")
MOTCUA_SMS_HTTP_TEMPLATE = _env(
    "MOTCUA_SMS_HTTP_TEMPLATE",
    '{"ApiKey": "$api_key", "SecretKey": "$secret_key", "Phone": "$phone", '
    '"Content": "$body", "Brandname": "$brandname", "SmsType": "2", '
    '"RequestId": "$request_id"}',
)
MOTCUA_SMS_HTTP_API_KEY = _env("MOTCUA_SMS_HTTP_API_KEY", "")
MOTCUA_SMS_HTTP_SECRET_KEY = _env("MOTCUA_SMS_HTTP_SECRET_KEY", "")
MOTCUA_SMS_BRANDNAME = _env("MOTCUA_SMS_BRANDNAME", "")
MOTCUA_SMS_HTTP_SUCCESS_FIELD = _env("MOTCUA_SMS_HTTP_SUCCESS_FIELD", "CodeResult")
MOTCUA_SMS_HTTP_SUCCESS_VALUE = _env("MOTCUA_SMS_HTTP_SUCCESS_VALUE", "100")
MOTCUA_SMS_HTTP_ID_FIELD = _env("MOTCUA_SMS_HTTP_ID_FIELD", "SMSID")
MOTCUA_SMS_HTTP_TIMEOUT = _env_int("MOTCUA_SMS_HTTP_TIMEOUT", 15)

# The payment gateway class: the local sandbox in development; production must name one (and
# the sandbox there needs MOTCUA_PAYMENT_SANDBOX=1, see payments/gateways.py).
MOTCUA_PAYMENT_GATEWAY = _env(
    "MOTCUA_PAYMENT_GATEWAY", "motcua.payments.gateways.SandboxGateway" if DEVELOPMENT else ""
)
# Fonts for printed forms: a directory searched before the system's fonts.
MOTCUA_FONT_DIR = _env("MOTCUA_FONT_DIR", "")

# Background work (notification delivery) through Django's tasks API (django-tasks backport):
# a PostgreSQL/SQLite-backed queue by default; see the README for the Redis option.
TASKS = {"default": {"BACKEND": _env("MOTCUA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Public address of the site (e.g. https://motcua.example.gov.vn), for links in SMS and e-mail.
MOTCUA_PUBLIC_URL = _env("MOTCUA_PUBLIC_URL", "").rstrip("/")

# Largest file a citizen or officer may upload for one dossier component.
MOTCUA_UPLOAD_MAX_BYTES = _env_int("MOTCUA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

# Largest request body (multipart uploads), refused from its Content-Length before it is read;
# other bodies (forms, JSON) stop at DATA_UPLOAD_MAX_MEMORY_SIZE. See core/hygiene.py.
MOTCUA_REQUEST_MAX_BYTES = _env_int(
    "MOTCUA_REQUEST_MAX_BYTES", 5 * MOTCUA_UPLOAD_MAX_BYTES + 1024 * 1024
)
DATA_UPLOAD_MAX_MEMORY_SIZE = _env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024 + 512 * 1024)

# The payment gateway's opt-in for the sandbox under production settings (a demonstration
# server); MOTCUA_PAYMENT_GATEWAY itself is read below with the other gateways.
MOTCUA_PAYMENT_SANDBOX_ALLOWED = _env_bool("MOTCUA_PAYMENT_SANDBOX", False)

# Files are sent by the application (""), or handed to the front server after the access
# check: "x-accel-redirect" (nginx, internal location MOTCUA_FILE_ACCEL_PREFIX) or "x-sendfile".
MOTCUA_FILE_SERVE = _env("MOTCUA_FILE_SERVE", "")
MOTCUA_FILE_ACCEL_PREFIX = _env("MOTCUA_FILE_ACCEL_PREFIX", "/_tep/")

# Petitions: the unit Open311 requests go to when no jurisdiction_id is given (an OrgUnit
# code; empty: the root unit); time limits overridden in Python settings only, e.g.
# MOTCUA_PETITION_TIME_LIMITS = {"answer": 10} (petitions/data/time_limits.toml).
MOTCUA_OPEN311_UNIT = _env("MOTCUA_OPEN311_UNIT", "")
MOTCUA_PETITION_TIME_LIMITS: dict | None = None

# Sign-in throttling overrides (accounts/ratelimit.py), Python settings only.
MOTCUA_RATELIMITS: dict = {}

# Apology letters must leave at least this many working minutes before the due instant
# (Decree 61/2018 art. 19: "chậm nhất 01 ngày trước ngày hết hạn" = 480; 0 = before the due
# instant only). See motcua.dossiers.domain.apology.
MOTCUA_APOLOGY_NOTICE_WORKING_MINUTES = _env_int("MOTCUA_APOLOGY_NOTICE_WORKING_MINUTES", 0)

# Legal working hours, apart from the desks' reception hours (motcua.clock.domain.legalhours):
# e.g. "07:30-11:30,13:00-17:00", Monday to Friday; empty = each unit's weekday office hours.
MOTCUA_LEGAL_HOURS = _env("MOTCUA_LEGAL_HOURS", "")

# Password shared by every demo account; only ever usable in development.
MOTCUA_DEMO_PASSWORD = _env("MOTCUA_DEMO_PASSWORD", "motcua-demo")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "motcua.accounts.authentication.MotcuaTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "motcua API",
    "DESCRIPTION": "API hồ sơ thủ tục hành chính (một cửa, một cửa liên thông).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc served from the installed sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("LOG_LEVEL", "INFO")},
}

# Electronic certified copies and signed results (motcua.certify; README "Chứng thực bản sao
# điện tử"). Without a PKCS#12 or PKCS#11 key, development signs with a local test CA created
# under MOTCUA_CERTIFY_DIR; production refuses to sign.
MOTCUA_CERTIFY_DIR = Path(_env("MOTCUA_CERTIFY_DIR", str(VAR_DIR / "certify")))
MOTCUA_CERTIFY_PKCS12 = _env("MOTCUA_CERTIFY_PKCS12", "")
MOTCUA_CERTIFY_PKCS12_PASSPHRASE = _env("MOTCUA_CERTIFY_PKCS12_PASSPHRASE", "")
MOTCUA_CERTIFY_PKCS11_LIB = _env("MOTCUA_CERTIFY_PKCS11_LIB", "")
MOTCUA_CERTIFY_PKCS11_TOKEN = _env("MOTCUA_CERTIFY_PKCS11_TOKEN", "")
MOTCUA_CERTIFY_PKCS11_KEY_LABEL = _env("MOTCUA_CERTIFY_PKCS11_KEY_LABEL", "")
MOTCUA_CERTIFY_PKCS11_PIN = _env("MOTCUA_CERTIFY_PKCS11_PIN", "")
MOTCUA_CERTIFY_TRUST_ROOTS = _env_list("MOTCUA_CERTIFY_TRUST_ROOTS", "")
MOTCUA_CERTIFY_TSA_URL = _env("MOTCUA_CERTIFY_TSA_URL", "")

# Stored files (components, results, certified copies): the file system under MEDIA_ROOT by
# default; S3-compatible object storage with MOTCUA_STORAGE=s3 (django-storages; install
# boto3 too), configured by MOTCUA_S3_BUCKET, MOTCUA_S3_ENDPOINT_URL, MOTCUA_S3_REGION and the
# usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Files are never overwritten.
if _env("MOTCUA_STORAGE", "").strip().lower() == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _env("MOTCUA_S3_BUCKET", ""),
            "endpoint_url": _env("MOTCUA_S3_ENDPOINT_URL", "") or None,
            "region_name": _env("MOTCUA_S3_REGION", "") or None,
            "file_overwrite": False,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
