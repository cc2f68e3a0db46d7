"""Uploaded sheets kept between the admin's import preview and its confirmation, and nothing else.

Each file lies in its user's own folder under `settings.IMPORT_FILES_DIR`, under a random name that only the
preview's confirmation form carries, so the confirmation can open no file but one its own user's preview kept.
A file is deleted when its import is confirmed or refused, and otherwise `settings.IMPORT_PREVIEW_MINUTES` after
its upload: every import request sweeps the folder, and so does `manage.py remove_expired_imports` (for cron).
"""

from __future__ import annotations

import datetime
import re
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from import_export.tmp_storages import BaseStorage

NAME = re.compile(r"[A-Za-z0-9_-]{22}")


class ImportFileMissing(LookupError):
    """No file of this user by this name: never kept, already used, expired, or another user's."""


def expires_before(now: datetime.datetime | None = None) -> float:
    """The modification time (a timestamp) before which a kept file has expired."""
    now = now or timezone.now()
    return (now - datetime.timedelta(minutes=settings.IMPORT_PREVIEW_MINUTES)).timestamp()


class UserImportStorage(BaseStorage):
    """django-import-export's temporary storage, bound to one user: `UserImportStorage(user=…, name=…)`."""

    def __init__(self, *, user: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = Path(settings.IMPORT_FILES_DIR) / str(int(user.pk))

    def save(self, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.name = secrets.token_urlsafe(16)
        with open(self.path(), "xb") as file:
            file.write(data)

    def read(self) -> bytes:
        path = self.path()
        try:
            if path.stat().st_mtime < expires_before():
                path.unlink(missing_ok=True)
                raise ImportFileMissing(self.name)
            return path.read_bytes()
        except FileNotFoundError:
            raise ImportFileMissing(self.name) from None

    def remove(self) -> None:
        self.path().unlink(missing_ok=True)

    def path(self) -> Path:
        # A name that is not one `save` made (another folder, "../../etc/passwd") names no file at all.
        if not isinstance(self.name, str) or not NAME.fullmatch(self.name):
            raise ImportFileMissing(self.name)
        return self.folder / self.name


def remove_expired_import_files(*, now: datetime.datetime | None = None) -> int:
    """Delete every kept file older than `settings.IMPORT_PREVIEW_MINUTES`; returns how many were deleted."""
    root = Path(settings.IMPORT_FILES_DIR)
    if not root.is_dir():
        return 0
    cutoff, removed = expires_before(now), 0
    for path in root.glob("*/*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue  # a parallel request confirmed or swept it first
    return removed
