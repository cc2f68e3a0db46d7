"""A request id on every request: taken from a load balancer's X-Request-ID when it is a sane token,
made otherwise; put on every log line of the request (operations.logging) and sent back in the response."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .logging import request_id

HEADER = "X-Request-ID"
# A proxy's id is trusted only as a short token: it goes into log lines, so no spaces or control characters.
_SANE = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(HEADER, "")
        current = given if _SANE.fullmatch(given) else uuid.uuid4().hex
        request.request_id = current  # type: ignore[attr-defined]
        token = request_id.set(current)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[HEADER] = current
        return response
