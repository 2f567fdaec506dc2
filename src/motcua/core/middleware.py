"""Vietnamese first: the browser's Accept-Language never switches the interface.

Officers' and citizens' browsers are often set to English; the system speaks Vietnamese until
the person picks English in the header (Django's language cookie), which LocaleMiddleware
then honours.
"""


class VietnameseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
