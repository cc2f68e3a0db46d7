"""Sheets kept between an import's preview and its confirmation: one user's files only, for a limited time."""

import datetime
import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from byaftale.import_files import ImportFileMissing, UserImportStorage, remove_expired_import_files
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def aged(storage: UserImportStorage, minutes: int) -> None:
    when = (timezone.now() - datetime.timedelta(minutes=minutes)).timestamp()
    os.utime(storage.path(), (when, when))


def test_a_kept_file_is_read_back_by_its_own_user_only():
    owner, other = make_user(username="ejer"), make_user(username="anden")
    kept = UserImportStorage(user=owner)
    kept.save(b"Titel\nEt\n")

    assert UserImportStorage(user=owner, name=kept.name).read() == b"Titel\nEt\n"
    with pytest.raises(ImportFileMissing):
        UserImportStorage(user=other, name=kept.name).read()
    for name in ("../" + str(owner.pk) + "/" + kept.name, "/etc/passwd", "", None):
        with pytest.raises(ImportFileMissing):
            UserImportStorage(user=owner, name=name).read()


def test_a_file_older_than_the_time_limit_is_swept_and_a_fresh_one_is_kept(settings):
    user = make_user(username="ejer")
    old, fresh = UserImportStorage(user=user), UserImportStorage(user=user)
    old.save(b"gammel")
    fresh.save(b"ny")
    aged(old, settings.IMPORT_PREVIEW_MINUTES + 1)
    aged(fresh, settings.IMPORT_PREVIEW_MINUTES - 1)

    assert remove_expired_import_files() == 1

    assert not old.path().exists()
    assert fresh.read() == b"ny"


def test_an_expired_file_cannot_be_read_even_before_it_is_swept(settings):
    kept = UserImportStorage(user=make_user(username="ejer"))
    kept.save(b"Titel\n")
    aged(kept, settings.IMPORT_PREVIEW_MINUTES + 1)

    with pytest.raises(ImportFileMissing):
        kept.read()
    assert not kept.path().exists()


def test_the_command_sweeps_expired_files(settings, capsys):
    kept = UserImportStorage(user=make_user(username="ejer"))
    kept.save(b"Titel\n")
    aged(kept, settings.IMPORT_PREVIEW_MINUTES + 5)

    call_command("remove_expired_imports")

    assert not kept.path().exists()
    assert "Removed 1 expired import file(s)." in capsys.readouterr().out
