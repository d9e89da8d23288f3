"""The engine's reasons and errors in words: a sentence for every code, with exactly its dates,
in every language."""

import re
from datetime import date

import pytest
from django.utils import translation

from eligibility.reasons import (
    INVALID_FACTS_MESSAGES,
    NEXT_GROUP_SENTENCES,
    REASON_SENTENCES,
    VALID_FROM_SENTENCES,
    VALID_UNTIL_SENTENCES,
    reason_text,
)
from measure.rules import INVALID_FACTS_CODES, REASON_CODES, REASON_DATES, Reason
from tests.support.languages import LANGUAGES


def placeholders(sentence) -> set[str]:
    return set(re.findall(r"%\((\w+)\)s", str(sentence)))


def test_every_reason_code_has_a_sentence_with_exactly_its_dates():
    assert set(REASON_SENTENCES) == set(REASON_CODES)
    for code, sentence in REASON_SENTENCES.items():
        assert placeholders(sentence) == set(REASON_DATES[code]), code


def test_every_invalid_facts_code_has_a_message():
    assert set(INVALID_FACTS_MESSAGES) == set(INVALID_FACTS_CODES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_reads_in_every_language_with_its_dates(language):
    day = date(2027, 3, 15)
    for code in REASON_CODES:
        reason = Reason(code, dict.fromkeys(REASON_DATES[code], day))
        with translation.override("en"):
            english = reason_text(reason)
        with translation.override(language):
            text = reason_text(reason)
        assert "%(" not in text
        assert not text.endswith(".."), text
        assert (text == english) == (language == "en"), (language, code)
        if REASON_DATES[code]:
            assert "2027" in text, (language, code)
    with translation.override(language):
        for sentences in (VALID_UNTIL_SENTENCES, VALID_FROM_SENTENCES, NEXT_GROUP_SENTENCES):
            for sentence in sentences.values():
                assert placeholders(sentence) == {"date"}
                assert "%(" not in str(sentence) % {"date": "x"}
