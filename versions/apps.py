from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VersionsConfig(AppConfig):
    name = "versions"
    verbose_name = _("Plan versions")

    def ready(self) -> None:
        # The seed is the source's ver. 1.3: publish it as such when it is loaded.
        from projects.seed import seed_loaded

        from .publishing import publish_seed_version

        seed_loaded.connect(publish_seed_version, dispatch_uid="versions.publish_seed_version")
