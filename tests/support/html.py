"""Reading rendered pages the way a browser or a crawler would."""

import json
import re
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
        self.title = ""
        self.h1_texts: list[str] = []
        self._text_of = None  # "title" or "h1" while inside one
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag in ("title", "h1"):
            self._text_of = tag
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
            self.h1_texts.append("")
        elif tag == "link" and attributes.get("rel") == "alternate" and "type" not in attributes:
            # hreflang alternates; those with a type are feeds (Atom, iCalendar).
            self.alternates[attributes["hreflang"]] = attributes["href"]
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes["href"]
        elif tag == "a":
            self.links.append(attributes)
        elif tag == "img":
            self.images.append(attributes)

    def handle_endtag(self, tag):
        if tag == self._text_of:
            self._text_of = None

    def handle_data(self, data):
        if self._text_of == "title":
            self.title += data
        elif self._text_of == "h1":
            self.h1_texts[-1] += data


def outline(response) -> PageOutline:
    return PageOutline(response.content.decode())


class FormFields(HTMLParser):
    """What a browser would submit, unchanged, from the form with the given id.

    `fields` is a list of (name, value) pairs: text inputs, hidden inputs, ticked checkboxes and
    radios, textareas and the selected options of selects. Buttons and files are left out.
    """

    NOT_SUBMITTED = {"submit", "button", "reset", "image", "file"}

    def __init__(self, html: str, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea = None  # [name, text] while inside one
        self._select = None  # [name, options, selected] while inside one
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form":
            self._in_form = attributes.get("id") == self.form_id
        if not self._in_form or ("name" not in attributes and tag != "option"):
            return
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in self.NOT_SUBMITTED:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.fields.append((attributes["name"], attributes.get("value", "on")))
                return
            self.fields.append((attributes["name"], attributes.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attributes["name"], ""]
        elif tag == "select":
            self._select = [attributes["name"], [], []]
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            self._select[1].append(value)
            if "selected" in attributes:
                self._select[2].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the newline that directly follows <textarea>.
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, options, selected = self._select
            self.fields.extend((name, value) for value in selected or options[:1])
            self._select = None

    def changed(self, changes: dict) -> list[tuple[str, str]]:
        """The fields with some values replaced (each name in `changes` must be in the form);
        None unticks a checkbox (a browser then sends nothing for it)."""
        missing = set(changes) - {name for name, _value in self.fields}
        assert not missing, f"not in the form: {missing}"
        return [
            (name, changes.get(name, value))
            for name, value in self.fields
            if not (name in changes and changes[name] is None)
        ]


# <link rel> values that make the browser fetch the href (not "alternate", "canonical": those
# are addresses of pages, like <a href>).
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


class LoadedResources(HTMLParser):
    """Every URL a browser would fetch for a page (the modules of an import map too), every inline
    script or style it has, and the scripts that block rendering (neither async nor defer)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.inline: list[str] = []
        self.blocking_scripts: list[str] = []
        self._inline_tag = None
        self._in_importmap = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name in ("src", "poster", "data"):
            if attributes.get(name):
                self.urls.append(attributes[name])
        if tag == "script" and attributes.get("src") and not {"async", "defer"} & attributes.keys():
            self.blocking_scripts.append(attributes["src"])
        if attributes.get("srcset"):
            self.urls += [entry.split()[0] for entry in attributes["srcset"].split(",")]
        if tag == "link" and LOADING_RELS & set(attributes.get("rel", "").lower().split()):
            self.urls.append(attributes["href"])
        if "style" in attributes:
            self.inline.append(f'<{tag} style="{attributes["style"]}">')
            self.urls += CSS_URL.findall(attributes["style"])
        self.inline += [f"<{tag} {name}>" for name in attributes if name.startswith("on")]
        if attributes.get("href", "").lower().startswith("javascript:"):
            self.inline.append(f"<{tag} href=javascript:>")
        is_data = attributes.get("type") in ("application/json", "application/ld+json")
        self._in_importmap = tag == "script" and attributes.get("type") == "importmap"
        if (tag == "script" and not attributes.get("src") and not is_data) or tag == "style":
            self._inline_tag = tag

    def handle_data(self, data):
        if self._in_importmap:
            self.urls += json.loads(data)["imports"].values()
            self._in_importmap = False
        if self._inline_tag:
            self.inline.append(f"<{self._inline_tag}>{data[:60]}")
            self.urls += CSS_URL.findall(data)
            self._inline_tag = None
