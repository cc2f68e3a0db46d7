"""URL configuration: the portal's pages, the admin for the secretariat and the language switch."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = _("Byaftale – the secretariat")
admin.site.site_title = _("Byaftale")
admin.site.index_title = _("The action plan and the cooperation")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="projects:masterplan", permanent=False)),
    path("", include("projects.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
