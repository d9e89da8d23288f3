"""The text a reader of a page sees or hears, each piece with the language it is marked as."""

from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}
VISIBLE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class VisibleText(HTMLParser):
    """The text a reader sees or hears, each piece with the language it is marked as.

    Text inside <head> (the <title>) is kept apart, in `head_pieces`: its parts cannot carry
    their own lang.
    """

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.languages = []  # the open elements' languages, innermost last
        self.skipping = 0  # inside <script> or <style>
        self.in_head = False
        self.pieces: list[tuple[str, str]] = []  # (text, lang) in <body>
        self.head_pieces: list[str] = []
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
        if text and not self.skipping:
            if self.in_head:
                self.head_pieces.append(text)
            else:
                self.pieces.append((text, self.language()))

    def texts_in(self, language):
        return [text for text, lang in self.pieces if lang == language]
