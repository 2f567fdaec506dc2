"""Sign-in forms (the main login, the portal's and the admin's) with phone normalisation and
throttling of wrong passwords. Labels and messages are Vietnamese (gettext, English in the
catalogue)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.accounts import ratelimit
from motcua.accounts.phone import looks_like_phone, phone_normalize


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
