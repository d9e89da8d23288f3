"""Translation catalog tooling, run by make:

    python -m kjproject.catalogs update    # make messages: update locale/*/django.po from the code
    python -m kjproject.catalogs check     # make check-translations: fail on any defect below
    python -m kjproject.catalogs compile   # make compile-messages: build the .mo files

Compiling is done in Python (polib), so `make run` works where GNU gettext is not installed;
updating and checking need GNU gettext (xgettext, msgmerge), as Django's makemessages does.
"""

import gettext
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"
LANGUAGES = ("et", "ru", "en")
IGNORED = (".venv/*", "staticfiles/*", "node_modules/*", "var/*", "static/vendor/*")
MAKEMESSAGES = [
    "makemessages",
    *(option for language in LANGUAGES for option in ("--locale", language)),
    # Locations without line numbers, so that moving code does not change the catalogs.
    "--add-location",
    "file",
    "--no-obsolete",
    # Installed, collected, local and third-party files hold none of our strings.
    *(f"--ignore={pattern}" for pattern in IGNORED),
]
# What the stale check leaves out of its copy of the project (file and folder names): what
# makemessages ignores anyway (hidden ones by default, and IGNORED), and compiled files.
NOT_COPIED = (".*", "__pycache__", "*.mo", "var", "staticfiles", "node_modules")
CREATION_DATE = re.compile(rb'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)

# Which plural form each number takes, per language (CLDR). Russian: 1 день, 2 дня, 5 дней,
# 11 дней, 21 день, 22 дня, 25 дней.
PLURAL_FORMS = {
    "ru": {1: 0, 2: 1, 4: 1, 5: 2, 0: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 101: 0, 111: 2},
    "et": {1: 0, 0: 1, 2: 1, 5: 1, 11: 1, 21: 1},
    "en": {1: 0, 0: 1, 2: 1, 5: 1, 11: 1, 21: 1},
}
# %(date)s, %s, %d ... and {name}, {0}, {}; not %% or {{.
# (No space flag: "100 % sure" is text, not a placeholder.)
PERCENT_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0+]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{\w*\}(?!\})")


@dataclass(frozen=True)
class Problem:
    path: Path
    msgid: str | None  # None: the catalog as a whole
    message: str

    def __str__(self):
        where = "header" if self.msgid is None else f"msgid {self.msgid!r}"
        return f"{self.path}: {where}: {self.message}"


def catalogs(locale_dir=LOCALE_DIR):
    return sorted(Path(locale_dir).glob("*/LC_MESSAGES/django.po"))


def compile_catalogs():
    for po_path in catalogs():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def without_creation_date(content: bytes) -> bytes:
    return CREATION_DATE.sub(b"", content)


def update_catalogs(project_dir=BASE_DIR):
    """Run makemessages; a catalog in which only POT-Creation-Date changed is left as it was,
    byte for byte, so that diffs show only real changes."""
    project_dir = Path(project_dir)
    before = {path: path.read_bytes() for path in catalogs(project_dir / "locale")}
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        raise RuntimeError("GNU gettext is needed: apt-get install gettext (or brew install)")
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *MAKEMESSAGES],
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


def plural_problem(po, language):
    """What is wrong with the Plural-Forms header, or None."""
    header = po.metadata.get("Plural-Forms", "")
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", header)
    expected = PLURAL_FORMS.get(language)
    if expected is None:
        return f"no plural rule is known for language {language!r}"
    needed = max(expected.values()) + 1
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
            f"{n} (form {got}, should be {expected[n]})" for n, got in wrong.items()
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
    nplurals = max(PLURAL_FORMS.get(language, {0: 1}).values()) + 1
    for entry in po:
        problems += [Problem(po_path, entry.msgid, m) for m in entry_problems(entry, nplurals)]
    return problems


# Stale catalogs: would `make messages` change them?


def stale_catalogs(project_dir=BASE_DIR):
    """Run `make messages` on a copy of the project and report every catalog it changes."""
    project_dir = Path(project_dir)
    problems = []
    with tempfile.TemporaryDirectory(prefix="catalogs-") as temporary:
        copy = Path(temporary) / "project"
        shutil.copytree(project_dir, copy, ignore=shutil.ignore_patterns(*NOT_COPIED))
        update_catalogs(copy)
        for po_path in catalogs(project_dir / "locale"):
            updated = copy / po_path.relative_to(project_dir)
            if updated.read_bytes() != po_path.read_bytes():
                problems += staleness(po_path, updated)
        for updated in catalogs(copy / "locale"):
            original = project_dir / updated.relative_to(copy)
            if not original.exists():
                problems.append(Problem(original, None, "missing: run make messages"))
    return problems


def staleness(po_path, updated_path):
    current = {entry_key(entry) for entry in polib.pofile(str(po_path)) if not entry.obsolete}
    updated = {entry_key(entry) for entry in polib.pofile(str(updated_path))}
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


def check(project_dir=BASE_DIR, *, stale=True):
    """Every problem of every catalog, the stale check included."""
    project_dir = Path(project_dir)
    problems = []
    found = {path.parent.parent.name for path in catalogs(project_dir / "locale")}
    for language in LANGUAGES:
        if language not in found:
            problems.append(Problem(project_dir / "locale" / language, None, "no django.po"))
    for po_path in catalogs(project_dir / "locale"):
        problems += check_catalog(po_path)
    if stale:
        problems += stale_catalogs(project_dir)
    return problems


def check_command():
    problems = check()
    for problem in problems:
        print(problem.__str__().replace(f"{BASE_DIR}/", ""), file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s); see README, Translating.", file=sys.stderr)
        return 1
    print("Translations: every catalog is complete and up to date.")
    return 0


def main(argv):
    commands = {
        "compile": compile_catalogs,
        "update": lambda: update_catalogs(),
        "check": check_command,
    }
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python -m kjproject.catalogs {{{','.join(commands)}}}", file=sys.stderr)
        return 2
    try:
        return commands[argv[0]]() or 0
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
