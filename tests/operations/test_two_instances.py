"""Several application machines, in one test: two gunicorn instances on two ports share one PostgreSQL
database and one Redis. A PDF rendered by one is served from the cache by the other, and a session
signed in on one is valid on the other."""

import secrets

import pytest
import redis

from byaftale.access import STEERING_GROUP

from .serving import (
    REDIS_URL,
    ROOT,
    Browser,
    free_port,
    fresh_database,
    manage,
    on_postgresql,
    production_env,
    running,
    seed_with_user,
)
from .test_cache import needs_redis

pytestmark = [on_postgresql, needs_redis, pytest.mark.slow]

GUNICORN = str(ROOT / ".venv/bin/gunicorn")


def test_two_instances_share_rendered_pdfs_and_sessions(tmp_path):
    prefix = f"two-instances-{secrets.token_hex(4)}"
    store = redis.Redis.from_url(REDIS_URL)
    with fresh_database("two") as database_url:
        env = production_env(tmp_path, database_url, DJANGO_CACHE_URL=REDIS_URL, BYAFTALE_CACHE_KEY_PREFIX=prefix)
        # What bin/serve does once per release: the machines then only start gunicorn.
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        seed_with_user(env, "styregruppe", STEERING_GROUP)
        ports = free_port(), free_port()
        try:
            with (
                running(
                    [str(ROOT / ".venv/bin/python"), "manage.py", "run_worker", "--no-reload"],
                    env,
                    0,
                    tmp_path / "worker.log",
                ),
                running(
                    [GUNICORN, "-c", "gunicorn.conf.py"],
                    {**env, "BYAFTALE_BIND": f"127.0.0.1:{ports[0]}"},
                    ports[0],
                    tmp_path / "a.log",
                ) as first,
                running(
                    [GUNICORN, "-c", "gunicorn.conf.py"],
                    {**env, "BYAFTALE_BIND": f"127.0.0.1:{ports[1]}"},
                    ports[1],
                    tmp_path / "b.log",
                ) as second,
            ):
                first.wait_until_healthy()
                second.wait_until_healthy()
                browser = Browser()

                # Signed in on the first; the same session cookie opens the dashboard on the second.
                status, address, _ = browser.sign_in(first.url, "styregruppe")
                assert address == f"{first.url}/"
                status, _, page = browser.get(f"{second.url}/")
                assert status == 200 and "Overblik" in page.decode()
                # Without the cookie, the second sends a stranger to the sign-in page.
                status, _, page = Browser().get(f"{second.url}/")
                assert "Overblik" not in page.decode() and 'name="password"' in page.decode()

                # Rendered by the first, served from Redis by the second: the same document, made once.
                status, first_headers, first_pdf = browser.get(f"{first.url}/dokumenter/handlingsplan.pdf")
                assert status == 200 and first_pdf.startswith(b"%PDF-")
                cached = [k for k in store.scan_iter(f"{prefix}:*pdf:action-plan:*") if not k.endswith(b":facts")]
                assert len(cached) == 1
                status, second_headers, second_pdf = browser.get(f"{second.url}/dokumenter/handlingsplan.pdf")
                assert status == 200
                assert second_pdf == first_pdf
                assert second_headers["Last-Modified"] == first_headers["Last-Modified"]
                assert second_headers["Content-Disposition"] == first_headers["Content-Disposition"]

                assert first.stop() == 0, first.output()
                assert second.stop() == 0, second.output()
        finally:
            for key in store.scan_iter(f"{prefix}:*"):
                store.delete(key)
