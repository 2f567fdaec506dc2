from django import template

from motcua.petitions.selectors import petitions_for_dossier

register = template.Library()


@register.inclusion_tag("petitions/_dossier_petitions.html")
def dossier_petitions(dossier):
    """The petitions about a dossier, for its officer page (one query)."""
    return {"dossier_petitions": list(petitions_for_dossier(dossier=dossier))}
