from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the portal: health check, request ids in the logs, the worker's heartbeat and daily
    schedule, the e-mail reminders and each person's choice of them."""

    name = "operations"
    verbose_name = _("Operations")
