"""The Content-Security-Policy middleware (django-csp), plus the two inline blocks the admin's
rich-text editor needs, each allowed by the SHA-256 hash of its exact content.

django-prose-editor loads its modules through an import map, which HTML only allows inline
(`<script type="importmap">`; browsers do not load an external one); its content is two static
file URLs. The editor's engine (tiptap) adds a `<style>` with its fixed base CSS. Rather than
'unsafe-inline' or a per-request nonce, the admin's policy allows exactly these two contents;
any other inline script or style stays blocked. Public pages have neither and keep the plain
policy.
"""

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from csp.middleware import CSPMiddleware
from django.contrib.staticfiles import finders
from django_prose_editor.widgets import importmap

SCRIPT_CONTENT = re.compile(r"<script[^>]*>(.*)</script>", re.DOTALL)
# tiptap's base CSS, a template literal in the editor's bundle.
TIPTAP_BASE_CSS = re.compile(r"=`(\.ProseMirror \{\n  position: relative;[^`]*)`")


def hash_source(content: str) -> str:
    digest = hashlib.sha256(content.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@cache
def editor_sources() -> dict[str, list[str]]:
    """The CSP additions for pages with the editor (static URLs are fixed while running)."""
    script = SCRIPT_CONTENT.fullmatch(str(importmap.render())).group(1)
    bundle = Path(finders.find("django_prose_editor/editor.js")).read_text(encoding="utf-8")
    style = TIPTAP_BASE_CSS.search(bundle)
    return {
        "script-src": [hash_source(script)],
        # A newer editor may change its CSS: then its style is blocked, which the browser test
        # (tests/browser/test_security_browser.py) reports, and the editor still works.
        "style-src": [hash_source(style.group(1))] if style else [],
    }


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.namespace == "admin":
            parts.update = {**(parts.update or {}), **editor_sources()}
        return parts
