"""URL configuration: the portal's pages, the admin for the secretariat and the language switch."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

admin.site.site_header = _("Byaftale – the secretariat")
admin.site.site_title = _("Byaftale")
admin.site.index_title = _("The action plan and the cooperation")
# The nav sidebar beside the filters would squeeze a changelist at 1280 px; the breadcrumbs and Home lead back.
admin.site.enable_nav_sidebar = False
# One sign-in page for the portal and the admin; it posts to the portal's, where django-axes watches both.
admin.site.login_template = "registration/login.html"

# A refused page names the roles that open it (byaftale/errors.py); 400, 404 and 500 are Django's views
# with the portal's templates (templates/400.html …).
handler403 = "byaftale.errors.permission_denied"

urlpatterns = [
    path("log-ind/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("", include("dashboard.urls")),
    path("", include("areas.urls")),
    path("", include("projects.urls")),
    path("", include("documents.urls")),
    path("", include("search.urls")),
    path("parter/", include("parties.urls")),
    path("versioner/", include("versions.urls")),
    path("samarbejdsaftale/", include("cooperation.urls")),
    path("", include("meetings.urls")),
    path("", include("pages.urls")),
    # /healthz and the reminder preferences (issue 13).
    path("", include("operations.urls")),
    # The language switch is on the sign-in page too, before anyone has signed in.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
