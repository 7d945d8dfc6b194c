"""Django settings for the jixiao web system (development and tests; see settings_production.py)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent
# The repository root when running from a checkout (src/jixiao/web → ../../..), else the working directory.
_checkout = WEB_DIR.parents[2]
REPO_ROOT = _checkout if (_checkout / "pyproject.toml").exists() else Path.cwd()
VAR_DIR = Path(os.environ.get("JIXIAO_VAR", REPO_ROOT / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "jixiao-development-only-not-secret")
# DEBUG only when asked for (JIXIAO_DEBUG=1): it is also what allows the demo accounts (services.demo_accounts_create).
DEBUG = os.environ.get("JIXIAO_DEBUG", "0") == "1"
# True in settings_production: no demo accounts, whatever DEBUG says.
JIXIAO_PRODUCTION = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "jixiao.web.performance",
    "jixiao.web.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # under /api/, an error page Django answers itself (no route, CSRF, server error) becomes JSON
    "jixiao.web.performance.api_support.ApiJsonErrorsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # before anything reads the body (the CSRF check does, in its process_view): refuses an oversize request
    # from its Content-Length (HTTP 413)
    "jixiao.web.security.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # last: turns a login refused for too many failures into the "try again later" page (HTTP 429)
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'jixiao.sqlite3'}"
# An empty DATABASE_URL (a deployment template's blank line) means the default, not a database with no engine.
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", "").strip() or _default_db,
                                              conn_max_age=0)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("TEST", {"NAME": ":memory:"})
    # Concurrent requests: every transaction takes the write lock when it begins (BEGIN IMMEDIATE), so a
    # read-then-write transaction never fails half-way with "database is locked"; a request waiting for the lock
    # waits up to `timeout` seconds (the busy timeout); WAL lets readers go on while one request writes. On an
    # in-memory database (the tests) SQLite keeps its own journal mode and the pragma changes nothing.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 30)
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Content-Security-Policy (Django's own middleware): scripts, styles and images from this site only; no inline
# script or style (no 'unsafe-inline'). The nonce is for the inline bits of Django's admin templates, which carry
# it ({% csp_nonce_attr %}); it is in the header only on pages that use it. Charts are SVG files with
# presentation attributes, no style attributes.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# Logins: django-axes counts failed sign-ins (the login page, the admin's, HTTP Basic on the API) per user name
# and client address together, and refuses that pair for the cool-off after JIXIAO_LOGIN_FAILURES failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user name and address
    "jixiao.web.security.AuthBackend",  # Django's ModelBackend; refuses the demo password outside the local demo
]
JIXIAO_LOGIN_FAILURES = int(os.environ.get("JIXIAO_LOGIN_FAILURES", "5"))
JIXIAO_LOGIN_COOLOFF_MINUTES = int(os.environ.get("JIXIAO_LOGIN_COOLOFF_MINUTES", "15"))
# Behind a reverse proxy: how many proxies append to X-Forwarded-For (the client address is the one the outermost
# of them saw). 0: the address is REMOTE_ADDR.
JIXIAO_PROXY_COUNT = int(os.environ.get("JIXIAO_PROXY_COUNT", "0"))
AXES_FAILURE_LIMIT = JIXIAO_LOGIN_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=JIXIAO_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True  # a successful sign-in starts the count again
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the cool-off runs from the failure that locked
AXES_CLIENT_IP_CALLABLE = "jixiao.web.security.client_ip"
AXES_LOCKOUT_CALLABLE = "jixiao.web.security.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are not logged by axes (the audit log has the actions)
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "work-home"
LOGOUT_REDIRECT_URL = "home"

# Django's mail backends; the console backend prints reminders on the server's console by default.
MAILERS = {
    "default": {"BACKEND": os.environ.get("JIXIAO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")},
}
DEFAULT_FROM_EMAIL = os.environ.get("JIXIAO_FROM_EMAIL", "jixiao@localhost")

# Where launch.py looks for disclosures to import (relative to the repository root).
JIXIAO_EXAMPLES = os.environ.get("JIXIAO_EXAMPLES", str(REPO_ROOT.parent / "shared" / "examples"))
# The appraisal office imported disclosures are filed under when the document names none.
JIXIAO_DEFAULT_OFFICE = os.environ.get("JIXIAO_DEFAULT_OFFICE", "绩效考核办公室")

# Limits on what people send (see docs/web.md, "Limits"); every one can be set in the environment.
def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


# Characters of each free-text field (forms, API serializers and services check them; performance/limits.py).
# Goal names, correction notes, units and titles are also bounded by their columns (500, 500, 40, 500).
JIXIAO_MAX_NARRATIVE_CHARS = _env_int("JIXIAO_MAX_NARRATIVE_CHARS", 20_000)  # an entry's progress narrative
JIXIAO_MAX_INDICATOR_CHARS = _env_int("JIXIAO_MAX_INDICATOR_CHARS", 5_000)  # an indicator's text
JIXIAO_MAX_GOAL_NAME_CHARS = _env_int("JIXIAO_MAX_GOAL_NAME_CHARS", 500)
JIXIAO_MAX_COMMENT_CHARS = _env_int("JIXIAO_MAX_COMMENT_CHARS", 5_000)  # review comments, change notes, reopen reasons
JIXIAO_MAX_REASON_CHARS = _env_int("JIXIAO_MAX_REASON_CHARS", 2_000)  # override reasons
JIXIAO_MAX_NOTE_CHARS = _env_int("JIXIAO_MAX_NOTE_CHARS", 500)  # target correction notes
JIXIAO_MAX_UNIT_CHARS = _env_int("JIXIAO_MAX_UNIT_CHARS", 40)  # a corrected target's unit
JIXIAO_MAX_TITLE_CHARS = _env_int("JIXIAO_MAX_TITLE_CHARS", 500)  # an imported document's title
# Bytes: an imported file (refused from its declared size and the request's Content-Length, before reading);
# any request body (refused with 413 from its Content-Length, jixiao.web.security.RequestSizeLimitMiddleware);
# Django's own: a body without files read into memory (request.body, form fields: 413/400 above it) and the size
# above which an uploaded file goes to a temporary file instead of memory.
JIXIAO_MAX_UPLOAD_BYTES = _env_int("JIXIAO_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
JIXIAO_MAX_REQUEST_BYTES = _env_int("JIXIAO_MAX_REQUEST_BYTES", JIXIAO_MAX_UPLOAD_BYTES + 256 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = _env_int("JIXIAO_MAX_BODY_BYTES", 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# The API (issue 9, item 12; performance/api_support.py): HTTP Basic first, so a missing login is 401 with
# WWW-Authenticate: Basic (the session is still accepted); JSON bodies only (anything else 415); paging bounded
# (limit 1 to 1000, else 400); every status documented in the schema (ApiSchema); errors as JSON objects.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jixiao.web.security.ThrottledBasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "jixiao.web.performance.api_support.ApiSchema",
    "DEFAULT_PAGINATION_CLASS": "jixiao.web.performance.api_params.Pagination",
    "PAGE_SIZE": 100,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        # a form is 415, unless it has no field (a form client's POST to an action without a body)
        "jixiao.web.performance.api_params.EmptyFormParser",
        "jixiao.web.performance.api_params.EmptyUrlencodedParser",
    ],
    "EXCEPTION_HANDLER": "jixiao.web.performance.api_support.exception_handler",
    "UNICODE_JSON": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "jixiao API",
    "DESCRIPTION": "Published performance disclosures (public, read-only) and progress reporting (authenticated).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "COMPONENT_SPLIT_PATCH": False,  # PATCH's body has its own serializer (api.EntryPatchSerializer: version required)
    "OAS_VERSION": "3.1.0",  # JSON Schema's own types: nullable numbers, propertyNames (the keys of actuals)
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],  # the API takes JSON bodies only
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
