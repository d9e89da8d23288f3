"""`make check-translations` (manage.py catalogs check): each kind of defect is reported with its
file and msgid, our own catalogs have none, and `make messages` leaves an up-to-date catalog
byte for byte as it was."""

import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from core import catalogs
from tests.support.ci import require_command
from tests.support.languages import LANGUAGES

RUSSIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
TWO_PLURALS = "nplurals=2; plural=(n != 1);"
CLEAN_RUSSIAN_ENTRIES = """
#, python-format
msgid "Updated on %(date)s"
msgstr "Обновлено %(date)s"

#, python-format
msgid "%(count)s day"
msgid_plural "%(count)s days"
msgstr[0] "%(count)s день"
msgstr[1] "%(count)s дня"
msgstr[2] "%(count)s дней"

msgid "Hello {name}"
msgstr "Здравствуйте, {name}"

msgid "100% sure"
msgstr "Уверены на 100 %"
"""


def write_catalog(directory, language, entries, plural_forms=RUSSIAN_PLURALS, header_flags=""):
    path = directory / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        f"{header_flags}"
        'msgid ""\n'
        'msgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {language}\\n"\n'
        f'"Plural-Forms: {plural_forms}\\n"\n' + entries,
        encoding="utf-8",
    )
    return path


def problems_of(path):
    return [(problem.msgid, problem.message) for problem in catalogs.check_catalog(path)]


def test_a_complete_catalog_passes(tmp_path):
    assert problems_of(write_catalog(tmp_path, "ru", CLEAN_RUSSIAN_ENTRIES)) == []


@pytest.mark.parametrize(
    ("defect", "msgid", "reported"),
    [
        ('msgid "Save"\nmsgstr ""\n', "Save", "untranslated"),
        ('#, fuzzy\nmsgid "Save"\nmsgstr "Сохранить"\n', "Save", "fuzzy"),
        ('#~ msgid "Old text"\n#~ msgstr "Старый текст"\n', "Old text", "obsolete"),
        (
            '#, python-format\nmsgid "Changed on %(date)s"\nmsgstr "Изменено %(data)s"\n',
            "Changed on %(date)s",
            "placeholders %(data)s differ from the msgid's %(date)s",
        ),
        (
            '#, python-format\nmsgid "Hello %s"\nmsgstr "Здравствуйте"\n',
            "Hello %s",
            "placeholders none differ from the msgid's %s",
        ),
        (
            'msgid "Welcome, {name}"\nmsgstr "Добро пожаловать, {имя}"\n',
            "Welcome, {name}",
            "placeholders {имя} differ from the msgid's {name}",
        ),
        (
            'msgid "%(count)s week"\nmsgid_plural "%(count)s weeks"\n'
            'msgstr[0] "%(count)s неделя"\nmsgstr[1] "%(count)s недели"\nmsgstr[2] ""\n',
            "%(count)s week",
            "untranslated (a plural form is empty)",
        ),
        (
            'msgid "%(count)s week"\nmsgid_plural "%(count)s weeks"\n'
            'msgstr[0] "%(count)s неделя"\nmsgstr[1] "%(count)s недели"\n',
            "%(count)s week",
            "has 2 plural forms, needs 3",
        ),
        (
            'msgid "%(count)s week"\nmsgid_plural "%(count)s weeks"\n'
            'msgstr[0] "%(count)s неделя"\nmsgstr[1] "%(count)s недели"\nmsgstr[2] "недель"\n',
            "%(count)s week",
            "plural form 2 has placeholders none, the msgid has %(count)s",
        ),
    ],
    ids=[
        "untranslated",
        "fuzzy",
        "obsolete",
        "named-placeholder",
        "positional-placeholder",
        "brace-placeholder",
        "empty-plural-form",
        "missing-plural-form",
        "plural-form-placeholder",
    ],
)
def test_each_defective_entry_is_reported_with_its_msgid(tmp_path, defect, msgid, reported):
    path = write_catalog(tmp_path, "ru", CLEAN_RUSSIAN_ENTRIES + "\n" + defect)
    problems = problems_of(path)
    assert len(problems) == 1, problems
    assert problems[0][0] == msgid
    assert reported in problems[0][1]


@pytest.mark.parametrize(
    ("language", "plural_forms", "reported"),
    [
        ("ru", TWO_PLURALS, "nplurals=2, ru needs 3"),
        (
            "ru",
            "nplurals=3; plural=(n==1 ? 0 : n<5 ? 1 : 2);",
            "picks the wrong form for 0 (form 1, should be 2), 21 (form 2, should be 0)",
        ),
        ("et", RUSSIAN_PLURALS, "nplurals=3, et needs 2"),
        ("en", "nplurals=2; plural=(n > 1);", "wrong form for 0 (form 0, should be 1)"),
        ("ru", "", "is not 'nplurals=N; plural=EXPRESSION;'"),
    ],
)
def test_a_wrong_plural_header_is_reported(tmp_path, language, plural_forms, reported):
    path = write_catalog(tmp_path, language, "", plural_forms=plural_forms)
    problems = problems_of(path)
    assert len(problems) == 1, problems
    assert problems[0][0] is None
    assert reported in problems[0][1]


def test_a_fuzzy_header_is_reported(tmp_path):
    path = write_catalog(tmp_path, "ru", CLEAN_RUSSIAN_ENTRIES, header_flags="#, fuzzy\n")
    assert problems_of(path) == [(None, "the header is marked fuzzy: remove 'fuzzy'")]


def test_a_problem_names_the_file_the_msgid_and_what_is_wrong(tmp_path):
    path = write_catalog(tmp_path, "ru", 'msgid "Save"\nmsgstr ""\n')
    [problem] = catalogs.check_catalog(path)
    assert str(problem) == f"{path}: msgid 'Save': untranslated"


def test_a_missing_catalog_is_reported(tmp_path):
    write_catalog(tmp_path / "locale", "ru", CLEAN_RUSSIAN_ENTRIES)
    problems = catalogs.check(tmp_path, stale=False)
    assert {problem.path.name for problem in problems} == set(LANGUAGES) - {"ru"}


def test_a_language_is_not_ready_while_its_catalog_has_a_gap(settings, tmp_path):
    """What keeps staff from switching a language on (core.languages), and the report's count."""
    settings.LOCALE_PATHS = [tmp_path]
    write_catalog(tmp_path, "ru", CLEAN_RUSSIAN_ENTRIES)
    assert catalogs.interface_gaps("ru") == []
    assert catalogs.interface_completeness("ru") == (4, 4)
    write_catalog(tmp_path, "uk", CLEAN_RUSSIAN_ENTRIES + 'msgid "Save"\nmsgstr ""\n')
    with translation.override("en"):
        [gap] = catalogs.interface_gaps("uk")
    assert gap.startswith("1 interface text is not translated")
    assert catalogs.interface_completeness("uk") == (4, 5)
    with translation.override("en"):
        [gap] = catalogs.interface_gaps("en")
    assert "no catalog" in gap


# Against the real code: these run makemessages (GNU gettext) on a copy of the project.


@pytest.fixture
def gettext():
    """makemessages needs GNU gettext."""
    for command in ("xgettext", "msgmerge"):
        require_command(command, "GNU gettext updates the catalogs")


@pytest.fixture
def project_copy(tmp_path, gettext):
    copy = tmp_path / "project"
    ignored = shutil.ignore_patterns(
        ".*", "__pycache__", "*.mo", "var", "staticfiles", "node_modules"
    )
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignored)
    return copy


@pytest.mark.usefixtures("gettext")
def test_our_catalogs_are_complete_correct_and_up_to_date(capsys):
    call_command("catalogs", "check")
    assert "every catalog is complete and up to date" in capsys.readouterr().out


def test_the_up_to_date_check_leaves_every_catalog_as_it_was(project_copy):
    paths = catalogs.catalogs(project_copy / "locale")
    russian = project_copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"
    with russian.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "A sentence no code uses"\nmsgstr "Предложение без кода"\n')
    before = {path: path.read_bytes() for path in paths}
    assert catalogs.check(project_copy)
    assert {path: path.read_bytes() for path in paths} == before


def test_catalogs_that_make_messages_would_change_are_reported(project_copy):
    template = project_copy / "templates" / "pages" / "brand_new.html"
    template.write_text('{% load i18n %}{% translate "A sentence added to a template" %}')
    russian = project_copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"
    with russian.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "A sentence no code uses"\nmsgstr "Предложение без кода"\n')
    problems = {
        (p.path.parent.parent.name, p.msgid, p.message) for p in catalogs.check(project_copy)
    }
    for language in LANGUAGES:
        assert (
            language,
            "A sentence added to a template",
            "in the code but not in the catalog: run make messages",
        ) in problems
    assert (
        "ru",
        "A sentence no code uses",
        "no longer in the code: run make messages",
    ) in problems


def test_make_messages_leaves_an_up_to_date_catalog_byte_for_byte(project_copy):
    catalogs.update_catalogs(project_copy)  # brings the copy up to date, whatever the tree
    paths = catalogs.catalogs(project_copy / "locale")
    for path in paths:
        po = polib.pofile(str(path))
        assert po.metadata["POT-Creation-Date"]
        text = path.read_text(encoding="utf-8")
        dated = text.replace(po.metadata["POT-Creation-Date"], "2000-01-01 00:00+0000", 1)
        path.write_text(dated, encoding="utf-8")
    before = {path: path.read_bytes() for path in paths}
    catalogs.update_catalogs(project_copy)
    assert {path: path.read_bytes() for path in paths} == before
