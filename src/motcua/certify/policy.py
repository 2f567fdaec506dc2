"""Who may certify copies and sign results: the one home of these rules."""

from motcua.accounts.roles import Role
from motcua.accounts.scoping import scope_is_global, scope_units

# Certification is received and prepared at the one-stop desk and signed by the unit's leader
# (Decree 23/2015/NĐ-CP art. 5: Chairman/Vice-chairman of the commune People's Committee).
CERTIFIER_ROLES = frozenset({Role.ONE_STOP_OFFICER, Role.SIGNING_LEADER})


def may_certify(user, unit=None) -> bool:
    if not user.is_authenticated or not (set(user.roles) & CERTIFIER_ROLES):
        return False
    if unit is None or scope_is_global(user):
        return True
    return scope_units(user).filter(pk=unit.pk).exists()
