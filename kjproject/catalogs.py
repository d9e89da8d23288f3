"""Translation catalog tooling: `python -m kjproject.catalogs compile`.

Compiling in Python (polib) means `make run` works where GNU gettext is not installed.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogs():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def compile_catalogs():
    for po_path in catalogs():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def main(argv):
    commands = {"compile": compile_catalogs}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python -m kjproject.catalogs {{{','.join(commands)}}}", file=sys.stderr)
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
