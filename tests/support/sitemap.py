"""The sitemap: the list of the site's public pages (an index of sections, each of one or more
pages, as Django's sitemap framework splits them)."""

import re
import xml.etree.ElementTree as ET

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def paths_in_sitemap(xml: bytes, fetch) -> list[str]:
    """The path of every URL a sitemap lists; an index's sections are read with `fetch(path)`
    (which returns the body)."""
    root = ET.fromstring(xml)
    sections = root.findall("s:sitemap/s:loc", NAMESPACE)
    if sections:
        return [
            path
            for section in sections
            for path in paths_in_sitemap(fetch(path_of(section.text)), fetch)
        ]
    return [path_of(loc.text) for loc in root.findall("s:url/s:loc", NAMESPACE)]
