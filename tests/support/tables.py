"""The tables of a page as a reader of them gets them: each by its caption, its rows as the
texts of their cells (header cells included, with their scope)."""

from html.parser import HTMLParser


class Tables(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.scopes: dict[str, list[list[str | None]]] = {}
        self._caption = self._rows = self._scopes = self._cell = None
        self._in_caption = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._caption, self._rows, self._scopes = "", [], []
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
            self._scopes.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = ""
            self._scopes[-1].append(dict(attrs).get("scope") if tag == "th" else None)

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._caption.strip()] = self._rows
            self.scopes[self._caption.strip()] = self._scopes
            self._rows = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell += data
