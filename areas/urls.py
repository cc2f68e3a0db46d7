"""Stable addresses: people bookmark the focus areas' pages."""

from django.urls import path

from . import views

app_name = "areas"

urlpatterns = [path("indsatsomraader/<slug:area_slug>/", views.area, name="area")]
