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
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
WORD = re.compile(r"[^\W\d_]{2,}")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}
VISIBLE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class VisibleText(HTMLParser):
    """The text a reader sees or hears, each piece with the language it is marked as.

    Text inside <head> (the <title>) is kept apart: its parts cannot carry their own lang.
    """

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.languages = []  # the open elements' languages, innermost last
        self.skipping = 0  # inside <script> or <style>
        self.in_head = False
        self.pieces: list[tuple[str, str]] = []  # (text, lang) in <body>
        self.feed(html)

    def language(self):
        return self.languages[-1] if self.languages else ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang") or self.language()
        if tag == "head":
            self.in_head = True
        if tag in ("script", "style"):
            self.skipping += 1
        if not self.in_head:
            texts = [attributes.get(name) for name in VISIBLE_ATTRIBUTES]
            if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
                texts.append(attributes.get("value"))
            self.pieces += [(text.strip(), lang) for text in texts if text and text.strip()]
        if tag not in VOID_ELEMENTS:
            self.languages.append(lang)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1
        if tag == "head":
            self.in_head = False
        if tag not in VOID_ELEMENTS and self.languages:
            self.languages.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skipping and not self.in_head:
            self.pieces.append((text, self.language()))

    def texts_in(self, language):
        return [text for text, lang in self.pieces if lang == language]


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
