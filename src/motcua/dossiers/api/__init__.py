"""REST API for dossiers (mounted at /api/v1/, see `views` for the contract): `serializers`,
`filters`, `errors` (the one mapping of the rules' refusals to HTTP) and `views`."""

from motcua.dossiers.api.errors import ApiError, domain_error
from motcua.dossiers.api.views import (
    TRANSITION_APIS,
    BaseApi,
    DossierDetailApi,
    DossierListCreateApi,
    TransitionApi,
)

__all__ = [
    "TRANSITION_APIS",
    "ApiError",
    "BaseApi",
    "DossierDetailApi",
    "DossierListCreateApi",
    "TransitionApi",
    "domain_error",
]
