"""A backup holds the whole portal: restored into a new, empty database (a new SQLite file or a new PostgreSQL
database, whichever the suite runs on) it gives back every row of every table, every history entry among
them, and every uploaded file; and a restore never lands on a database that already holds something."""

import io
import os
import secrets
import sqlite3
import stat
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from byaftale.access import STEERING_GROUP, sync_roles
from projects.backup import MEDIA_ARCHIVE, PAPERS_ARCHIVE, database_file_name
from projects.models import Project, StatusReport
from tests.factories import make_hours, make_status_report, make_user

UPLOADED_PAPER = "moeder/2026-12-01/dagsorden.pdf"


def back_up(out_dir: Path) -> Path:
    output = io.StringIO()
    call_command("backup_portal", out=out_dir, stdout=output)
    return Path(output.getvalue().strip())


def table_names(cursor, vendor: str) -> list[str]:  # noqa: ANN001 - a DB-API cursor, Django's or a driver's
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return sorted(name for (name,) in cursor.fetchall())


def rows_by_table(cursor, vendor: str) -> dict[str, Counter[str]]:  # noqa: ANN001
    """Every row of every table, as the database itself writes it out as text, so that two connections
    (Django's and a plain driver's) compare alike whatever types their drivers would make of the values."""
    rows = {}
    for table in table_names(cursor, vendor):
        if vendor == "sqlite":
            cursor.execute(f'PRAGMA table_info("{table}")')
            row_text = " || ',' || ".join(f'quote("{column}")' for _, column, *_ in cursor.fetchall())
            cursor.execute(f'SELECT {row_text} FROM "{table}"')
        else:
            cursor.execute(f'SELECT t::text FROM "{table}" AS t')
        rows[table] = Counter(text for (text,) in cursor.fetchall())
    return rows


class EmptyDatabase:
    """A new, empty database beside the test database: its DATABASE_URL and a plain connection to it."""

    def __init__(self, url: str, connect) -> None:  # noqa: ANN001 - returns a DB-API connection
        self.url = url
        self.connect = connect


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[EmptyDatabase]:
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield EmptyDatabase(f"sqlite:///{path}", lambda: sqlite3.connect(path))
        return
    source = connection.settings_dict
    server = {
        "host": source["HOST"] or "localhost",
        "port": source["PORT"] or 5432,
        "user": source["USER"],
        "password": source["PASSWORD"] or None,
    }
    name = f"byaftale_restore_{secrets.token_hex(4)}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as maintenance:
        maintenance.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(server["user"] or "", safe="") + (
        f":{quote(server['password'], safe='')}" if server["password"] else ""
    )
    try:
        yield EmptyDatabase(
            f"postgres://{credentials}@{server['host']}:{server['port']}/{name}",
            # Django's own connection speaks UTC; so must this one, for timestamps to read alike.
            lambda: psycopg.connect(dbname=name, options="-c TimeZone=UTC", **server),
        )
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as maintenance:
            maintenance.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:
    """Uploads go to a folder of the test's own, and so do the backups of them."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def roles(transactional_db) -> None:
    """The roles a migration creates: a test before this one that emptied the database took them away."""
    sync_roles(django_apps)


def restore_in_new_process(folder: Path, *, database_url: str, media_root: Path, base_dir: Path):  # noqa: ANN201
    """Run restore_portal as an operator would, in a process of its own that knows only the new database."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "byaftale.settings.test",
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(media_root),
        "BYAFTALE_PAPERS_DIR": str(media_root.parent / "restored-papers"),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore_portal", str(folder)],
        cwd=base_dir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restored_into_an_empty_database_gives_back_every_row_every_history_entry_and_every_upload(
    transactional_db, roles, empty_database, settings, tmp_path
):
    # The backup is read from other connections (pg_dump), so what it holds must be committed.
    call_command("load_initial_data", verbosity=0)
    project = Project.objects.order_by("area__position", "number").first()
    member = make_user(STEERING_GROUP)
    make_hours(project=project, registered_by=member, hours=Decimal("3.5"), note="Workshop med afdelingerne")
    make_status_report(project=project, reported_by=member, light=StatusReport.Light.RED, text="Forsinket.")
    project.title = "Energi på dagsordenen, også i 2027"
    project._change_reason = "Ny titel efter styregruppemødet"
    project.save()
    default_storage.save(UPLOADED_PAPER, ContentFile(b"%PDF-1.7 dagsorden"))
    # A meeting's paper (bilag) is kept where no URL serves it, and is backed up all the same.
    settings.PAPERS_DIR = tmp_path / "papers"
    (settings.PAPERS_DIR / "2026").mkdir(parents=True)
    (settings.PAPERS_DIR / "2026" / "a1b2c3.pdf").write_bytes(b"%PDF-1.7 bilag")

    folder = back_up(tmp_path / "backups")
    restored_media = tmp_path / "restored-media"
    result = restore_in_new_process(
        folder, database_url=empty_database.url, media_root=restored_media, base_dir=settings.BASE_DIR
    )

    assert result.returncode == 0, result.stderr
    with connection.cursor() as cursor:
        source = rows_by_table(cursor, connection.vendor)
    with empty_database.connect() as restored_connection:
        restored = rows_by_table(restored_connection.cursor(), connection.vendor)
    assert sorted(restored) == sorted(source)
    assert {table: rows.total() for table, rows in restored.items()} == {
        table: rows.total() for table, rows in source.items()
    }
    assert restored == source
    history_tables = [table for table in source if "_historical" in table]
    assert len(history_tables) >= 10
    assert all(source[table].total() for table in ("projects_hourregistration", "projects_statusreport"))
    [renamed] = [row for row in restored["projects_historicalproject"] if "Ny titel efter styregruppemødet" in row]
    assert "Energi på dagsordenen, også i 2027" in renamed
    assert (restored_media / UPLOADED_PAPER).read_bytes() == b"%PDF-1.7 dagsorden"
    assert (tmp_path / "restored-papers" / "2026" / "a1b2c3.pdf").read_bytes() == b"%PDF-1.7 bilag"


def test_restore_refuses_a_database_that_already_holds_the_portal_and_changes_nothing(
    transactional_db, roles, seeded, tmp_path
):
    folder = back_up(tmp_path / "backups")
    Project.objects.filter(pk=Project.objects.order_by("pk").first().pk).update(title="Ændret efter backuppen")
    projects_before = sorted(Project.objects.values_list("pk", "title"))

    with pytest.raises(CommandError, match=r"is not empty: it holds \d+ tables\. Restore into a new, empty database"):
        call_command("restore_portal", folder)

    assert sorted(Project.objects.values_list("pk", "title")) == projects_before


def test_restore_refuses_a_backup_of_another_kind_of_database(seeded, tmp_path):
    folder = tmp_path / "byaftale-2026-12-01-120000"
    folder.mkdir()
    other_kind = "database.psql.bin" if database_file_name() == "database.sqlite3" else "database.sqlite3"
    (folder / other_kind).write_bytes(b"not for this database")
    (folder / MEDIA_ARCHIVE).write_bytes(b"")

    with pytest.raises(CommandError, match=rf"holds no {database_file_name()}.*it holds {other_kind}"):
        call_command("restore_portal", folder)

    assert Project.objects.exists()


def test_each_backup_gets_a_new_folder_that_only_its_owner_may_read(transactional_db, tmp_path):
    first = back_up(tmp_path / "backups")
    second = back_up(tmp_path / "backups")

    assert first != second
    for folder in (first, second):
        assert sorted(path.name for path in folder.iterdir()) == sorted(
            [database_file_name(), f"{database_file_name()}.metadata", MEDIA_ARCHIVE, PAPERS_ARCHIVE]
        )
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_backup_inside_a_transaction_is_refused_rather_than_missing_what_it_wrote(db, tmp_path):
    with pytest.raises(CommandError, match="A backup cannot be made inside a transaction"):
        back_up(tmp_path / "backups")

    assert not (tmp_path / "backups").exists()
