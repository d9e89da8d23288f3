"""How a title becomes the last part of a page's address, in each language.

Django's slugify keeps ASCII only, so it would drop every Cyrillic letter: titles in a Cyrillic
script are first romanised by their language's official system (translitua): Ukrainian by the
national system of the Cabinet of Ministers' resolution No. 55 of 27 January 2010 ("KMU 2010"),
Russian by ICAO Doc 9303, as Russian passports have used since 2013. A language written in
Latin letters needs nothing here.
"""

from django.utils.text import slugify
from translitua import RussianICAO, UkrainianKMU, translit

ROMANISATION = {"uk": UkrainianKMU, "ru": RussianICAO}


def slug_from_title(title: str, language: str) -> str:
    table = ROMANISATION.get(language)
    return slugify(translit(title, table) if table else title)
