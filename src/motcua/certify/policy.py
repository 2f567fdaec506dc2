"""Who may certify copies and sign results: the one home of these rules."""

from motcua.accounts.roles import STAFF_ROLES, Role
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


# Digitisation at reception: the desk, the postal clerk who brings the dossier, and the
# community digital team who help at the desk.
DIGITISER_ROLES = frozenset({Role.ONE_STOP_OFFICER, Role.POSTAL_CLERK, Role.DIGITAL_TEAM})
# Who follows the paperless roadmap's progress.
ROADMAP_ROLES = frozenset(
    {Role.SUPERVISOR, Role.DEPARTMENT_HEAD, Role.SIGNING_LEADER, Role.ADMINISTRATOR}
)


def may_digitise(user, dossier) -> bool:
    """A digitiser role, and the dossier within what the one dossier policy lets the user read
    (the digital team: only dossiers they assisted; postal staff: what they carry)."""
    from motcua.dossiers import permissions

    if not user.is_authenticated or not (set(user.roles) & DIGITISER_ROLES):
        return False
    return permissions.may_read(user=user, dossier=dossier)


def may_search_digitised(user) -> bool:
    """Officers search the recognised text of dossiers in their scope (the selector scopes)."""
    return user.is_authenticated and bool(set(user.roles) & STAFF_ROLES)


def may_see_paperless_progress(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(set(user.roles) & ROADMAP_ROLES))
