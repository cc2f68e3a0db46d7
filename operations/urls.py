"""The operations addresses: the health check and the reminder preferences."""

from django.urls import path

from . import views

app_name = "operations"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("konto/paamindelser/", views.preferences, name="preferences"),
]
