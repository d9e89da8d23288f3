"""Interface text of one language showing through on a page in another.

Everything is read from the catalogs of settings.LANGUAGES, so a language added there is
checked like the others:

- a *foreign string* is a msgid (English) or another language's translation that differs from
  the page language's own translation of that entry and appears in none of its texts;
- a *foreign word* is a word in the other script than the page language's (Latin on a Cyrillic
  page, Cyrillic on a Latin one) that the page language's own translations never use ("cookie"
  on a Russian page is fine);
- a *foreign letter* is one the page language's translations never use: "і" on a Russian page,
  "ы" on a Ukrainian one, "õ" on an English one.

Text marked with a `lang` of its own (the language switcher, Estonian shown as a fallback) is
left out: it is announced in its own language.
"""

import re
from functools import cache
from pathlib import Path

import polib
from django.conf import settings

from .visible_text import VisibleText

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
WORD = re.compile(r"[^\W\d_]{2,}")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
VISIBLE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


def catalog(language):
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def translations(entry) -> list[str]:
    return [text for text in [entry.msgstr, *entry.msgstr_plural.values()] if text]


@cache
def own_text(language) -> str:
    """Everything the language's translators wrote, as one text."""
    return "\n".join(text for entry in catalog(language) for text in translations(entry))


def is_cyrillic(text) -> bool:
    letters = [char for char in text if char.isalpha()]
    return sum(bool(CYRILLIC.match(char)) for char in letters) > len(letters) / 2


@cache
def foreign_interface_strings(language) -> dict[str, str]:
    """{text: msgid} of every interface string a page in `language` must not show."""
    own = own_text(language)
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalog(language)}
    foreign = {}
    for code, _name in settings.LANGUAGES:
        for entry in catalog(code):
            ours = set(translations(entries[(entry.msgctxt, entry.msgid)]))
            texts = [entry.msgid, entry.msgid_plural] if code == language else []
            texts += [] if code == language else translations(entry)
            for text in texts:
                if not text or text in ours:
                    continue
                for fragment in PLACEHOLDER.split(text):
                    fragment = " ".join(fragment.split()).strip(" .,:;–—-")
                    if len(fragment) >= 3 and WORD.search(fragment) and not occurs(fragment, own):
                        foreign[fragment] = entry.msgid
    return foreign


def occurs(fragment, text) -> bool:
    return re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text) is not None


@cache
def own_words_and_letters(language):
    own = own_text(language)
    return set(WORD.findall(own)), {char.lower() for char in own if char.isalpha()}


@cache
def foreign_pattern(language):
    """One expression for all of them, longest first (a few hundred separate searches for
    every piece of text of every page would take minutes)."""
    fragments = sorted(foreign_interface_strings(language), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, fragments)) + r")(?!\w)")


def interface_leaks(html, language) -> list[str]:
    """Every piece of another language's interface text on a page in `language`."""
    foreign = foreign_interface_strings(language)
    words, letters = own_words_and_letters(language)
    cyrillic_page = is_cyrillic(own_text(language))
    leaks = []
    for text in VisibleText(html).texts_in(language):
        for fragment in foreign_pattern(language).findall(text):
            leaks.append(f"{text!r} shows {fragment!r} (msgid {foreign[fragment]!r})")
        for word in WORD.findall(EMAIL.sub("", text)):
            if word in words:
                continue
            if bool(CYRILLIC.search(word)) != cyrillic_page:
                leaks.append(f"{text!r} has a word in another script: {word!r}")
            elif strange := sorted({char for char in word.lower() if char not in letters}):
                leaks.append(
                    f"{text!r} has {word!r}, with letters {language} never uses: {strange}"
                )
    return leaks
