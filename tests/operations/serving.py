"""Helpers for the tests that run the portal for real: a fresh PostgreSQL database, the production
environment a deployment sets, a server process started and stopped by signal, and a small HTTP client
that signs in as a browser does (cookies, CSRF token)."""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "serve-test-password-42"
REDIS_URL = os.environ.get("BYAFTALE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")

on_postgresql = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="production runs on PostgreSQL: several gunicorn processes and the worker writing one SQLite file "
    "would test SQLite's lock, not the portal; this runs in the PostgreSQL pass",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_closed(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@contextlib.contextmanager
def fresh_database(suffix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database beside the test database; its URL. Dropped afterwards."""
    import psycopg  # noqa: PLC0415 - only the PostgreSQL pass gets here

    db = settings.DATABASES["default"]
    base = db.get("TEST", {}).get("NAME") or f"test_{db['NAME']}"
    name = f"{base}_{suffix}"[:63]
    server = {"host": db["HOST"] or "127.0.0.1", "port": db["PORT"] or 5432, "user": db["USER"], "dbname": "postgres"}
    if db.get("PASSWORD"):
        server["password"] = db["PASSWORD"]

    def admin(sql: str) -> None:
        with psycopg.connect(**server, autocommit=True) as connection:
            connection.execute(sql)

    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    try:
        yield f"postgres://{db['USER']}{password}@{server['host']}:{server['port']}/{name}"
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(tmp_path: Path, database_url: str, **extra: str) -> dict[str, str]:
    """The environment a deployment sets (README "Production"), for plain HTTP on 127.0.0.1."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "DJANGO_ENV_FILE": "/nonexistent/.env",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
        "DJANGO_SECURE_HSTS_PRELOAD": "false",
        # Only because the test speaks plain HTTP; a deployment keeps these on behind its HTTPS proxy.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SESSION_COOKIE_SECURE": "false",
        "DJANGO_CSRF_COOKIE_SECURE": "false",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_CACHE_URL": f"filecache://{tmp_path / 'cache'}",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        # Two web processes are plenty for a test on a 2-core machine.
        "BYAFTALE_WEB_WORKERS": "2",
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def seed_with_user(env: dict[str, str], username: str, role: str) -> None:
    """The seed plan and one user of `role` with PASSWORD, in the server's database."""
    manage(env, "load_initial_data", "--if-empty", "-v", "0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User; "
        f"u = User.objects.create_user({username!r}, '{username}@example.dk', {PASSWORD!r}); "
        f"u.groups.add(Group.objects.get(name={role!r}))",
    )


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_until_healthy(self, timeout: float = 180) -> None:
        # Generous: on a busy 2-core machine migrate and collectstatic alone took 45 s.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"The server stopped (exit code {self.process.returncode}):\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"/healthz did not answer 200 within {timeout} s:\n{self.output()}")

    def leftover_processes(self) -> list[str]:
        """The command lines of processes still in the server's process group (its session)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if os.getpgid(int(entry.name)) == self.process.pid:
                        found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip())
        return found

    def stop(self, timeout: float = 40) -> int:
        """SIGTERM, as a service manager sends; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise AssertionError(f"The server did not stop within {timeout} s of SIGTERM:\n{self.output()}") from None


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[Server]:
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(process, port, log)
    try:
        yield server
    finally:
        if process.poll() is None:
            # A test that failed midway: leave nothing running.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Browser:
    """Cookies and CSRF as a browser keeps them, over real HTTP; may talk to several servers."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, url: str) -> tuple[int, dict[str, str], bytes]:
        try:
            with self.opener.open(url, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def sign_in(self, server_url: str, username: str, password: str = PASSWORD) -> tuple[int, str, str]:
        """Sign in on the sign-in page; the status and final address after the redirect, and the page."""
        status, _, page = self.get(f"{server_url}/log-ind/")
        assert status == 200, page[:500]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": password}
        ).encode()
        request = urllib.request.Request(
            f"{server_url}/log-ind/", data=form, headers={"Referer": f"{server_url}/log-ind/"}
        )
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode()
