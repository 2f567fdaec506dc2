"""The navigation skeleton: every part of the system, marked when it is not built yet."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import STAFF_ROLES, Role

# (label, url name, roles that see it; empty = every signed-in user)
NAVIGATION: list[tuple[str, str, frozenset[Role]]] = [
    (_("Trang chủ"), "core:home", frozenset()),
    (_("Cổng dịch vụ công"), "portal:home", frozenset({Role.CITIZEN})),
    (_("Thủ tục hành chính"), "catalogue:list", frozenset(STAFF_ROLES)),
    (
        _("Hồ sơ"),
        "dossiers:worklist",
        STAFF_ROLES - {Role.SUPERVISOR, Role.ADMINISTRATOR},
    ),
    (_("Thông báo"), "notifications:outbox", frozenset(STAFF_ROLES)),
    (
        _("Phản ánh, kiến nghị"),
        "petitions:worklist",
        STAFF_ROLES - {Role.POSTAL_CLERK, Role.DIGITAL_TEAM},
    ),
    (_("Hồ sơ đã hỗ trợ"), "portal:assisted", frozenset({Role.DIGITAL_TEAM})),
    (
        _("Báo cáo, giám sát"),
        "reports:index",
        frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR, Role.SIGNING_LEADER, Role.DEPARTMENT_HEAD}),
    ),
    (_("Lịch làm việc"), "clock:calendar", frozenset({Role.ADMINISTRATOR})),
    (_("Quản trị"), "admin:index", frozenset({Role.ADMINISTRATOR})),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    roles = user.roles
    items = []
    for label, url_name, allowed in NAVIGATION:
        if allowed and not (allowed & roles) and not user.is_superuser:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None  # part not built yet: shown, marked _("sắp có")
        items.append(
            {"label": label, "url": url, "active": url is not None and request.path == url}
        )
    return {"nav_items": items}
