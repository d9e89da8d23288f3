"""The site's languages, as settings.LANGUAGES lists them (tests never repeat the list)."""

from django.conf import settings

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
