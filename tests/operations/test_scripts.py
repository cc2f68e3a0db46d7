"""The commands of the README answer --help with their usage and start nothing."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["bin/run", "bin/test", "bin/serve", "bin/setup"])
def test_help_prints_the_usage_and_starts_nothing(script):
    done = subprocess.run([ROOT / script, "--help"], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    assert "Usage: bin/" in done.stdout
    # Every step of these scripts announces itself with "==>": none ran.
    assert "==>" not in done.stdout + done.stderr


def test_an_unknown_option_is_refused():
    done = subprocess.run([ROOT / "bin/serve", "--bogus"], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 2
    assert "unknown option '--bogus'" in done.stderr


def test_setup_waits_for_the_apt_lock_and_installs_harfbuzzs_subsetter():
    setup = (ROOT / "bin/setup").read_text()
    assert "DPkg::Lock::Timeout=" in setup
    assert "libharfbuzz-subset0" in setup


def test_weasyprint_subsets_fonts_with_harfbuzz_and_warns_of_nothing(caplog):
    """With libharfbuzz-subset0 (bin/setup) WeasyPrint no longer falls back to fontTools with a warning."""
    import logging

    from weasyprint import HTML

    with caplog.at_level(logging.INFO, logger="weasyprint"):
        pdf = HTML(string="<p style='font-family: DejaVu Sans'>Boligaftale æøå</p>").write_pdf()
    assert pdf.startswith(b"%PDF-")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], [r.getMessage() for r in caplog.records]
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
