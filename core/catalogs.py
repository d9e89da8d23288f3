"""Translation catalogs: building, updating and checking them (``manage.py catalogs``).

    manage.py catalogs update    # make messages: update locale/*/django.po from the code
    manage.py catalogs check     # make check-translations: fail on any defect below
    manage.py catalogs compile   # make compile-messages: build the .mo files

Compiling is done in Python (polib), so `make run` works where GNU gettext is not installed;
updating, and the check that the catalogs are up to date, need GNU gettext (xgettext, msgmerge),
as Django's makemessages does. The languages are settings.LANGUAGES; the plural rule each
language must have comes from CLDR (Babel).
"""

import gettext
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.plurals import get_plural
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

IGNORED = (".venv/*", "staticfiles/*", "node_modules/*", "var/*", "static/vendor/*")
CREATION_DATE = re.compile(rb'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)
# The numbers on which a catalog's plural rule must pick the same form as CLDR's: Russian and
# Ukrainian change form at 1, 2, 5, 11, 21, 111 ... (1 день, 2 дня, 5 дней, 11 дней, 21 день).
PLURAL_SAMPLES = (*range(0, 130), 1000, 1001, 1002, 1005, 1011, 1021)
# %(date)s, %s, %d ... and {name}, {0}, {}; not %% or {{.
# (No space flag: "100 % sure" is text, not a placeholder.)
PERCENT_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0+]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{\w*\}(?!\})")


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def makemessages_arguments():
    return [
        "makemessages",
        *(option for language in language_codes() for option in ("--locale", language)),
        # Locations without line numbers, so that moving code does not change the catalogs.
        "--add-location",
        "file",
        "--no-obsolete",
        # Installed, collected, local and third-party files hold none of our strings.
        *(f"--ignore={pattern}" for pattern in IGNORED),
    ]


@dataclass(frozen=True)
class Problem:
    path: Path
    msgid: str | None  # None: the catalog as a whole
    message: str

    def __str__(self):
        where = "header" if self.msgid is None else f"msgid {self.msgid!r}"
        return f"{self.path}: {where}: {self.message}"


def catalogs(locale_dir):
    return sorted(Path(locale_dir).glob("*/LC_MESSAGES/django.po"))


def compile_catalogs(locale_dir):
    for po_path in catalogs(locale_dir):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def without_creation_date(content: bytes) -> bytes:
    return CREATION_DATE.sub(b"", content)


def update_catalogs(project_dir):
    """Run makemessages; a catalog in which only POT-Creation-Date changed is left as it was,
    byte for byte, so that diffs show only real changes."""
    project_dir = Path(project_dir)
    before = {path: path.read_bytes() for path in catalogs(project_dir / "locale")}
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        raise RuntimeError("GNU gettext is needed: apt-get install gettext (or brew install)")
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *makemessages_arguments()],
        cwd=project_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"makemessages failed:\n{result.stdout}{result.stderr}")
    for path, old in before.items():
        new = path.read_bytes()
        if new != old and without_creation_date(new) == without_creation_date(old):
            path.write_bytes(old)


# Checks of one catalog.


def placeholders(text):
    """The placeholders of a string: named ones as a set, positional ones counted."""
    found = [
        placeholder
        for placeholder in PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text)
        if placeholder != "%%"  # a literal per cent sign
    ]
    named = {p for p in found if "(" in p or re.fullmatch(r"\{\w+\}", p)}
    positional = Counter(p for p in found if p not in named)
    return named, positional


def describe(found):
    named, positional = found
    tokens = sorted(named) + sorted(positional.elements())
    return ", ".join(tokens) or "none"


def cldr_plural(language):
    """(number of forms, the form each PLURAL_SAMPLES number takes) by CLDR's rule."""
    nplurals, expression = get_plural(language)
    formula = gettext.c2py(expression)
    return nplurals, {n: formula(n) for n in PLURAL_SAMPLES}


def plural_problem(po, language):
    """What is wrong with the Plural-Forms header, or None."""
    header = po.metadata.get("Plural-Forms", "")
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", header)
    needed, expected = cldr_plural(language)
    if match is None:
        return f"Plural-Forms header {header!r} is not 'nplurals=N; plural=EXPRESSION;'"
    if int(match.group(1)) != needed:
        return f"Plural-Forms says nplurals={match.group(1)}, {language} needs {needed}"
    try:
        formula = gettext.c2py(match.group(2))
    except (ValueError, SyntaxError, RecursionError):
        return f"Plural-Forms expression {match.group(2)!r} cannot be read"
    wrong = {n: formula(n) for n, form in expected.items() if formula(n) != form}
    if wrong:
        return f"Plural-Forms expression {match.group(2)!r} picks the wrong form for " + ", ".join(
            f"{n} (form {got}, should be {expected[n]})" for n, got in list(wrong.items())[:5]
        )
    return None


def entry_problems(entry, nplurals):
    if entry.obsolete:
        return ["obsolete entry (#~): delete it, or run make messages"]
    if "fuzzy" in entry.flags:
        return ["marked fuzzy (Django ignores it): check the translation, then remove 'fuzzy'"]
    if entry.msgid_plural:
        if len(entry.msgstr_plural) != nplurals:
            return [f"has {len(entry.msgstr_plural)} plural forms, needs {nplurals}"]
        forms = [entry.msgstr_plural.get(index, "") for index in range(nplurals)]
        if not all(forms):
            return ["untranslated (a plural form is empty)"]
        problems = []
        expected = placeholders(entry.msgid_plural)
        for index, form in enumerate(forms):
            found = placeholders(form)
            if found != expected and not (index == 0 and found == placeholders(entry.msgid)):
                problems.append(
                    f"plural form {index} has placeholders {describe(found)}, "
                    f"the msgid has {describe(expected)}"
                )
        return problems
    if not entry.msgstr:
        return ["untranslated"]
    expected, found = placeholders(entry.msgid), placeholders(entry.msgstr)
    if found != expected:
        return [f"placeholders {describe(found)} differ from the msgid's {describe(expected)}"]
    return []


def check_catalog(po_path, language=None):
    """Every defect of one catalog: untranslated, fuzzy and obsolete entries, placeholders that
    differ from the msgid, a wrong plural header."""
    po_path = Path(po_path)
    language = language or po_path.parent.parent.name
    po = polib.pofile(str(po_path))
    problems = []
    if po.metadata_is_fuzzy:
        problems.append(Problem(po_path, None, "the header is marked fuzzy: remove 'fuzzy'"))
    if message := plural_problem(po, language):
        problems.append(Problem(po_path, None, message))
    nplurals = cldr_plural(language)[0]
    for entry in po:
        problems += [Problem(po_path, entry.msgid, m) for m in entry_problems(entry, nplurals)]
    return problems


# Stale catalogs: would `make messages` change them?


def stale_catalogs(project_dir):
    """Run `make messages` and report every catalog it changes; then put every catalog back as
    it was, byte for byte (a catalog it creates is removed again)."""
    locale_dir = Path(project_dir) / "locale"
    before = {path: path.read_bytes() for path in catalogs(locale_dir)}
    problems = []
    try:
        update_catalogs(project_dir)
        for po_path in catalogs(locale_dir):
            if po_path not in before:
                problems.append(Problem(po_path, None, "missing: run make messages"))
            elif po_path.read_bytes() != before[po_path]:
                problems += staleness(polib.pofile(before[po_path].decode()), po_path)
    finally:
        for po_path in catalogs(locale_dir):
            if po_path in before:
                po_path.write_bytes(before[po_path])
            else:
                shutil.rmtree(po_path.parent.parent)
    return problems


def staleness(current_po, po_path):
    """What `make messages` changed in the catalog at `po_path` (current_po: it before)."""
    current = {entry_key(entry) for entry in current_po if not entry.obsolete}
    updated = {entry_key(entry) for entry in polib.pofile(str(po_path))}
    problems = [
        Problem(po_path, msgid, "in the code but not in the catalog: run make messages")
        for _context, msgid in sorted(updated - current)
    ] + [
        Problem(po_path, msgid, "no longer in the code: run make messages")
        for _context, msgid in sorted(current - updated)
    ]
    return problems or [
        Problem(po_path, None, "make messages would change it (file names or layout)")
    ]


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid)


def check(project_dir, *, stale=True):
    """Every problem of every catalog of settings.LANGUAGES, the stale check included."""
    locale_dir = Path(project_dir) / "locale"
    problems = []
    found = {path.parent.parent.name for path in catalogs(locale_dir)}
    for language in language_codes():
        if language not in found:
            problems.append(Problem(locale_dir / language, None, "no django.po"))
    for po_path in catalogs(locale_dir):
        problems += check_catalog(po_path)
    if stale:
        problems += stale_catalogs(project_dir)
    return problems


# A language's interface catalog, for switching the language on (core.languages).


def catalog_path(language) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def interface_completeness(language) -> tuple[int, int]:
    """(entries translated without a defect, all entries) of the language's catalog."""
    path = catalog_path(language)
    if not path.exists():
        return 0, 0
    po = polib.pofile(str(path))
    nplurals = cldr_plural(language)[0]
    entries = [entry for entry in po if not entry.obsolete]
    complete = [entry for entry in entries if not entry_problems(entry, nplurals)]
    return len(complete), len(entries)


def interface_gaps(language) -> list[str]:
    """What is missing in the language's interface catalog, in words (empty: complete)."""
    path = catalog_path(language)
    if not path.exists():
        return [_("The interface texts have no catalog in this language yet.")]
    problems = check_catalog(path, language)
    if not problems:
        return []
    return [
        ngettext(
            "%(count)s interface text is not translated, or its translation has a defect "
            "(make check-translations lists it).",
            "%(count)s interface texts are not translated, or their translations have a defect "
            "(make check-translations lists them).",
            len(problems),
        )
        % {"count": len(problems)}
    ]
