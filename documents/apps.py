from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # Every change to the plan queues a render of the board's PDFs for the background worker.
        from simple_history.signals import post_create_historical_record  # noqa: PLC0415

        from .rendering import plan_changed  # noqa: PLC0415

        post_create_historical_record.connect(plan_changed, dispatch_uid="documents.render-after-change")
