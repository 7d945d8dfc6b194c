from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "jixiao.web.opendata"
    label = "opendata"
    verbose_name = _("开放数据")
    default_auto_field = "django.db.models.BigAutoField"
