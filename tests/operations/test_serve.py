"""The README's production section, followed: bin/serve against a fresh PostgreSQL database migrates,
collects the static files and starts gunicorn and the worker; a member of the steering group signs in over real HTTP,
opens the dashboard and downloads the action plan; SIGTERM stops everything cleanly."""

import pytest

from byaftale.access import STEERING_GROUP

from .serving import ROOT, Browser, free_port, fresh_database, on_postgresql, port_is_closed, production_env, running
from .serving import seed_with_user as seed

pytestmark = [on_postgresql, pytest.mark.slow]


def test_bin_serve_serves_the_portal_and_stops_cleanly(tmp_path):
    port = free_port()
    with fresh_database("serve") as database_url:
        env = production_env(tmp_path, database_url, PORT=str(port))
        with running([str(ROOT / "bin/serve")], env, port, tmp_path / "serve.log") as server:
            server.wait_until_healthy()
            seed(env, "styregruppe", STEERING_GROUP)
            browser = Browser()

            status, address, page = browser.sign_in(server.url, "styregruppe")
            assert status == 200 and address == f"{server.url}/"
            assert "Overblik" in page and "Byaftale" in page

            status, headers, pdf = browser.get(f"{server.url}/dokumenter/handlingsplan.pdf")
            assert status == 200, pdf[:300]
            assert headers["Content-Type"] == "application/pdf"
            assert pdf.startswith(b"%PDF-")
            # The static files were collected and are served (whitenoise) under production settings.
            status, _, css = browser.get(f"{server.url}/static/css/gantt.css")
            assert status == 200 and css

            assert server.stop() == 0, server.output()
            # Nothing of it is left running: not gunicorn's workers, not the task worker.
            assert server.leftover_processes() == [], server.output()
        log = server.output()
        assert "Starting the background worker" in log and "Starting gunicorn" in log
        assert "Traceback" not in log
        assert port_is_closed(port)
