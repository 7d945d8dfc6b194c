"""WSGI entry point: ``gunicorn jixiao.web.wsgi`` (set DJANGO_SETTINGS_MODULE for production)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
application = get_wsgi_application()
