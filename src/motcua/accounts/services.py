"""Writes on users and roles."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from motcua.accounts.language import site_language
from motcua.accounts.models import User
from motcua.accounts.roles import ROLE_LABELS, Role

# App labels whose models administrators manage and supervisors read.
MANAGED_APPS = ("org", "accounts", "catalogue", "clock", "dossiers", "petitions")


@transaction.atomic
def roles_sync() -> None:
    """Create the role groups and give them their permissions (idempotent)."""
    perms = Permission.objects.filter(content_type__app_label__in=MANAGED_APPS)
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        if role is Role.ADMINISTRATOR:
            wanted = set(perms.values_list("pk", flat=True))
        elif role is Role.SUPERVISOR:
            wanted = set(perms.filter(codename__startswith="view_").values_list("pk", flat=True))
        else:
            continue
        if set(group.permissions.values_list("pk", flat=True)) != wanted:
            group.permissions.set(wanted)


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    full_name: str = "",
    email: str = "",
    phone: str = "",
    unit=None,
    roles: list[Role] = (),
    is_demo: bool = False,
) -> User:
    user = User(
        username=username,
        full_name=full_name,
        email=email,
        phone=phone,
        unit=unit,
        is_demo=is_demo,
        is_staff=bool({Role.ADMINISTRATOR, Role.SUPERVISOR} & set(roles)),
    )
    if password is None or (is_demo and not settings.DEVELOPMENT):
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set([Group.objects.get_or_create(name=r.value)[0] for r in roles])
    return user


def user_language_remember(*, user: User, language: str) -> None:
    """Keep the language `user` reads the site in, for their e-mails and SMS; one UPDATE, only
    when it changed and is one of the site's languages."""
    language = site_language(language)
    if language and user.pk and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language


def role_label(role: Role) -> str:
    return ROLE_LABELS[role]
