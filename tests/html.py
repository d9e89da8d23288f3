"""Reading rendered pages the way a browser or a crawler would."""

from html.parser import HTMLParser


class PageOutline(HTMLParser):
    """Collects what the site-wide tests look at: <html lang>, headings, links and alternates."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.h1_count = 0
        self.alternates: dict[str, str] = {}
        self.canonical = None
        self.links: list[dict[str, str]] = []
        self.images: list[dict[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "link" and attributes.get("rel") == "alternate":
            self.alternates[attributes["hreflang"]] = attributes["href"]
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes["href"]
        elif tag == "a":
            self.links.append(attributes)
        elif tag == "img":
            self.images.append(attributes)


def outline(response) -> PageOutline:
    return PageOutline(response.content.decode())
