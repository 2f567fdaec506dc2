"""The site's languages (settings.LANGUAGES): what a person may choose, and what they get."""

from django.conf import settings


def site_language(code: str | None) -> str | None:
    """`code` as one of the site's languages ("en-us" → "en"), or None when it is not one."""
    code = (code or "").split("-")[0].lower()
    return code if code in {c for c, _ in settings.LANGUAGES} else None


def language_or_default(code: str | None) -> str:
    """The language to write in: `code` if the site has it, else Vietnamese (LANGUAGE_CODE)."""
    return site_language(code) or settings.LANGUAGE_CODE
