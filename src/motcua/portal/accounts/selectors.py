"""Reads of citizen accounts: phone verification and links to external identities."""

from motcua.portal.models import CitizenProfile, IdentityLink


def citizen_phone_verified(*, user) -> bool:
    return CitizenProfile.objects.filter(user=user, phone_verified_at__isnull=False).exists()


def user_for_identity(*, provider: str, subject: str):
    """The local user linked to an external identity, or None."""
    link = (
        IdentityLink.objects.filter(provider=provider.strip().lower(), subject=subject.strip())
        .select_related("user")
        .first()
    )
    return link.user if link else None
