"""`{{ unit|unit_today }}`: a unit's name, and who carries on its work when it no longer exists
today ("Phường Phú Cường (nay: Phường Thủ Dầu Một)"). A valid unit costs no query."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.org.selectors import unit_administrative, unit_successors_on

register = template.Library()


@register.filter
def unit_today(unit) -> str:
    if unit is None:
        return ""
    today = timezone.localdate()
    if unit.is_valid_on(today):
        return unit.name
    after = unit_successors_on(unit=unit, day=today)
    if not after:
        return _("%(unit)s (đã giải thể)") % {"unit": unit.name}
    names = ", ".join(
        f"{u.name} — {unit_administrative(unit=u).name}" if not u.is_administrative else u.name
        for u in after
    )
    return _("%(unit)s (nay: %(after)s)") % {"unit": unit.name, "after": names}
