"""Citizen forms. Labels and messages are Vietnamese (gettext, English in the catalogue)."""

from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.accounts.forms import (  # noqa: F401 (the sign-in forms live in accounts)
    AdminLoginForm,
    CitizenLoginForm,
    NoColon,
    ThrottledLoginMixin,
    login_identifier,
)
from motcua.accounts.phone import phone_normalize
from motcua.portal.accounts.services import password_check


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
