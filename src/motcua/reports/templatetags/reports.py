from django import template
from django.utils.translation import gettext

from motcua.reports.domain.ontime import format_percent

register = template.Library()


@register.filter
def pct(value):
    """A Decimal percentage in Vietnamese: 99,83% · 100% · — when there is none."""
    return format_percent(value)


@register.filter
def item(mapping, key):
    return mapping.get(key, "")


@register.filter
def period_label(period):
    """ "Năm 2021", "Quý 1/2023"… in the reader's language."""
    return period.label_in(gettext)


@register.filter
def in_language(obj):
    """An indicator result's or a score's note in the reader's language."""
    return obj.note_in(gettext)


@register.filter
def value_in_language(result):
    """An indicator result's value ("Chưa có dữ liệu", "4,25 ngày", "99,83%") likewise."""
    return result.value_text_in(gettext)


@register.filter
def tr(text):
    """A catalogue text held in a variable (an indicator's name, a note) in the reader's
    language; unlike `{% translate var %}` it keeps a "%" in the text as it is."""
    return gettext(str(text)) if text else ""
