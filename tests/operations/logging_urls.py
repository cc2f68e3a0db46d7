"""A page that writes a log line, for tests/operations/test_request_id.py."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

logger = logging.getLogger(__name__)


@login_not_required
def log_something(request):
    logger.info("something happened")
    return HttpResponse("ok")


urlpatterns = [path("log/", log_something)]
