"""Response headers the portal adds to every page: which browser features a page may use
(Permissions-Policy), and that nothing shown to a signed-in user is kept in a cache (Cache-Control) or
indexed by a search engine (X-Robots-Tag).

The Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY); static files are
answered by WhiteNoise before these middlewares run, so they keep their own caching headers.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control

Middleware = Callable[[HttpRequest], HttpResponseBase]


def permissions_policy(denied: list[str]) -> str:
    """The Permissions-Policy header that allows none of the given browser features, e.g. camera=()."""
    return ", ".join(f"{feature}=()" for feature in denied)


class PermissionsPolicyMiddleware:
    """Deny the page the browser features of settings.PERMISSIONS_POLICY_DENIED (camera, microphone …)."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", permissions_policy(settings.PERMISSIONS_POLICY_DENIED))
        return response


class PrivateCacheMiddleware:
    """Mark every response to a signed-in user, pages and PDFs alike, `Cache-Control: private, no-store`,
    so neither a shared proxy nor the browser keeps the plan, hours or reports after the session, and
    `X-Robots-Tag: noindex, nofollow`, so no search engine lists them should a link leak."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response
