"""A board member's round in Chromium: signs in, lands on the plan (not the steering group's dashboard),
downloads a PDF, and finds the admin closed."""

import re
from pathlib import Path

from playwright.sync_api import expect

from byaftale.access import BOARD_MEMBER
from tests.pdf_reading import full_text


def test_a_board_member_downloads_the_masterplan_and_cannot_open_the_admin(page, live_server, seeded_live, sign_in):
    sign_in(BOARD_MEMBER, username="bestyrelse", first_name="Bente", last_name="Bestyrelse")

    expect(page).to_have_url(re.compile(r"/masterplan/$"))
    navigation = page.get_by_role("navigation", name="Hovedmenu")
    expect(navigation.get_by_role("link", name="Overblik")).to_have_count(0)
    expect(navigation.get_by_role("link", name="Administration")).to_have_count(0)

    navigation.get_by_role("link", name="Dokumenter").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"A3 liggende")).click()
    download = download_info.value
    assert re.fullmatch(r"byaftale-masterplan-a3-ver-1\.3-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert "Energi på dagsordenen" in full_text(pdf)

    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    # The admin signs in on the portal's own page, which says why a board member gets no further.
    expect(page.get_by_text("men den bruger har ikke adgang til administrationen")).to_be_visible()

    page.goto(f"{live_server.url}/admin/projects/project/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
