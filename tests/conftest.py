"""Fixtures shared by the whole suite."""

import pytest
from django.core.management import call_command


def _flushes_the_database(item: pytest.Item) -> bool:
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that flush the database (the live-server ones) last, as Django does: a flush
    removes what the migrations created (the roles), which the ordinary tests rely on."""
    items.sort(key=_flushes_the_database)


@pytest.fixture
def seeded(db):
    """A database holding the complete seed content of both source documents."""
    call_command("load_initial_data", verbosity=0)


@pytest.fixture
def secretariat_admin(db, django_user_model):
    """A superuser of the secretariat, signed in through the admin."""
    return django_user_model.objects.create_superuser("sekretariat", "sekretariat@example.dk", "hemmelig-kode-42")


@pytest.fixture
def admin_client_da(client, secretariat_admin):
    """A test client signed in as the secretariat, speaking Danish."""
    client.force_login(secretariat_admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"
    return client


@pytest.fixture(autouse=True)
def import_files_dir(settings, tmp_path):
    """Each test keeps the sheets uploaded to the admin's import preview in a folder of its own."""
    settings.IMPORT_FILES_DIR = tmp_path / "imports"
    return settings.IMPORT_FILES_DIR


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the portal's language, Danish, whatever an earlier test or request activated in this
    thread (a response in English leaves English active), so no test's outcome depends on the order they run in."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a page part cached by an earlier test, whose database was rolled
    back, must not stand in for this test's (their keys could meet only by such a rollback, never in use)."""
    from django.core.cache import cache

    cache.clear()
    yield
