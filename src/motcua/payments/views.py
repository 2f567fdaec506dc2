"""Views of the local sandbox payment gateway."""

from django.http import HttpResponse


def sandbox_page(request, reference):  # replaced below
    return HttpResponse(status=404)
