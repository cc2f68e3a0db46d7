"""Production is configured from the environment alone and passes Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # A clean environment, so neither the developer's .env nor the test settings leak in.
    base = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_DEBUG": "false",
        "DJANGO_ENV_FILE": "/nonexistent/.env",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(tmp_path: Path, **env: str) -> dict[str, str]:
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "byaftale.odense.dk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        **env,
    }


# A deployment chooses HSTS for subdomains and preload, either way; here it chooses neither.
HSTS_CHOSEN = {"DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "false", "DJANGO_SECURE_HSTS_PRELOAD": "false"}


def test_production_settings_pass_check_deploy(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production(tmp_path, **HSTS_CHOSEN))

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_asks_a_deployment_to_choose_hsts_subdomains_and_preload(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production(tmp_path))

    assert result.returncode != 0
    assert "security.W005" in result.stderr and "security.W021" in result.stderr


def test_check_deploy_still_catches_a_missing_hsts(tmp_path):
    env = production(tmp_path, DJANGO_SECURE_HSTS_SECONDS="0", **HSTS_CHOSEN)
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode != 0
    assert "security.W004" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "False False"), (HSTS_CHOSEN, "False False"), (dict.fromkeys(HSTS_CHOSEN, "true"), "True True")],
)
def test_hsts_subdomains_and_preload_are_off_unless_a_deployment_chooses_them(tmp_path, env, expected):
    code = "from django.conf import settings as s; print(s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    result = manage("shell", "--no-imports", "-c", code, **production(tmp_path, **env))

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected.split()


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        (None, "django.db.backends.sqlite3"),
        ("postgres://byaftale@db.example.dk:5432/byaftale", "django.db.backends.postgresql"),
    ],
)
def test_the_database_comes_from_database_url_with_sqlite_as_the_default(url, engine):
    env = {"DJANGO_SECRET_KEY": "x" * 50}
    if url:
        env["DATABASE_URL"] = url
    code = "from django.conf import settings as s; d=s.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
    result = manage("shell", "--no-imports", "-c", code, **env)

    assert result.returncode == 0, result.stderr
    found_engine, name = result.stdout.split()
    assert found_engine == engine
    assert name == ("byaftale" if url else str(ROOT / "db.sqlite3"))


SIGN_IN_SETTINGS = (
    "from django.conf import settings as s; print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), "
    "s.TRUSTED_PROXY_COUNT, s.SESSION_COOKIE_AGE, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_SAVE_EVERY_REQUEST, "
    "s.EMAIL_BACKEND, s.DEFAULT_FROM_EMAIL)"
)


def test_sign_in_sessions_and_mail_have_safe_defaults():
    result = manage("shell", "--no-imports", "-c", SIGN_IN_SETTINGS, DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "5",
        "900.0",
        "0",
        str(8 * 60 * 60),
        "False",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "byaftale@localhost",
    ]


def test_sign_in_sessions_and_mail_come_from_the_environment():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        SIGN_IN_SETTINGS,
        DJANGO_SECRET_KEY="x" * 50,
        BYAFTALE_LOGIN_FAILURE_LIMIT="10",
        BYAFTALE_LOGIN_COOLOFF_MINUTES="30",
        BYAFTALE_TRUSTED_PROXY_COUNT="1",
        BYAFTALE_SESSION_IDLE_HOURS="2",
        BYAFTALE_SESSION_EXPIRE_AT_BROWSER_CLOSE="true",
        EMAIL_URL="smtp+tls://byaftale:kode@smtp.odense.dk:587",
        DJANGO_DEFAULT_FROM_EMAIL="byaftale@odense.dk",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "10",
        "1800.0",
        "1",
        "7200",
        "True",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
        "byaftale@odense.dk",
    ]
