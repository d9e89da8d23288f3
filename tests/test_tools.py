"""`make screenshots` and `make bench` take the languages from settings.LANGUAGES: a language
added there is photographed and measured with no change to the tools."""

from bench.run import lighthouse_paths
from tests.support.languages import LANGUAGES
from tools import screenshots

ADDED = ("xx", "Added language")


def test_the_screenshots_are_of_every_language_and_one_added_to_settings(settings):
    assert screenshots.languages() == list(LANGUAGES)
    settings.LANGUAGES = [*settings.LANGUAGES, ADDED]
    assert screenshots.languages() == [*LANGUAGES, "xx"]
    assert screenshots.screenshot_path("xx", "home", "phone").name == "xx-home-phone.png"


def test_the_benchmark_audits_every_language_and_one_added_to_settings(settings):
    assert {path.split("/")[1] for path in lighthouse_paths()} == set(LANGUAGES)
    settings.LANGUAGES = [*settings.LANGUAGES, ADDED]
    assert "/xx/" in lighthouse_paths()
    assert "/xx/eligibility/" in lighthouse_paths()
