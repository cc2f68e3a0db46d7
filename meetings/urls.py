"""Stable addresses of the meetings: people bookmark them and calendars subscribe to them."""

from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("moeder/", views.meeting_list, name="meetings"),
    path("moeder/<int:pk>/", views.meeting, name="meeting"),
    path("moeder/<int:pk>/punkter/<int:position>/kommentar/", views.new_comment, name="new-comment"),
    path("moeder/<int:pk>/dagsorden.pdf", views.agenda_pdf, name="agenda-pdf"),
    path("moeder/<int:pk>/referat.pdf", views.minutes_pdf, name="minutes-pdf"),
    path("moeder/<int:pk>/bilag/<int:paper_pk>/", views.paper, name="paper"),
    path("mine-opgaver/", views.my_tasks, name="my-tasks"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]
