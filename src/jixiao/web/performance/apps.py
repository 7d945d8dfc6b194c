from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    name = "jixiao.web.performance"
    label = "performance"
    verbose_name = _("绩效考核")
    default_auto_field = "django.db.models.BigAutoField"
