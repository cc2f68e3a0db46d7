"""The main pages' HTML, rendered as a signed-in secretariat member sees them, passes the W3C Nu checker
(bin/check-markup) without an error. Skipped, saying why, where Java or the checker is not installed."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from byaftale.access import SECRETARIAT
from tests.factories import make_user
from tests.main_pages import MAIN_PAGES

pytestmark = pytest.mark.django_db

CHECK_MARKUP = Path(settings.BASE_DIR) / "bin" / "check-markup"
VNU_JAR = Path(settings.BASE_DIR) / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def markup_errors(files: list[Path]) -> list[str]:
    """The checker's errors, one line each: file, line and message."""
    result = subprocess.run(
        [str(CHECK_MARKUP), *map(str, files)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "VNU_FORMAT": "json"},
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


@pytest.mark.skipif(shutil.which("java") is None, reason="Java is not installed, so the W3C Nu checker cannot run")
@pytest.mark.skipif(not VNU_JAR.is_file(), reason=f"the W3C Nu checker is not at {VNU_JAR}; run bin/setup --test")
def test_the_main_pages_pass_the_w3c_nu_checker(client, seeded, tmp_path):
    files = []
    sign_in = client.get("/log-ind/")
    assert sign_in.status_code == 200
    (tmp_path / "sign-in.html").write_bytes(sign_in.content)
    files.append(tmp_path / "sign-in.html")
    client.force_login(make_user(SECRETARIAT, is_staff=True))
    for name, url in MAIN_PAGES.items():
        response = client.get(url())
        assert response.status_code == 200, name
        files.append(tmp_path / f"{name.replace(' ', '-')}.html")
        files[-1].write_bytes(response.content)
    # The forms again as a failed submit shows them, with the error summary and each field's errors.
    for name, data in {
        "hour registration form": {"date": "", "hours": "abc", "note": ""},
        "status report form": {"date": "", "light": "", "text": ""},
    }.items():
        failed = client.post(MAIN_PAGES[name](), data)
        assert failed.status_code == 200, name
        files.append(tmp_path / f"{name.replace(' ', '-')}-with-errors.html")
        files[-1].write_bytes(failed.content)

    errors = markup_errors(files)

    assert errors == [], "\n".join(errors)
