"""Stable addresses: the search box in every page's header sends people here."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [path("soeg/", views.search, name="search")]
