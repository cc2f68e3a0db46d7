"""Stable addresses: people bookmark the dashboard, projects and documents, so these paths do not change."""

from django.urls import path

from .views import dashboard, plan, project, search

app_name = "projects"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("indsatsomraader/<slug:area_slug>/", dashboard.area, name="area"),
    path("opmaerksomhed/<slug:kind>/", dashboard.attention, name="attention"),
    path("projekter/<slug:area_slug>/<int:number>/", project.project, name="project"),
    path("projekter/<slug:area_slug>/<int:number>/status/", project.new_status_report, name="new-status-report"),
    path("projekter/<slug:area_slug>/<int:number>/timer/", project.new_hour_registration, name="new-hours"),
    path("soeg/", search.search, name="search"),
    path("masterplan/", plan.masterplan, name="masterplan"),
    path("masterplan/<slug:area_slug>/", plan.masterplan, name="area-masterplan"),
    path("dokumenter/", plan.document_list, name="documents"),
    path("dokumenter/handlingsplan.pdf", plan.action_plan_pdf, name="action-plan-pdf"),
    path("dokumenter/masterplan-<str:paper>.pdf", plan.masterplan_pdf, name="masterplan-pdf"),
    path("dokumenter/indsatsomraade/<slug:area_slug>.pdf", plan.area_pdf, name="area-pdf"),
]
