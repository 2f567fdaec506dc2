from django import template

from motcua.reports.domain.ontime import format_percent

register = template.Library()


@register.filter
def pct(value):
    """A Decimal percentage in Vietnamese: 99,83% · 100% · — when there is none."""
    return format_percent(value)


@register.filter
def item(mapping, key):
    return mapping.get(key, "")
