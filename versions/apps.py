from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VersionsConfig(AppConfig):
    name = "versions"
    verbose_name = _("Plan versions")

    def ready(self) -> None:
        # The seed is the source's ver. 1.3: publish it as such when it is loaded.
        from projects.plan import register_baseline_source
        from projects.seed import seed_loaded

        from .baseline import baseline_choice
        from .publishing import publish_seed_version

        seed_loaded.connect(publish_seed_version, dispatch_uid="versions.publish_seed_version")
        # The charts of today's plan draw an approved version under their bars (versions.baseline).
        register_baseline_source(baseline_choice)


# The main menu's entry (pages.templatetags.site_frame), translated in this app's catalogue.
MENU_LABEL = _("Versions")
