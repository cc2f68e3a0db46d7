"""URL configuration: the portal's pages, the admin for the secretariat and the language switch."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Byaftale – the secretariat")
admin.site.site_title = _("Byaftale")
admin.site.index_title = _("The action plan and the cooperation")

urlpatterns = [
    path("log-ind/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("", include("projects.urls")),
    path("parter/", include("parties.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
