"""The papers' storage on local disk: like FileSystemStorage, but with no URL at all.

A paper is read only through `meetings.views.paper`, which checks the reader's role first; a storage that
could hand out an address would invite a template to link past that check.
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        raise NotImplementedError("Papers have no public address; download them through the meeting's page.")
