"""Stable addresses: board members bookmark the masterplan and download the documents by these paths."""

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("masterplan/", views.masterplan, name="masterplan"),
    path("masterplan/<slug:area_slug>/", views.masterplan, name="area-masterplan"),
    path("dokumenter/", views.document_list, name="documents"),
    path("dokumenter/handlingsplan.pdf", views.action_plan_pdf, name="action-plan-pdf"),
    path("dokumenter/masterplan-<str:paper>.pdf", views.masterplan_pdf, name="masterplan-pdf"),
    path("dokumenter/indsatsomraade/<slug:area_slug>.pdf", views.area_pdf, name="area-pdf"),
]
