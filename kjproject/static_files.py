"""How long browsers keep static files.

Collected files carry a hash of their content in their name (whitenoise's manifest storage), so
a file never changes under its name: browsers may keep it for a year without asking again.
whitenoise's own default for such files is ten years; a year is what docs/performance.md
promises (and what HTTP/1.1 long advised as the most to ask for).
"""

HASHED_FILE_CACHE_CONTROL = "max-age=31536000, immutable"


def keep_hashed_files_a_year(headers, path, url):
    """WHITENOISE_ADD_HEADERS_FUNCTION: whitenoise marks hashed files immutable; shorten that."""
    if "immutable" in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = HASHED_FILE_CACHE_CONTROL
