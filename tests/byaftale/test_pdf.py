"""The PDFs' URL fetcher serves the portal's own static files and data: URIs and refuses the rest."""

import logging

import pytest
from django.contrib.staticfiles import finders

from byaftale.pdf import PDF_ORIGIN, PortalFetcher, RefusedURL, static_url


@pytest.fixture
def fetcher() -> PortalFetcher:
    return PortalFetcher()


def test_a_static_file_is_served_from_the_portals_static_files(fetcher):
    response = fetcher.fetch(static_url("css/print.css"))

    with open(finders.find("css/print.css"), "rb") as expected:
        assert response.read() == expected.read()
    assert response.content_type == "text/css"


def test_a_data_uri_is_served(fetcher):
    response = fetcher.fetch("data:text/plain;base64,SGVq")

    assert response.read() == b"Hej"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9911/x",
        "https://example.com/logo.png",
        "ftp://127.0.0.1/x",
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        f"{PDF_ORIGIN}/static/../../../../etc/passwd",
        f"{PDF_ORIGIN}/static/css/../../../../../../etc/passwd",
        f"{PDF_ORIGIN}/static/css/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        f"{PDF_ORIGIN}/static//etc/passwd",
        f"{PDF_ORIGIN}/static/css/nothing-here.css",
        f"{PDF_ORIGIN}/manage.py",
        "https://byaftale.invalid.example.com/static/css/print.css",
        "https://127.0.0.1/static/css/print.css",
        "gopher://127.0.0.1/x",
    ],
)
def test_everything_else_is_refused_and_the_refusal_logged(fetcher, url, caplog):
    with caplog.at_level(logging.WARNING, logger="byaftale.pdf"), pytest.raises(RefusedURL):
        fetcher.fetch(url)

    assert [record.name for record in caplog.records] == ["byaftale.pdf"]
    assert repr(url) in caplog.records[0].getMessage()
