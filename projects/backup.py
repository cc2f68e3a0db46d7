"""Backing up the whole portal (its database and its uploaded files) into one folder, and restoring such a
folder into an empty database. django-dbbackup does the work: pg_dump and pg_restore on PostgreSQL, SQLite's
own backup API on SQLite; the uploaded files (the default storage, MEDIA_ROOT) go into a tar archive, and so
do the meetings' papers, which are kept apart from MEDIA_ROOT so that no URL serves them (PAPERS_DIR).

A backup is a folder `byaftale-<date>-<time>/` holding `database.<extension>` (with dbbackup's `.metadata`
beside it, which names the engine), `media.tar` and `papers.tar`. It holds no settings: the SECRET_KEY and the rest of
`.env` are kept apart from it.
"""

import os
import tarfile
from pathlib import Path

from dbbackup.db.base import get_connector
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.utils import timezone

DATABASE_STEM = "database"
MEDIA_ARCHIVE = "media.tar"
PAPERS_ARCHIVE = "papers.tar"


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why and what to do instead."""


def database_file_name() -> str:
    """The name of the database dump in a backup made from, or restored into, the configured database."""
    return f"{DATABASE_STEM}.{get_connector(DEFAULT_DB_ALIAS).extension}"


def portal_backup(*, out_dir: Path, verbosity: int = 0) -> Path:
    """Write a new backup folder into `out_dir` and return it; an existing backup is never overwritten."""
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        # pg_dump reads from a connection of its own and would miss what this transaction wrote; SQLite's
        # backup would wait for this transaction to end, which it never does.
        raise BackupError("A backup cannot be made inside a transaction; run it on its own.")
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = _new_folder(out_dir, timezone.localtime().strftime("byaftale-%Y-%m-%d-%H%M%S"))
    dbbackup_options = {"verbosity": verbosity, "quiet": verbosity < 2}
    call_command(
        "dbbackup", database=DEFAULT_DB_ALIAS, output_path=str(folder / database_file_name()), **dbbackup_options
    )
    # FileSystemStorage cannot list a folder that is not there yet, which it is until the first upload.
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    call_command("mediabackup", output_path=str(folder / MEDIA_ARCHIVE), **dbbackup_options)
    _archive_papers(folder / PAPERS_ARCHIVE)
    return folder


def _papers_dir() -> Path | None:
    """The meetings' papers on local disk; None where a deployment keeps them in another storage (S3), which
    is backed up by its own means."""
    directory = getattr(settings, "PAPERS_DIR", None)
    return Path(directory) if directory and str(settings.PAPERS_STORAGE).endswith("FileSystemStorage") else None


def _archive_papers(archive: Path) -> None:
    with tarfile.open(archive, "w") as tar:
        directory = _papers_dir()
        if directory is not None and directory.is_dir():
            for path in sorted(directory.rglob("*")):
                if path.is_file():
                    tar.add(path, arcname=str(path.relative_to(directory)))


def _restore_papers(archive: Path) -> None:
    directory = _papers_dir()
    if directory is None or not archive.is_file():  # a backup from before the meetings holds none
        return
    directory.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        # The "data" filter refuses absolute names, `..` and links out of the folder.
        tar.extractall(directory, filter="data")


def _new_folder(out_dir: Path, name: str) -> Path:
    # Backups hold personal data and password hashes: only the owner may read them.
    for attempt in range(1, 100):
        folder = out_dir / (name if attempt == 1 else f"{name}-{attempt}")
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return folder
    raise BackupError(f"Could not find a free folder name for {name} in {out_dir}.")


def portal_restore(*, folder: Path, verbosity: int = 0) -> None:
    """Restore the backup in `folder`: its uploaded files into the default storage, replacing files of the
    same name, and its database into the configured one, which must be empty (hold no tables)."""
    database_file = folder / database_file_name()
    if not database_file.is_file():
        found = sorted(p.name for p in folder.glob(f"{DATABASE_STEM}.*") if p.suffix != ".metadata")
        raise BackupError(
            f"{folder} holds no {database_file.name}, the backup of a "
            f"{connections[DEFAULT_DB_ALIAS].display_name} database"
            + (f" (it holds {', '.join(found)}: a backup of another kind of database)." if found else ".")
            + " Name a folder that backup_portal wrote, and a database of the kind it was made from."
        )
    media_archive = folder / MEDIA_ARCHIVE
    if not media_archive.is_file():
        raise BackupError(f"{folder} holds no {MEDIA_ARCHIVE}; name a folder that backup_portal wrote.")
    _check_database_is_empty()
    dbbackup_options = {"verbosity": verbosity, "quiet": verbosity < 2, "interactive": False}
    # The files first: restoring them again is harmless, so a restore that fails on the database (which
    # pg_restore leaves empty, in one transaction) can simply be run again.
    call_command("mediarestore", input_path=os.fspath(media_archive), replace=True, **dbbackup_options)
    _restore_papers(folder / PAPERS_ARCHIVE)
    call_command("dbrestore", database=DEFAULT_DB_ALIAS, input_path=os.fspath(database_file), **dbbackup_options)


def _check_database_is_empty() -> None:
    # Only an empty database takes the whole backup as it was: pg_restore --clean drops and recreates the
    # backup's own tables but leaves any others, and on SQLite the file is replaced without a question.
    connection = connections[DEFAULT_DB_ALIAS]
    name = connection.settings_dict["NAME"]
    try:
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
    except DatabaseError as error:
        raise BackupError(f"Cannot open the database {name}: {str(error).strip()}. Create it, empty, first.") from error
    finally:
        # The restore writes the database from another connection (pg_restore) or over the file (SQLite).
        connection.close()
    if tables:
        raise BackupError(
            f"The database {name} is not empty: it holds {len(tables)} tables. Restore into a new, empty "
            "database (PostgreSQL: createdb; SQLite: a file that is not there yet), and do not run migrate "
            "before the restore."
        )
