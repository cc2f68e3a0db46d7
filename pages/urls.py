"""Stable Danish addresses of the public pages; the accessibility statement's is linked from every page."""

from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [path("tilgaengelighed/", views.accessibility_statement, name="accessibility")]
