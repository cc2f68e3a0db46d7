"""A party's page: what it is responsible for across the plan."""

from django.urls import path

from . import views

app_name = "parties"

urlpatterns = [path("<int:pk>/", views.party, name="party")]
