from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        # Replaces django.contrib.auth's user admin, which the admin's autodiscovery (run first, as
        # django.contrib.admin comes first in INSTALLED_APPS) has registered by now.
        from . import people_admin  # noqa: F401
