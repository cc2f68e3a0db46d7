"""Addresses for passwords: a forgotten one reset by e-mail, and every signed-in user's own change of it.

Django's views and URL names; the names are what Django's views and e-mails reverse.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    path("log-ind/glemt-adgangskode/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("log-ind/glemt-adgangskode/sendt/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "log-ind/nulstil/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("log-ind/nulstil/faerdig/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # The admin's login page links to a page of this name when there is one.
    path("log-ind/glemt-adgangskode/", auth_views.PasswordResetView.as_view(), name="admin_password_reset"),
    path("konto/adgangskode/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("konto/adgangskode/skiftet/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
