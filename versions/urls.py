"""Stable addresses of the plan's versions: /versioner/1.3/ and its documents never move."""

from django.urls import path, re_path

from . import views
from .models import VERSION_NAME_PATTERN

app_name = "versions"

NAME = rf"(?P<name>{VERSION_NAME_PATTERN})"
OTHER = rf"(?P<other>{VERSION_NAME_PATTERN}|nu)"

urlpatterns = [
    path("", views.version_list, name="list"),
    path("sammenlign/", views.choose_comparison, name="choose-comparison"),
    re_path(rf"^{NAME}/$", views.version, name="version"),
    re_path(rf"^{NAME}/(?P<document>handlingsplan|masterplan-a4|masterplan-a3)\.pdf$", views.version_pdf, name="pdf"),
    re_path(rf"^{NAME}/projekter\.xlsx$", views.version_xlsx, name="xlsx"),
    re_path(rf"^{NAME}/sammenlign/{OTHER}\.pdf$", views.compare_pdf, name="compare-pdf"),
    re_path(rf"^{NAME}/sammenlign/{OTHER}/$", views.compare, name="compare"),
]
