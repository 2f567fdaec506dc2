"""The language switch: Django's `set_language`, remembering the choice on a signed-in account
(its e-mails and SMS follow it)."""

from django.utils.translation import get_language_from_request
from django.views.i18n import set_language as django_set_language

from motcua.accounts.services import user_language_remember


def set_language(request):
    response = django_set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        chosen = request.POST.get("language") or get_language_from_request(request)
        user_language_remember(user=request.user, language=chosen)
    return response
