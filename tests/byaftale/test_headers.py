"""The portal's security headers: a Content-Security-Policy its pages (the admin's included) live by,
a Permissions-Policy, no caching of what a signed-in user sees, and HSTS without the commitments."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from byaftale.access import BOARD_MEMBER
from parties.models import Party
from projects.models import Project
from tests.factories import make_user

pytestmark = pytest.mark.django_db

# What a browser runs as script; other types (application/json data blocks) are not executed.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class InlineCode(HTMLParser):
    """Collects what a Content-Security-Policy without 'unsafe-inline' would block in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in SCRIPT_TYPES:
            self._in_script = True
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            elif name == "style":
                self.found.append(f'<{tag} style="{value}">')
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append(f"inline script: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


# django-simple-history's history list sets its paginator's top border inline; the policy blocks it and
# the paginator shows a border, nothing else changes. Known and accepted, rather than copying its template.
ACCEPTED = {'<p style="border-top: 0">'}


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return [found for found in parser.found if found not in ACCEPTED]


def portal_pages() -> list[str]:
    project = Project.objects.select_related("area").get(area__slug="energi-og-klima", number=3)
    return [
        reverse("dashboard:dashboard"),
        reverse("documents:masterplan"),
        reverse("documents:area-masterplan", args=["energi-og-klima"]),
        reverse("areas:area", args=["energi-og-klima"]),
        project.get_absolute_url(),
        reverse("projects:new-status-report", args=["energi-og-klima", 3]),
        reverse("projects:new-hours", args=["energi-og-klima", 3]),
        reverse("documents:documents"),
        reverse("search:search") + "?q=energi",
        reverse("parties:party", args=[Party.objects.order_by("pk").first().pk]),
    ]


def admin_pages() -> list[str]:
    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    return [
        reverse("admin:index"),
        reverse("admin:projects_project_changelist"),
        reverse("admin:projects_project_change", args=[project.pk]),
        reverse("admin:projects_project_add"),
        reverse("admin:projects_project_history", args=[project.pk]),
        reverse("admin:projects_project_import"),
        reverse("admin:projects_project_export"),
        reverse("admin:parties_party_changelist"),
        reverse("admin:areas_focusarea_change", args=[project.area_id]),
        reverse("admin:password_change"),
    ]


def test_every_page_has_a_content_security_policy_without_unsafe_inline(seeded, admin_client_da):
    policy = admin_client_da.get(reverse("dashboard:dashboard"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))

    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert admin_client_da.get(reverse("admin:index"))["Content-Security-Policy"] == policy
    assert "Content-Security-Policy" in admin_client_da.get(reverse("login"), follow=False)


def test_the_portal_and_admin_pages_need_no_inline_script_or_style(seeded, admin_client_da):
    blocked = {}
    for url in [*portal_pages(), *admin_pages()]:
        response = admin_client_da.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response
        if found := inline_code(response.content.decode()):
            blocked[url] = found

    assert blocked == {}


def test_the_sign_in_page_needs_no_inline_script_or_style(client, db):
    assert inline_code(client.get(reverse("login")).content.decode()) == []
    assert inline_code(client.get(reverse("admin:login")).content.decode()) == []


def test_the_export_page_binds_its_select_all_box_from_a_static_script(seeded, admin_client_da):
    page = admin_client_da.get(reverse("admin:projects_project_export")).content.decode()

    assert 'class="select-toggle"' in page
    assert "/static/js/admin_export.js" in page
    assert "/static/import_export/export_selectable_fields.js" in page


def test_pages_deny_the_browser_features_the_portal_never_uses(client, db):
    signed_in = make_user(role=BOARD_MEMBER)
    anonymous = client.get(reverse("login"))["Permissions-Policy"]
    client.force_login(signed_in)
    page = client.get(reverse("documents:documents"))["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in anonymous.split(", ")
    assert page == anonymous


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/masterplan/",
        "/dokumenter/",
        "/dokumenter/masterplan-a4.pdf",
        "/projekter/energi-og-klima/3/",
        "/soeg/?q=energi",
    ],
)
def test_nothing_a_signed_in_user_sees_is_kept_in_a_cache(seeded, admin_client_da, url):
    response = admin_client_da.get(url)

    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_a_board_members_pdf_download_is_not_cached(seeded, client):
    client.force_login(make_user(role=BOARD_MEMBER))
    response = client.get("/dokumenter/indsatsomraade/boligsociale-indsatser.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_static_files_keep_their_public_caching_for_a_signed_in_user(admin_client_da):
    response = admin_client_da.get("/static/css/portal.css")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "private" not in response.get("Cache-Control", "")


def test_hsts_leaves_out_subdomains_and_preload_by_default(client, db):
    header = client.get(reverse("login"), secure=True)["Strict-Transport-Security"]

    assert header.startswith("max-age=")
    assert "includeSubDomains" not in header and "preload" not in header
