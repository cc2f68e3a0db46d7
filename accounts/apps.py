"""The accounts app, and django-axes' app under a Danish name in the admin."""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Replaces django.contrib.auth's user admin, which the admin's autodiscovery (run first, as
        # django.contrib.admin comes first in INSTALLED_APPS) has registered by now.
        from . import people_admin  # noqa: F401


class SignInAttemptsConfig(AxesAppConfig):
    # axes has no verbose name; the admin would show its label, "Axes", to the secretariat.
    verbose_name = _("Sign-in attempts")
