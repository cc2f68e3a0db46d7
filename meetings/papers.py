"""Attaching papers (bilag) to a meeting: what a file is, read from its content, and the rules it must pass.

A paper is refused, and nothing is stored, when its name is not a plain file name (no folders, no "..");
when it is larger than PAPER_MAX_BYTES; when its content is not one of the accepted types (pdf, docx,
xlsx, pptx, odt, png, jpg), checked by its leading bytes and, for the zip-based office formats, by the
parts inside; or when its name claims another type than the content is. The stored name is random, the
original name is kept for the download.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.models import User as Account
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from .models import AgendaItem, Meeting, Paper

FileType = Paper.FileType

# What the name may say for each type.
EXTENSIONS = {
    FileType.PDF: {"pdf"},
    FileType.DOCX: {"docx"},
    FileType.XLSX: {"xlsx"},
    FileType.PPTX: {"pptx"},
    FileType.ODT: {"odt"},
    FileType.PNG: {"png"},
    FileType.JPG: {"jpg", "jpeg"},
}
CONTENT_TYPES = {
    FileType.PDF: "application/pdf",
    FileType.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileType.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileType.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    FileType.ODT: "application/vnd.oasis.opendocument.text",
    FileType.PNG: "image/png",
    FileType.JPG: "image/jpeg",
}
# The part that makes an Office Open XML package a document, a workbook or a presentation.
OOXML_MAIN_PARTS = {
    "word/document.xml": FileType.DOCX,
    "xl/workbook.xml": FileType.XLSX,
    "ppt/presentation.xml": FileType.PPTX,
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
NAME_MAX_LENGTH = 200


@dataclass(frozen=True)
class CheckedFile:
    original_name: str
    file_type: str
    size: int


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")


def check_name(name: str) -> str:
    """The plain file name, or a refusal for a name with folders, "..", control characters or no extension."""
    if (
        not name
        or len(name) > NAME_MAX_LENGTH
        or any(ch in name for ch in "/\\\x00:")
        or any(ord(ch) < 32 for ch in name)
        or name.strip(". ") != name.strip()
        or ".." in name
    ):
        raise ValidationError(
            {
                "file": _("The file name «%(name)s» is not allowed: use a plain name without folders or “..”.")
                % {"name": name[:80]}
            },
            code="bad_name",
        )
    return name.strip()


def content_type_of(head: bytes, data: bytes) -> str | None:
    """The accepted type the content is, or None."""
    if head.startswith(b"%PDF-"):
        return FileType.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileType.JPG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
                if "mimetype" in names and package.read("mimetype").strip() == ODT_MIMETYPE:
                    return FileType.ODT
                if "[Content_Types].xml" in names:
                    for part, file_type in OOXML_MAIN_PARTS.items():
                        if part in names:
                            return file_type
        except (zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError):
            return None
    return None


def check_file(upload: UploadedFile, *, name: str | None = None) -> CheckedFile:
    """Read an upload's name, size and content; a ValidationError on the field "file" says in Danish why not.

    `name` is the name as the sender gave it, where it came from elsewhere than a browser (Django's upload
    parser already cuts a browser's name down to its last part, and UploadedFile.name does the same).
    """
    name = check_name(upload.name or "" if name is None else name)
    limit = settings.PAPER_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            {
                "file": _("The file is %(size)s MB; a paper may be at most %(limit)s MB.")
                % {"size": megabytes(upload.size or 0), "limit": megabytes(limit)}
            },
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError({"file": _("The file is empty.")}, code="empty")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    found = content_type_of(data[:16], data)
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    accepted = ", ".join(sorted({ext for exts in EXTENSIONS.values() for ext in exts}))
    if found is None:
        raise ValidationError(
            {
                "file": _("«%(name)s» is not a file of an accepted type (%(types)s), judged by its content.")
                % {"name": name, "types": accepted}
            },
            code="unknown_type",
        )
    if extension not in EXTENSIONS[FileType(found)]:
        raise ValidationError(
            {
                "file": _("«%(name)s» is named as a .%(extension)s file, but its content is %(found)s.")
                % {"name": name, "extension": extension or "?", "found": FileType(found).label}
            },
            code="name_mismatch",
        )
    return CheckedFile(original_name=name, file_type=found, size=upload.size)


def prepare_paper(paper: Paper, upload: UploadedFile, *, name: str | None = None) -> Paper:
    """Check the upload and fill in what the paper knows of its file; nothing is stored yet."""
    checked = check_file(upload, name=name)
    paper.file = upload
    paper.original_name = checked.original_name
    paper.file_type = checked.file_type
    paper.size = checked.size
    return paper


@transaction.atomic
def paper_attach(
    *,
    meeting: Meeting,
    upload: UploadedFile,
    title: str,
    uploaded_by: Account,
    item: AgendaItem | None = None,
    internal: bool = False,
    name: str | None = None,
) -> Paper:
    """Check and store a paper for the meeting (or one of its items). Refused: nothing stored."""
    paper = prepare_paper(
        Paper(meeting=meeting, item=item, title=title, internal=internal, uploaded_by=uploaded_by), upload, name=name
    )
    paper.full_clean(exclude=["file"])
    try:
        paper.save()
    except Exception:
        # The row was refused after the file was written: take the file away again, so nothing is left.
        if paper.file.name and paper.file.storage.exists(paper.file.name):
            paper.file.storage.delete(paper.file.name)
        raise
    return paper
