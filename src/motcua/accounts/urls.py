from django.contrib.auth import views as auth_views
from django.urls import path

from motcua.accounts.forms import CitizenLoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            redirect_authenticated_user=True,
            # Phone numbers normalised; wrong passwords limited per identifier and per address.
            authentication_form=CitizenLoginForm,
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
]
