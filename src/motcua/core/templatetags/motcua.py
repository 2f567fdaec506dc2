from django import template

from motcua.core.formatting import vn_number, vn_percent

register = template.Library()


@register.filter
def so(value, decimals=0):
    """Vietnamese number: {{ 25925|so }} → 25.925."""
    if value in (None, ""):
        return ""
    return vn_number(value, int(decimals))


@register.simple_tag
def ty_le(numerator, denominator):
    return vn_percent(numerator, denominator)
