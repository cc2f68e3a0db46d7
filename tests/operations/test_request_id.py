"""Each request has an id: in the response, and on every log line written while it runs, once."""

import logging

import pytest
from django.test import override_settings

from byaftale.settings.base import LOGGING
from operations.logging import JsonFormatter, RequestIdFilter, TextFormatter

pytestmark = pytest.mark.django_db


def test_each_response_carries_a_fresh_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_load_balancers_id_is_kept_when_it_is_a_plain_token(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234.5")["X-Request-ID"] == "lb-1234.5"
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="evil\nline injected")["X-Request-ID"]
    assert forged != "evil\nline injected" and len(forged) == 32


@override_settings(ROOT_URLCONF="tests.operations.logging_urls")
def test_log_lines_of_a_request_carry_its_id(client, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger="tests"):
        response = client.get("/log/", HTTP_X_REQUEST_ID="abc123")
    [record] = [r for r in caplog.records if r.name == "tests.operations.logging_urls"]
    assert record.request_id == "abc123" == response["X-Request-ID"]
    assert "[abc123] something happened" in TextFormatter().format(record)
    assert '"request_id": "abc123"' in JsonFormatter().format(record)


def test_django_lines_are_handled_once_by_the_root_handler():
    """Django's own logger hands its lines to the root's one console handler and has none of its own,
    which printed each of them twice."""
    assert LOGGING["root"]["handlers"] == ["console"]
    for name in ("django", "django.server"):
        assert LOGGING["loggers"][name]["handlers"] == []
        assert LOGGING["loggers"][name]["propagate"] is True
    django_logger = logging.getLogger("django")
    handlers = list(django_logger.handlers)
    assert not [h for h in handlers if isinstance(h, logging.StreamHandler)]


def test_a_django_log_line_is_printed_once_in_development(tmp_path):
    """With DEBUG on, Django's own console handler and the root's used to print each line twice."""
    from tests.byaftale.test_settings import manage

    result = manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('django.request').warning('only-once-marker')",
        DJANGO_DEBUG="true",
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout + result.stderr).count("only-once-marker") == 1
    assert "WARNING django.request [-] only-once-marker" in result.stderr
