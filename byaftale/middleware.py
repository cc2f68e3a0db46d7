"""The portal's language: Danish for everyone, English only for those who chose it with the language switch.

Django's LocaleMiddleware falls back on the browser's Accept-Language, and the active language decides how
forms read numbers and how dates are written; a portal in Danish should not turn English because a browser
is. The choice is the language cookie that Django's set_language view (the header's switch) sets.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request: HttpRequest) -> str:
    """The language of the cookie when it names one of the portal's languages, else settings.LANGUAGE_CODE."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Activate the chosen language (never one from Accept-Language) for the request, the admin included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # Pages differ by the cookie, not by Accept-Language; caches must keep them apart accordingly.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
