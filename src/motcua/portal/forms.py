"""Citizen forms. Labels and messages are Vietnamese (gettext, English in the catalogue)."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.portal import ratelimit
from motcua.portal.domain.text import looks_like_phone, phone_normalize
from motcua.portal.services import password_check


class NoColon:
    """Labels without Django's trailing colon (screen readers read the label as written)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def login_identifier(text: str) -> str:
    """What the user typed to sign in, normalised: phone numbers to 0xxxxxxxxx."""
    text = (text or "").strip()
    if looks_like_phone(text):
        return phone_normalize(text) or text
    return text.lower()


class RegisterForm(NoColon, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    phone = forms.CharField(
        label=_("Số điện thoại di động"),
        max_length=20,
        required=False,
        help_text=_("Chúng tôi gửi mã xác thực 6 chữ số qua tin nhắn SMS tới số này."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc nếu có số điện thoại)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        help_text=_("Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá phổ biến."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    error_messages = {"required": _("Vui lòng nhập thông tin này.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.setdefault("required", self.error_messages["required"])
            field.error_messages["required"] = self.error_messages["required"]
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not phone_normalize(phone):
            raise ValidationError(_("Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678)."))
        return phone_normalize(phone) or ""

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error("phone", _("Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử."))
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Hai mật khẩu không giống nhau."))
        return data


class OtpForm(NoColon, forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực (6 chữ số)"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
        error_messages={"required": _("Vui lòng nhập mã xác thực.")},
    )


def _unverified(identifier: str, password: str) -> bool:
    """The right password for a phone registration that was never verified."""
    from motcua.accounts.models import User

    pending = User.objects.filter(
        phone=identifier, is_active=False, citizen_profile__phone_verified_at__isnull=True
    ).first()
    return bool(pending and pending.check_password(password))


class ThrottledLoginMixin:
    """Wrong passwords limited per account-and-address and per address (sliding windows, see
    `ratelimit`). Used by every sign-in form: the main and portal login, and the admin's."""

    throttle_messages = {"blocked": ratelimit.BLOCKED_MESSAGE}

    def _throttle_keys(self, identifier: str) -> list[tuple[str, str]]:
        ip = ratelimit.client_ip(self.request) if self.request else "unknown"
        return [("login:pair", ratelimit.pair_key(identifier, ip)), ("login:ip", ip)]

    def clean(self):
        identifier = login_identifier(self.cleaned_data.get("username", ""))
        self.cleaned_data["username"] = identifier
        keys = self._throttle_keys(identifier)
        for scope, key in keys:
            if ratelimit.ratelimit_blocked(scope=scope, key=key):
                minutes = ratelimit.ratelimit_minutes_left(scope=scope, key=key)
                raise ValidationError(
                    self.throttle_messages["blocked"].format(minutes=minutes), code="blocked"
                )
        try:
            data = super().clean()
        except ValidationError:
            if self.cleaned_data.get("password"):
                for scope, key in keys:
                    ratelimit.ratelimit_hit(scope=scope, key=key)
                self.after_failure(identifier)
            raise
        # The owner got in from this address: their own earlier typos no longer count here.
        ratelimit.ratelimit_reset(scope=keys[0][0], key=keys[0][1])
        return data

    def after_failure(self, identifier: str) -> None:
        pass


class CitizenLoginForm(NoColon, ThrottledLoginMixin, AuthenticationForm):
    """Django's login form with phone normalisation and a limit on wrong passwords per
    account-and-address and per address (see `ratelimit.LIMITS`)."""

    error_messages = {
        "invalid_login": _(
            "Số điện thoại, thư điện tử hoặc mật khẩu không đúng. Vui lòng thử lại."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
        "unverified": _(
            "Tài khoản chưa xác thực số điện thoại. Hãy đăng ký lại với số điện thoại này "
            "để nhận mã xác thực mới."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Số điện thoại, thư điện tử hoặc tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")
        for name in ("username", "password"):
            self.fields[name].error_messages["required"] = _("Vui lòng nhập thông tin này.")

    def after_failure(self, identifier: str) -> None:
        password = self.cleaned_data.get("password")
        if _unverified(identifier, password):
            raise ValidationError(self.error_messages["unverified"], code="unverified")


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    """The admin's login (/quan-tri/login/) under the same limits as every other sign-in."""


class PhoneForm(NoColon, forms.Form):
    phone = forms.CharField(
        label=_("Số điện thoại đã đăng ký"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        error_messages={"required": _("Vui lòng nhập số điện thoại.")},
    )

    def clean_phone(self):
        phone = phone_normalize(self.cleaned_data["phone"])
        if not phone:
            raise ValidationError(_("Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678)."))
        return phone


class NewPasswordMixin:
    def clean_new_password2(self):
        p1 = self.cleaned_data.get("new_password1")
        p2 = self.cleaned_data.get("new_password2")
        if p1 and p2 and p1 != p2:
            raise ValidationError(_("Hai mật khẩu không giống nhau."))
        if p2:
            password_check(password=p2, user=getattr(self, "user", None))
        return p2


def _new_password_fields(form):
    form.fields["new_password1"] = forms.CharField(
        label=_("Mật khẩu mới"),
        strip=False,
        help_text=_("Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá phổ biến."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Vui lòng nhập mật khẩu mới.")},
    )
    form.fields["new_password2"] = forms.CharField(
        label=_("Nhập lại mật khẩu mới"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Vui lòng nhập lại mật khẩu mới.")},
    )


class PhoneResetForm(NewPasswordMixin, OtpForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)


class CitizenSetPasswordForm(NoColon, NewPasswordMixin, SetPasswordForm):
    """Django's set-password form (e-mail reset link) with Vietnamese labels and messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)

    def clean(self):
        # The checks ran in clean_new_password2 with Vietnamese messages; skip Django's own
        # (which would add the same errors again, partly in English).
        return forms.Form.clean(self)


class EmailResetForm(NoColon, PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Thư điện tử đã đăng ký")
        self.fields["email"].error_messages = {
            "required": _("Vui lòng nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
        }
