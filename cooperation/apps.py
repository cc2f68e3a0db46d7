from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cooperation agreement")


# The main menu's entry (pages.templatetags.site_frame), translated in this app's catalogue.
MENU_LABEL = _("The agreement")
