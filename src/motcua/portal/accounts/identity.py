"""Extension point for signing in with a national e-ID (VNeID) or another OpenID Connect
provider. No provider ships with motcua; this module fixes the shape one must take.

A provider is an object with:

- `key` ("vneid"), stored in `IdentityLink.provider`, and `label` shown on the login button;
- `authorization_url(*, request, state: str, nonce: str) -> str`: where to send the browser;
- `claims_from_callback(*, request, state: str, nonce: str) -> IdentityClaims`: exchange the
  callback's code for tokens, verify the ID token (issuer, audience, signature, nonce) and
  return the verified claims. It raises on anything unverified.

To add one: implement it (e.g. with `authlib` or `mozilla-django-oidc`), call
`provider_register(MyProvider(...))` from an AppConfig.ready(), and add two views:
`/cong-dan/dinh-danh/<key>/` (store state + nonce in the session, redirect to
`authorization_url`) and `/cong-dan/dinh-danh/<key>/callback/` (check state, get claims, then
`selectors.user_for_identity`; if nobody is linked, either link the signed-in user with
`services.identity_link_create` or create a citizen account from the claims — a VNeID level-2
identity counts as a verified phone). The login page lists `providers()` automatically.
"""

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class IdentityClaims:
    provider: str
    subject: str  # the provider's stable id for the person ("sub")
    full_name: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""  # số định danh cá nhân, when the provider releases it
    extra: dict = field(default_factory=dict)


class IdentityProvider(Protocol):
    key: str
    label: str

    def authorization_url(self, *, request, state: str, nonce: str) -> str: ...

    def claims_from_callback(self, *, request, state: str, nonce: str) -> IdentityClaims: ...


_PROVIDERS: dict[str, IdentityProvider] = {}


def provider_register(provider: IdentityProvider) -> None:
    _PROVIDERS[provider.key] = provider


def providers() -> list[IdentityProvider]:
    return list(_PROVIDERS.values())
