"""The sign-in lock-out: which address a sign-in comes from, and the page a locked-out sign-in meets.

django-axes counts the failures and decides on the lock-out (see the AXES_* settings); these are the two
callables it is configured with.
"""

import ipaddress
import math
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def _valid_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def client_ip_address(request: HttpRequest) -> str | None:
    """The address a request comes from: the connection's own, or, behind `TRUSTED_PROXY_COUNT` proxies, the
    address the outermost proxy saw.

    Each proxy appends the address it was connected from to X-Forwarded-For, so that address is the
    TRUSTED_PROXY_COUNT-th from the right; anything further left is what the client chose to send and is
    never trusted, or a forged header would give every guess a fresh address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and _valid_ip_address(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The portal's page for a locked-out sign-in (status 429), saying when to try again.

    Every attempt during a lock-out is counted and starts the cool-off again, so the lock-out ends one
    cool-off after this attempt.
    """
    cool_off = get_cool_off(request)
    # django-axes sets the attempt's time on the request before it calls this.
    try_again_at = timezone.localtime(request.axes_attempt_time + cool_off)  # type: ignore[attr-defined]
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60))
    response = render(
        request,
        "registration/locked_out.html",
        {"try_again_at": try_again_at, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
