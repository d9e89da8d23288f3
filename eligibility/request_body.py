"""The API's request body: one JSON object of facts, or the reason it is refused.

Only what RFC 8259 and I-JSON (RFC 7493) call interoperable JSON is read: UTF-8, one JSON text,
an object whose keys are unique, strings that are real Unicode (no lone surrogate such as
``"\\ud800"``, which no UTF-8 answer could echo), no NaN or Infinity, and a nesting a person's facts
never need. Numbers are kept as ``JSONNumber`` whatever their size: no fact is a number, so the
fields refuse them as the wrong type, and 5,000 digits cost no conversion.
"""

import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The largest body accepted, in bytes; a full set of facts is under 400.
MAX_BODY_BYTES = 8 * 1024
# The deepest nesting accepted; the facts are one flat object (depth 1).
MAX_DEPTH = 32

# The codes of ``BodyRefused``, by HTTP status (413: too large, the rest 400).
BODY_ERROR_CODES = (
    "too_large",
    "not_json",
    "duplicate_key",
    "invalid_unicode",
    "too_deep",
    "not_object",
)


class BodyRefused(Exception):
    """The body as a whole is refused: HTTP ``status``, error ``code`` and its ``message``."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(code)
        self.code, self.message, self.status = code, message, status


@dataclass(frozen=True)
class JSONNumber:
    """A number from the body, as written (no fact is a number)."""

    text: str


# A JSON string (with its escapes) or one bracket: what counting the nesting must tell apart.
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _value in pairs]
    if len(set(keys)) != len(keys):
        raise _DuplicateKey  # which key is not said: it may not even be printable
    return dict(pairs)


def _refuse_constant(name: str):
    """Python's json reads NaN and Infinity; JSON has no such values."""
    raise ValueError(f"{name} is not JSON")


def _check_strings(value: object) -> None:
    """Every key and string must encode as UTF-8."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            texts, children = [item], []
        elif isinstance(item, dict):
            texts, children = list(item), list(item.values())
        elif isinstance(item, list):
            texts, children = [], item
        else:
            continue
        for text in texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise BodyRefused(
                    "invalid_unicode",
                    _("The body contains a character that is not valid Unicode."),
                ) from None
        pending += children


def _refuse_deep_nesting(text: str) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` before parsing, whether or not the text is valid.

    Where the parser gives up on deep nesting depends on the interpreter (3.11 raises
    ``RecursionError`` at about 1,000 levels, 3.13 parses far deeper), so the depth is counted
    here, outside strings, and the same body gets the same answer on every Python.
    """
    depth = 0
    for part in _STRUCTURE.findall(text):
        if part in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise BodyRefused("too_deep", _("The body is nested too deeply."))
        elif part in "]}":
            depth -= 1


def body_limit_message() -> str:
    return ngettext(
        "The body must not be larger than %(limit)d byte.",
        "The body must not be larger than %(limit)d bytes.",
        MAX_BODY_BYTES,
    ) % {"limit": MAX_BODY_BYTES}


def read_json_object(request) -> dict:
    """The body's JSON object; raises ``BodyRefused`` saying what is wrong with it."""
    too_large = BodyRefused("too_large", body_limit_message(), status=413)
    try:
        declared_length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared_length = 0
    if declared_length > MAX_BODY_BYTES:
        raise too_large  # refused before reading a byte of it
    raw = request.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        raise too_large
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyRefused("not_json", _("The body is not valid JSON.")) from None
    _refuse_deep_nesting(text)
    try:
        body = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_refuse_constant,
            parse_int=JSONNumber,
            parse_float=JSONNumber,
        )
    except _DuplicateKey:
        raise BodyRefused("duplicate_key", _("A field appears more than once.")) from None
    except ValueError:  # ValueError: also two JSON texts, or none
        raise BodyRefused("not_json", _("The body is not valid JSON.")) from None
    _check_strings(body)
    if not isinstance(body, dict):
        raise BodyRefused("not_object", _("The body must be a JSON object."))
    return body
