"""The frame around every page (templates/base.html): a skip link first, a header whose menu shows each
person the pages their role opens and marks where they are, the search box for those who read the plan,
their name with a sign-out button, and the messages of the last action above the content."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import resolve, reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from tests.factories import make_user
from tests.html import element, elements

pytestmark = pytest.mark.django_db


def frame(user, path: str = "/masterplan/", messages: tuple[tuple[int, str], ...] = ()) -> str:
    """base.html as it is drawn around the page at `path` for `user`, without the page's own view."""
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(path)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    for level, text in messages:
        request._messages.add(level, text)
    return render_to_string("base.html", request=request)


def header_of(html: str) -> str:
    return element(html, "header", **{"class": "site-header"}).outer


def menu_links(html: str) -> dict[str, str | None]:
    """Each menu link's text and its aria-current value (None where it has none)."""
    navs = elements(html, "nav", **{"class": "site-nav"})
    if not navs:
        return {}
    return {link.text: link.attrs.get("aria-current") for link in elements(navs[0].outer, "a")}


def test_every_page_opens_with_a_skip_link_to_the_content(client):
    html = client.get("/log-ind/").content.decode()

    body = html.split("<body>", 1)[1].lstrip()
    assert body.startswith('<a class="skip-link" href="#main">Gå til indholdet</a>')
    assert '<main id="main" tabindex="-1">' in html
    assert '<html lang="da">' in html


def test_a_board_member_reads_the_plan_searches_and_signs_out_from_the_header(client, seeded):
    client.force_login(make_user(BOARD_MEMBER, first_name="Birthe", last_name="Bech"))

    header = header_of(client.get(reverse("documents:masterplan")).content.decode())

    assert '<form class="site-search" role="search" method="get" action="/soeg/">' in header
    assert '<label class="visually-hidden" for="site-search-q">Søg</label>' in header
    assert '<input type="search" id="site-search-q" name="q" value=""' in header
    assert '<button type="submit">Søg</button>' in header
    assert list(menu_links(header)) == ["Masterplan", "Dokumenter", "Møder", "Mine opgaver"]
    assert '<span class="user-name">Birthe Bech</span>' in header
    assert re.search(
        r'<form class="sign-out" method="post" action="/log-ud/">.*<button type="submit">Log ud</button>', header, re.S
    )


def test_the_steering_group_also_has_the_overview(db):
    menu = menu_links(frame(make_user(STEERING_GROUP)))

    assert list(menu) == ["Overblik", "Masterplan", "Dokumenter", "Møder", "Mine opgaver"]


def test_staff_also_have_the_administration(db):
    menu = menu_links(frame(make_user(SECRETARIAT, is_staff=True)))

    assert list(menu) == ["Overblik", "Masterplan", "Dokumenter", "Møder", "Mine opgaver", "Administration"]


def test_a_user_without_a_role_sees_only_their_name_and_sign_out(db):
    header = header_of(frame(make_user(None, first_name="Uden", last_name="Rolle")))

    assert "<nav" not in header
    assert 'role="search"' not in header
    assert "Uden Rolle" in header and "Log ud" in header


def test_the_username_stands_in_for_a_missing_full_name(db):
    header = header_of(frame(make_user(BOARD_MEMBER, username="kbh", first_name="", last_name="")))

    assert '<span class="user-name">kbh</span>' in header


@pytest.mark.parametrize(
    ("path", "link", "current"),
    [
        ("/", "Overblik", "page"),
        ("/indsatsomraader/energi-og-klima/", "Overblik", "true"),
        ("/projekter/energi-og-klima/3/", "Overblik", "true"),
        ("/projekter/energi-og-klima/3/status/", "Overblik", "true"),
        ("/masterplan/", "Masterplan", "page"),
        ("/masterplan/energi-og-klima/", "Masterplan", "true"),
        ("/dokumenter/", "Dokumenter", "page"),
        ("/moeder/", "Møder", "page"),
        ("/mine-opgaver/", "Mine opgaver", "page"),
    ],
)
def test_the_menu_marks_where_you_are(db, path, link, current):
    menu = menu_links(frame(make_user(STEERING_GROUP), path))

    assert menu[link] == current
    assert [text for text, value in menu.items() if value] == [link]


def test_on_the_search_page_no_menu_link_is_current_and_the_box_holds_the_query(client, seeded):
    client.force_login(make_user(STEERING_GROUP))

    header = header_of(client.get(reverse("search:search"), {"q": "klima"}).content.decode())

    assert not any(menu_links(header).values())
    assert 'name="q" value="klima"' in header


def test_messages_are_announced_above_the_content(db):
    html = frame(
        make_user(STEERING_GROUP),
        messages=((constants.SUCCESS, "Statusrapporten er gemt."), (constants.ERROR, "Timerne blev ikke gemt.")),
    )

    main = html.split('<main id="main" tabindex="-1">', 1)[1].lstrip()
    assert main.startswith('<ul class="messages" role="status">')
    assert '<li class="message-success">Statusrapporten er gemt.</li>' in main
    assert '<li class="message-error"><span class="visually-hidden">Fejl: </span>Timerne blev ikke gemt.</li>' in main


def test_without_messages_there_is_no_empty_list(db):
    assert 'class="messages"' not in frame(make_user(STEERING_GROUP))


def test_messages_are_shown_once_and_then_gone(client, seeded):
    user = make_user(BOARD_MEMBER)
    client.force_login(user)
    response = client.get(reverse("documents:documents"))
    storage = get_messages(response.wsgi_request)
    storage.add(constants.INFO, "Planen er opdateret.")
    storage.update(response)
    client.cookies.update(response.cookies)

    first = client.get(reverse("documents:documents")).content.decode()
    second = client.get(reverse("documents:documents")).content.decode()

    assert '<li class="message-info">Planen er opdateret.</li>' in first
    assert "Planen er opdateret." not in second


def test_the_stylesheet_keeps_the_classes_the_plan_pages_use():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "portal.css").read_text()

    for used in [
        "skip-link",
        "site-header",
        "site-name",
        "sign-out",
        "lead",
        "area-tabs",
        "gantt-scroll",
        "document-list",
        "visually-hidden",
    ]:
        assert f".{used}" in css, used
    assert ":focus-visible" in css


def test_the_portal_sets_its_text_in_the_bundled_ibm_plex_sans_with_the_system_font_behind_it():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/portal.css")).read_text()

    assert re.search(r'html \{ font-family: "IBM Plex Sans", system-ui', css)
    faces = re.findall(r"@font-face \{[^}]*\}", css)
    assert len(faces) == 3 and all("font-display: swap" in face for face in faces)
    for url in re.findall(r'url\("\.\./(fonts/[^"]+)"\)', css):
        assert finders.find(url), url
    assert finders.find("fonts/ibm-plex-sans/OFL.txt")


def test_every_page_names_its_sender_and_has_a_favicon(client):
    from django.contrib.staticfiles import finders

    html = client.get("/log-ind/").content.decode()

    assert '<span class="site-sender">Odense Kommune og de almene boligorganisationer i Odense</span>' in html
    for icon in re.findall(r'<link rel="icon" href="/static/([^"]+)"', html):
        assert finders.find(icon), icon
    assert 'href="/static/favicon.svg"' in html
