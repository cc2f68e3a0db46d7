"""Stable addresses: the front page is the dashboard; people bookmark the attention lists and the lists of
milestones not reached too."""

from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("opmaerksomhed/<slug:kind>/", views.attention, name="attention"),
    path("milepaele/<slug:kind>/", views.milestones, name="milestones"),
]
