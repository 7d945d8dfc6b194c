"""Production settings: everything from settings.py, hardened. Configure through the environment:

DJANGO_SECRET_KEY (required), JIXIAO_ALLOWED_HOSTS (comma-separated), DATABASE_URL, JIXIAO_EMAIL_BACKEND,
JIXIAO_PROXY_COUNT (reverse proxies in front, for the client address the login throttle keys on).

Without DJANGO_SECRET_KEY loading these settings raises ImproperlyConfigured; ``jixiao`` and ``jixiao-manage``
print its message as one line and exit with status 2.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from jixiao.web.settings import *  # noqa: F403

DEBUG = False
JIXIAO_PRODUCTION = True  # no demo accounts (services.demo_accounts_refusal), whatever else is set
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "the production settings need DJANGO_SECRET_KEY: set it to a long random string, e.g. the output of "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("JIXIAO_ALLOWED_HOSTS", "localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

SECURE_SSL_REDIRECT = os.environ.get("JIXIAO_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Request and upload limits: as in settings.py (JIXIAO_MAX_* in the environment), restated so they are seen here.
JIXIAO_MAX_UPLOAD_BYTES = int(os.environ.get("JIXIAO_MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))
JIXIAO_MAX_REQUEST_BYTES = int(os.environ.get("JIXIAO_MAX_REQUEST_BYTES", str(JIXIAO_MAX_UPLOAD_BYTES + 256 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("JIXIAO_MAX_BODY_BYTES", str(1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# Mail through SMTP (JIXIAO_SMTP_HOST/PORT/USER/PASSWORD, TLS on by default).
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("JIXIAO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": os.environ.get("JIXIAO_SMTP_HOST", "localhost"),
            "port": int(os.environ.get("JIXIAO_SMTP_PORT", "587")),
            "username": os.environ.get("JIXIAO_SMTP_USER", ""),
            "password": os.environ.get("JIXIAO_SMTP_PASSWORD", ""),
            "use_tls": os.environ.get("JIXIAO_SMTP_TLS", "1") == "1",
        },
    },
}
