"""The agreement's stable address."""

from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("", views.agreement, name="agreement"),
]
