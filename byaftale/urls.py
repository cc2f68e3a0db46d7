"""URL configuration: the admin for the secretariat and the language switch."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Byaftale"
admin.site.site_title = "Byaftale"
admin.site.index_title = "Handlingsplanen og samarbejdet"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
