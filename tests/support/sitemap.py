"""The sitemap: the list of the site's public pages."""

import re
import xml.etree.ElementTree as ET

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def paths_in_sitemap(xml: bytes) -> list[str]:
    """The path of every URL a sitemap lists."""
    locations = ET.fromstring(xml).findall("s:url/s:loc", NAMESPACE)
    return [re.sub(r"^https?://[^/]+", "", loc.text) for loc in locations]
