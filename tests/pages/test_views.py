"""The accessibility statement (pages/views.py): at a stable Danish address, readable without signing in,
written by the secretariat in the admin, and linked from every page's footer."""

import pytest
from django.urls import reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT
from pages.models import ACCESSIBILITY_STATEMENT, SitePage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_is_open_to_anyone_and_indexable(client):
    response = client.get("/tilgaengelighed/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Tilgængelighedserklæring</h1>" in html
    assert "Digitaliseringsstyrelsen" in html
    assert 'name="robots"' not in html
    assert "X-Robots-Tag" not in response.headers


def test_the_statement_shows_what_the_secretariat_last_wrote(client):
    page = SitePage.objects.get(slug=ACCESSIBILITY_STATEMENT)
    page.text = "Første afsnit.\n\nAndet afsnit."
    page.save()

    html = client.get(reverse("pages:accessibility")).content.decode()

    assert "<p>Første afsnit.</p>" in html and "<p>Andet afsnit.</p>" in html
    assert page.history.count() == 1


def test_every_page_links_to_the_statement_from_its_footer(client):
    client.force_login(make_user(BOARD_MEMBER))

    html = client.get(reverse("documents:masterplan")).content.decode()

    footer = html.split('<footer class="site-footer">', 1)[1]
    assert '<a href="/tilgaengelighed/">Tilgængelighedserklæring</a>' in footer
    assert "Kontakt:" in footer


def test_the_secretariat_edits_the_statement_in_the_admin_and_the_board_cannot(client):
    page = SitePage.objects.get(slug=ACCESSIBILITY_STATEMENT)
    change_url = reverse("admin:pages_sitepage_change", args=[page.pk])
    secretariat = make_user(SECRETARIAT, is_staff=True)
    client.force_login(secretariat)

    response = client.post(
        change_url,
        {
            "title": "Tilgængelighedserklæring",
            "slug": ACCESSIBILITY_STATEMENT,
            "updated_on": "2026-12-01",
            "text": "Portalen er gennemgået igen.",
            "loaded_version": page.version,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.text == "Portalen er gennemgået igen."
    assert page.history.first().history_user == secretariat
    assert make_user(BOARD_MEMBER).has_perm("pages.change_sitepage") is False
