"""Stable addresses: people bookmark the projects' pages, so these paths do not change."""

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projekter/<slug:area_slug>/<int:number>/", views.project, name="project"),
    path(
        "projekter/<slug:area_slug>/<int:number>/status/",
        views.new_report,
        {"kind": "status"},
        name="new-status-report",
    ),
    path("projekter/<slug:area_slug>/<int:number>/timer/", views.new_report, {"kind": "hours"}, name="new-hours"),
]
