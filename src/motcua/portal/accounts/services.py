"""Writes of the citizen portal: registration, one-time codes, password reset by phone,
identity links. Every function is keyword-only and atomic; bad input raises a Django
`ValidationError` with a Vietnamese message and changes nothing.

Wrong one-time codes are the exception to "changes nothing": the attempt is counted (and
committed) before `OtpInvalid` is raised, otherwise the 5-attempt limit could not hold.
"""

from datetime import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.crypto import constant_time_compare, salted_hmac

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.accounts.services import user_create
from motcua.core import clock as system_clock
from motcua.notifications.services import notification_enqueue
from motcua.portal.domain import otp
from motcua.portal.domain.text import phone_normalize
from motcua.portal.models import CitizenProfile, IdentityLink, OneTimeCode

Purpose = OneTimeCode.Purpose


class OtpInvalid(ValidationError):
    """The code was refused (wrong, expired, used up); `message` says why in Vietnamese."""


class OtpThrottled(ValidationError):
    """A new code may not be sent yet."""


# Django's validators speak English for some messages even under "vi"; these codes get our own
# wording (the validators' params fill the blanks).
PASSWORD_MESSAGES = {
    "password_too_short": "Mật khẩu quá ngắn: cần ít nhất {min_length} ký tự.",
    "password_too_common": "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.",
    "password_entirely_numeric": "Mật khẩu không được chỉ gồm chữ số.",
    "password_too_similar": "Mật khẩu quá giống thông tin tài khoản ({verbose_name}).",
}


def password_check(*, password: str, user: User | None = None) -> None:
    """Run Django's password validators (AUTH_PASSWORD_VALIDATORS) with Vietnamese messages."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        messages = []
        for error in exc.error_list:
            template = PASSWORD_MESSAGES.get(error.code)
            messages.append(
                template.format(**(error.params or {})) if template else error.messages[0]
            )
        raise ValidationError(messages) from exc


def _code_hash(*, user_id: int, purpose: str, code: str) -> str:
    # Keyed with SECRET_KEY: a stolen table alone does not give the codes back, even though
    # there are only a million of them.
    return salted_hmac(
        "motcua.portal.otp", f"{user_id}:{purpose}:{code}", algorithm="sha256"
    ).hexdigest()


def _pending_registration(phone: str) -> User | None:
    """A citizen account registered with `phone` but never verified (may be taken over by a
    new registration of the same phone: nobody ever proved to own it)."""
    return (
        User.objects.filter(
            phone=phone,
            is_active=False,
            last_login__isnull=True,
            citizen_profile__phone_verified_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


@transaction.atomic
def citizen_register(
    *, full_name: str, password: str, phone: str = "", email: str = "", now: datetime | None = None
) -> User:
    """Create a citizen account (role cong_dan) from a phone number and/or an e-mail address.

    With a phone the account stays inactive until the phone is verified with the code sent by
    SMS (`citizen_phone_verify`); with only an e-mail it is active at once. Registering again
    with the phone of an account that was never verified takes that account over.
    """
    now = now or system_clock.now()
    full_name = " ".join((full_name or "").split())
    email = (email or "").strip().lower()
    errors: dict[str, list[str]] = {}
    if not full_name:
        errors["full_name"] = ["Vui lòng nhập họ và tên."]
    normalized = ""
    if phone:
        normalized = phone_normalize(phone) or ""
        if not normalized:
            errors["phone"] = ["Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678)."]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = ["Địa chỉ thư điện tử không hợp lệ."]
    if not phone and not email:
        errors["phone"] = ["Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử."]

    pending = _pending_registration(normalized) if normalized else None
    others = User.objects.exclude(pk=pending.pk) if pending else User.objects.all()
    if (
        normalized
        and "phone" not in errors
        and others.filter(Q(phone=normalized) | Q(username__iexact=normalized)).exists()
    ):
        errors["phone"] = [
            "Số điện thoại này đã được đăng ký. Hãy đăng nhập hoặc lấy lại mật khẩu."
        ]
    if (
        email
        and "email" not in errors
        and others.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()
    ):
        errors["email"] = ["Thư điện tử này đã được đăng ký. Hãy đăng nhập hoặc lấy lại mật khẩu."]
    username = normalized or email
    if not errors:
        probe = pending or User(username=username, email=email, full_name=full_name)
        probe.email, probe.full_name = email, full_name
        try:
            password_check(password=password, user=probe)
        except ValidationError as exc:
            errors["password"] = exc.messages
    if errors:
        raise ValidationError(errors)

    if pending is not None:
        user = pending
        user.full_name, user.email = full_name, email
        user.set_password(password)
        user.save(update_fields=["full_name", "email", "password"])
    else:
        user = user_create(
            username=username,
            password=password,
            full_name=full_name,
            email=email,
            phone=normalized,
            roles=[Role.CITIZEN],
        )
        if normalized:
            user.is_active = False
            user.save(update_fields=["is_active"])
        CitizenProfile.objects.create(user=user)
    if normalized:
        otp_send(user=user, purpose=Purpose.VERIFY_PHONE, now=now)
    return user


@transaction.atomic
def otp_send(*, user: User, purpose: str, now: datetime | None = None) -> OneTimeCode:
    """Send a new 6-digit code to the user's phone (SMS through the notification outbox).

    Refused with `OtpThrottled` within 60 s of the previous code to that phone or after 5 codes
    in an hour. Earlier codes of the same purpose stop working: only the newest is checked.
    """
    now = now or system_clock.now()
    if not user.phone:
        raise ValidationError("Tài khoản chưa có số điện thoại.")
    sent = list(
        OneTimeCode.objects.filter(
            phone=user.phone, created_at__gt=now - otp.SEND_WINDOW
        ).values_list("purpose", "created_at")
    )
    same = [at for p, at in sent if p == purpose]
    decision = otp.send_decision(
        now=now,
        sent_at=[at for _, at in sent],
        last_same_purpose=max(same) if same else datetime.min.replace(tzinfo=now.tzinfo),
    )
    if not decision.allowed:
        raise OtpThrottled(decision.message, code="throttled")
    code = otp.code_generate()
    row = OneTimeCode.objects.create(
        user=user,
        purpose=purpose,
        phone=user.phone,
        code_hash=_code_hash(user_id=user.pk, purpose=purpose, code=code),
        created_at=now,
        expires_at=now + otp.TTL,
    )
    notification_enqueue(
        event="account.otp",
        recipient_phone=user.phone,
        context={
            "code": code,
            "purpose": Purpose(purpose).label,
            "minutes": int(otp.TTL.total_seconds() // 60),
            "applicant_name": user.full_name,
        },
        ref_type="user",
        ref_id=str(user.pk),
        language=user.language,
    )
    return row


def otp_verify(*, user: User, purpose: str, code: str, now: datetime | None = None) -> OneTimeCode:
    """Check `code` against the user's newest code for `purpose`; mark it used when right.

    Raises `OtpInvalid` (wrong, expired, used, too many tries, none sent); a wrong try is
    counted and stays counted.
    """
    now = now or system_clock.now()
    code = "".join((code or "").split())
    message = None
    with transaction.atomic():
        row = (
            OneTimeCode.objects.select_for_update()
            .filter(user=user, purpose=purpose)
            .order_by("-created_at", "-id")
            .first()
        )
        if row is None:
            message = otp.NO_CODE
        else:
            state = otp.code_state(
                now=now, expires_at=row.expires_at, attempts=row.attempts, used=bool(row.used_at)
            )
            if state is not otp.CodeState.CHECKABLE:
                message = otp.MESSAGES[state]
            elif constant_time_compare(
                row.code_hash, _code_hash(user_id=user.pk, purpose=purpose, code=code)
            ):
                row.used_at = now
                row.save(update_fields=["used_at"])
            else:
                row.attempts += 1
                row.save(update_fields=["attempts"])
                left = otp.MAX_ATTEMPTS - row.attempts
                message = (
                    otp.WRONG_CODE.format(left=left)
                    if left
                    else otp.MESSAGES[otp.CodeState.EXHAUSTED]
                )
    if message:
        raise OtpInvalid(message, code="otp")
    return row


def citizen_phone_verify(*, user: User, code: str, now: datetime | None = None) -> User:
    """Verify the phone with the code sent at registration; activates the account."""
    now = now or system_clock.now()
    otp_verify(user=user, purpose=Purpose.VERIFY_PHONE, code=code, now=now)
    with transaction.atomic():
        profile, _ = CitizenProfile.objects.get_or_create(user=user)
        profile.phone_verified_at = now
        profile.save(update_fields=["phone_verified_at"])
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
    return user


def user_by_phone(phone: str) -> User | None:
    normalized = phone_normalize(phone)
    if not normalized:
        return None
    found = list(User.objects.filter(phone=normalized, is_active=True)[:2])
    return found[0] if len(found) == 1 else None


def password_reset_code_send(*, phone: str, now: datetime | None = None) -> OneTimeCode | None:
    """Send a reset code to an active account's phone. Returns None (and sends nothing) when
    no single active account has that phone: callers show the same message either way."""
    user = user_by_phone(phone)
    if user is None:
        return None
    return otp_send(user=user, purpose=Purpose.RESET_PASSWORD, now=now)


def password_reset_by_code(
    *, phone: str, code: str, new_password: str, now: datetime | None = None
) -> User:
    """Set a new password after checking the reset code sent to `phone`."""
    user = user_by_phone(phone)
    if user is None:
        raise OtpInvalid(otp.NO_CODE, code="otp")
    password_check(password=new_password, user=user)  # before spending the code
    otp_verify(user=user, purpose=Purpose.RESET_PASSWORD, code=code, now=now)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def identity_link_create(*, user: User, provider: str, subject: str) -> IdentityLink:
    """Tie `user` to an account at an external identity provider (see `accounts/identity.py`)."""
    link = IdentityLink(user=user, provider=provider.strip().lower(), subject=subject.strip())
    link.full_clean()
    link.save()
    return link
