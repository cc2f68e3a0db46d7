"""Optimistic locking: every model edited in the admin carries a version that each save moves on by one.

A save is a conditional UPDATE (`WHERE version = <the version this copy was read at>`), so of two saves made
from the same version only the first wins, on SQLite and on PostgreSQL alike; the second raises `StaleVersion`
instead of silently writing back the values it read. The admin's change forms carry the version the user
opened (see `byaftale.admin_base.VersionedModelForm`), so a save from a page opened before someone else's is
refused with what the other person changed.
"""

from __future__ import annotations

from typing import Any

from django.db import models, router, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class StaleVersion(Exception):
    """A save from a copy read before the row's latest save: writing it would undo that save."""

    def __init__(self, instance: models.Model) -> None:
        version = getattr(instance, "version", "?")
        super().__init__(f"{type(instance).__name__} {instance.pk} changed after version {version} was read")
        self.instance = instance


class Versioned(models.Model):
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Moves on by one with every save; a save from an older version is refused."),
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, update_fields: Any = None, using: str | None = None, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None:
            super().save(*args, update_fields=update_fields, using=using, **kwargs)
            return
        using = using or router.db_for_write(type(self), instance=self)
        rows = type(self)._base_manager.using(using).filter(pk=self.pk)
        with transaction.atomic(using=using):
            # The conditional UPDATE takes the row lock, so a concurrent save from the same version waits for
            # this one and then finds the version moved.
            if not rows.filter(version=self.version).update(version=F("version") + 1):
                if rows.exists():
                    raise StaleVersion(self)
                # The row is gone: save as Django always has (it inserts the row again).
                super().save(*args, update_fields=update_fields, using=using, **kwargs)
                return
            self.version += 1
            if update_fields is not None:
                update_fields = {*update_fields, "version"}
            super().save(*args, update_fields=update_fields, using=using, **kwargs)
