"""Citizen accounts: register, verify the phone, sign in and out, reset the password."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts import ratelimit
from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.portal.accounts import services
from motcua.portal.accounts.forms import (
    CitizenLoginForm,
    CitizenSetPasswordForm,
    EmailResetForm,
    OtpForm,
    PhoneForm,
    PhoneResetForm,
    RegisterForm,
)
from motcua.portal.accounts.identity import providers

PENDING = "portal_pending_user"
RESET_PHONE = "portal_reset_phone"
BACKEND = "motcua.accounts.backends.MotcuaBackend"


def _blocked(request, phone: str) -> str | None:
    """The 'too many tries' message when this phone or address may not check a code now."""
    for scope, key in _otp_keys(request, phone):
        if ratelimit.ratelimit_blocked(scope=scope, key=key):
            minutes = ratelimit.ratelimit_minutes_left(scope=scope, key=key)
            return ratelimit.BLOCKED_MESSAGE.format(minutes=minutes)
    return None


def _otp_keys(request, phone: str) -> list[tuple[str, str]]:
    # Per phone-and-address (the owner elsewhere is not locked out) and per address; the code
    # itself also dies after otp.MAX_ATTEMPTS wrong tries from anywhere.
    ip = ratelimit.client_ip(request)
    return [("otp:pair", ratelimit.pair_key(phone, ip)), ("otp:ip", ip)]


def _count_failure(request, phone: str) -> None:
    for scope, key in _otp_keys(request, phone):
        ratelimit.ratelimit_hit(scope=scope, key=key)


def _send_allowed(request) -> bool:
    return ratelimit.ratelimit_hit(scope="otp-send:ip", key=ratelimit.client_ip(request))


def register(request):
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["phone"] and not _send_allowed(request):
            form.add_error(None, ratelimit.BLOCKED_MESSAGE.format(minutes=60))
        else:
            try:
                user = services.citizen_register(
                    now=request.now,
                    full_name=data["full_name"],
                    password=data["password1"],
                    phone=data["phone"],
                    email=data["email"],
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict") and "password" in exc.error_dict:
                    exc.error_dict["password1"] = exc.error_dict.pop("password")
                form.add_error(None, exc)
            else:
                if user.phone:
                    request.session[PENDING] = user.pk
                    return redirect("portal:verify")
                login(request, user, backend=BACKEND)
                messages.success(request, _("Đăng ký thành công. Chào mừng bạn!"))
                return redirect("portal:home")
    return render(request, "portal/accounts/register.html", {"form": form})


def _pending_user(request) -> User | None:
    pk = request.session.get(PENDING)
    if pk is None:
        return None
    return User.objects.filter(pk=pk, is_active=False).first()


def verify(request):
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Vui lòng đăng ký hoặc đăng nhập."))
        return redirect("portal:register")
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        blocked = _blocked(request, user.phone)
        if blocked:
            form.add_error("code", blocked)
        else:
            try:
                services.citizen_phone_verify(
                    user=user, code=form.cleaned_data["code"], now=request.now
                )
            except services.OtpInvalid as exc:
                _count_failure(request, user.phone)
                form.add_error("code", exc)
            else:
                request.session.pop(PENDING, None)
                login(request, user, backend=BACKEND)
                messages.success(request, _("Đã xác thực số điện thoại. Tài khoản đã sẵn sàng."))
                return redirect("portal:home")
    masked = f"{user.phone[:3]}****{user.phone[-3:]}"
    return render(request, "portal/accounts/verify.html", {"form": form, "masked_phone": masked})


@require_POST
def verify_resend(request):
    user = _pending_user(request)
    if user is None:
        return redirect("portal:register")
    if not _send_allowed(request):
        messages.error(request, ratelimit.BLOCKED_MESSAGE.format(minutes=60))
        return redirect("portal:verify")
    try:
        services.otp_send(user=user, purpose=services.Purpose.VERIFY_PHONE, now=request.now)
    except services.OtpThrottled as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Đã gửi mã xác thực mới."))
    return redirect("portal:verify")


class LoginView(auth_views.LoginView):
    form_class = CitizenLoginForm
    template_name = "portal/accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if user.is_authenticated and not user.has_role(Role.CITIZEN):
            return reverse("core:home")
        return reverse("portal:home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(identity_providers=providers(), **kwargs)


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:home")


def password_reset(request):
    """Step 1 by phone: send a code to the account's phone (same answer whether or not an
    account has that number)."""
    form = PhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        if not _send_allowed(request):
            form.add_error(None, ratelimit.BLOCKED_MESSAGE.format(minutes=60))
        else:
            try:
                services.password_reset_code_send(phone=phone, now=request.now)
            except services.OtpThrottled:
                pass  # the earlier code is still valid; say nothing that reveals the account
            request.session[RESET_PHONE] = phone
            messages.info(
                request,
                _("Nếu số điện thoại đã đăng ký, mã xác thực đã được gửi tới số đó."),
            )
            return redirect("portal:password_reset_phone")
    return render(request, "portal/accounts/password_reset.html", {"form": form})


def password_reset_phone(request):
    """Step 2 by phone: the code and the new password."""
    phone = request.session.get(RESET_PHONE)
    if not phone:
        return redirect("portal:password_reset")
    form = PhoneResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        blocked = _blocked(request, phone)
        if blocked:
            form.add_error("code", blocked)
        else:
            try:
                services.password_reset_by_code(
                    now=request.now,
                    phone=phone,
                    code=form.cleaned_data["code"],
                    new_password=form.cleaned_data["new_password1"],
                )
            except services.OtpInvalid as exc:
                _count_failure(request, phone)
                form.add_error("code", exc)
            except ValidationError as exc:
                form.add_error("new_password2", exc)
            else:
                request.session.pop(RESET_PHONE, None)
                messages.success(
                    request, _("Đã đặt lại mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.")
                )
                return redirect("portal:login")
    return render(
        request,
        "portal/accounts/password_reset_phone.html",
        {"form": form, "masked_phone": f"{phone[:3]}****{phone[-3:]}"},
    )


class EmailResetView(auth_views.PasswordResetView):
    form_class = EmailResetForm
    template_name = "portal/accounts/password_reset_email.html"
    email_template_name = "portal/email/password_reset_body.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password_reset_email_sent")


class EmailResetSentView(auth_views.PasswordResetDoneView):
    template_name = "portal/accounts/password_reset_email_sent.html"


class EmailResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = CitizenSetPasswordForm
    template_name = "portal/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password_reset_complete")


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "portal/accounts/password_reset_complete.html"
