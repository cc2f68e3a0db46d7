"""bin/run's sign-in: the secretariat's superuser is created once, with a password nobody committed."""

import io
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def ensure_admin(tmp_path) -> str:
    out = io.StringIO()
    call_command("ensure_admin", "--password-file", str(tmp_path / ".admin-password"), stdout=out)
    return out.getvalue()


def test_a_generated_password_is_kept_private_printed_once_and_signs_in(tmp_path, monkeypatch):
    monkeypatch.delenv("BYAFTALE_ADMIN_USER", raising=False)
    monkeypatch.delenv("BYAFTALE_ADMIN_PASSWORD", raising=False)

    first = ensure_admin(tmp_path)
    second = ensure_admin(tmp_path)

    password = (tmp_path / ".admin-password").read_text().strip()
    user = get_user_model().objects.get(username="sekretariat")
    assert user.is_superuser and user.check_password(password)
    assert password in first and password not in second
    assert "exists already" in second
    assert stat.S_IMODE((tmp_path / ".admin-password").stat().st_mode) == 0o600


def test_a_password_given_in_the_environment_is_used_and_never_printed(tmp_path, monkeypatch):
    monkeypatch.setenv("BYAFTALE_ADMIN_USER", "anne")
    monkeypatch.setenv("BYAFTALE_ADMIN_PASSWORD", "en-meget-lang-kode-2026")

    output = ensure_admin(tmp_path)

    assert get_user_model().objects.get(username="anne").check_password("en-meget-lang-kode-2026")
    assert "en-meget-lang-kode-2026" not in output
    assert not (tmp_path / ".admin-password").exists()
