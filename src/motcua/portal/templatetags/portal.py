"""Filters for citizen pages: `{% load portal %}{{ v|thoi_han }}`, `{{ s.allotted_minutes|phut }}`,
`{{ fee.amount|tien }}`."""

from django import template

from motcua.portal.domain import text

register = template.Library()


@register.filter
def thoi_han(version) -> str:
    return text.time_words(version.time_unit, version.time_value, version.same_day_cutoff)


@register.filter
def phut(minutes) -> str:
    return text.minutes_words(int(minutes or 0))


@register.filter
def tien(amount) -> str:
    return text.money_words(int(amount or 0))
