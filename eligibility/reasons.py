"""The engine's reasons and errors in words, for the checker's pages and the JSON API alike.

``rules.decide`` returns reason codes plus dates (``rules.REASON_DATES``) and raises
``InvalidFacts`` with an error code; this module holds the one translatable sentence for each,
with named placeholders for the dates, and formats the dates in the active language's
``DATE_FORMAT``. Tests prove every code has a sentence with exactly the engine's placeholders.
The wording explains and never blames: a group that does not apply says whom it is for.
"""

from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from django.utils import formats, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from measure.rules import Group, GroupResult, Reason

REASON_SENTENCES: Mapping[str, Promise] = {
    "refugee": _("You have been recognised as a refugee and have a residence permit in Estonia."),
    "subsidiary_protection": _("You have subsidiary protection and a residence permit in Estonia."),
    "temporary_protection": _("You have temporary protection and a residence permit in Estonia."),
    "no_international_protection": _(
        "This group is for people who have been granted international protection themselves and "
        "have a residence permit in Estonia."
    ),
    "estonian_citizen": _("This group is for foreigners, and you are an Estonian citizen."),
    "no_legal_residence": _(
        "This group is for people who live in Estonia with a residence permit or a right of "
        "residence."
    ),
    "temporary_residence_permit": _("You have a temporary residence permit."),
    "international_protection_permit": _(
        "A residence permit based on international protection is a temporary residence permit."
    ),
    "eu_temporary_right": _("You have a temporary right of residence as an EU citizen."),
    "eu_family_temporary_right": _(
        "You have a temporary right of residence as a family member of an EU citizen."
    ),
    "protection_family_permit": _(
        "A residence permit as a family member of a person granted international protection is "
        "a temporary residence permit."
    ),
    "residence_not_temporary": _(
        "This group is for people with a temporary residence permit or a temporary right of "
        "residence; yours is long-term or permanent."
    ),
    "resident_less_than_five_years": _(
        "You have lived in Estonia legally since %(resident_since)s: that counts as less than "
        "five years until %(until)s."
    ),
    "resident_more_than_five_years": _(
        "You have lived in Estonia legally since %(resident_since)s: that counts as more than "
        "five years from %(since)s."
    ),
    "naturalised_citizen": _("You became an Estonian citizen by naturalisation."),
    "undetermined_citizenship": _("Your citizenship is undetermined."),
    "citizen_of_another_country": _("You are a citizen of another country."),
    "estonian_citizen_by_birth": _(
        "This group is for naturalised Estonian citizens and for people with another or "
        "undetermined citizenship; you are an Estonian citizen from birth."
    ),
    "returned_within_eight_months": _(
        "You moved back to Estonia on %(returned_on)s: that counts as within the last eight "
        "months until %(until)s."
    ),
    "returned_more_than_eight_months_ago": _(
        "You moved back to Estonia on %(returned_on)s. This group is for the first eight months "
        "after moving back, which ended on %(until)s."
    ),
    "not_returned": _(
        "This group is for Estonian citizens who have moved back to Estonia from abroad."
    ),
    "not_estonian_citizen": _("This group is for Estonian citizens."),
    "not_adult": _("This group is for adults, aged 18 or older."),
    "not_adult_yet": _(
        "This group is for adults, aged 18 or older. If you turn 18 on or before %(until)s, it "
        "can apply to you from your 18th birthday until that day."
    ),
    "not_in_population_register": _(
        "This group is for people whose residence is registered in the Estonian population "
        "register. You can register your residence with your local government."
    ),
    "project_not_started": _("The project starts on %(project_start)s."),
    "project_ended": _("The project ended on %(project_end)s."),
    "project_ends_first": _("The project ends earlier, on %(project_end)s."),
    "ends_before_project_starts": _("That is before the project starts on %(project_start)s."),
}

# What the dates of a result mean, in one sentence each. Groups the engine never gives such a
# date get the general sentence, so a future rule change still reads correctly.
VALID_UNTIL_SENTENCES: Mapping[Group | None, Promise] = {
    Group.NEW_IMMIGRANT: _("You count as a newly arrived immigrant until %(date)s."),
    Group.REPATRIATE: _("You count as a repatriate until %(date)s."),
    None: _("This group applies to you until %(date)s."),
}
VALID_FROM_SENTENCES: Mapping[Group | None, Promise] = {
    Group.DIVERSE_BACKGROUND: _(
        "From %(date)s you will count as a person with a diverse linguistic and cultural "
        "background."
    ),
    None: _("This group will apply to you from %(date)s."),
}
NEXT_GROUP_SENTENCES: Mapping[Group | None, Promise] = {
    Group.DIVERSE_BACKGROUND: _(
        "From %(date)s you count as a person with a diverse linguistic and cultural background "
        "instead."
    ),
    None: _("From %(date)s another target group applies to you instead."),
}

# ``InvalidFacts.code`` in words. The checker asks only the questions that apply and checks
# each date as it is entered, so these are mostly read by programs calling the API.
INVALID_FACTS_MESSAGES: Mapping[str, Promise] = {
    "required": _("This field is required for the answers given."),
    "after_as_of": _("The date must not be after as_of (today, when as_of is not given)."),
    "date_out_of_range": _(
        "The date is too far in the future: the periods counted from it would end after the "
        "year 9999."
    ),
    "requires_eu_citizenship": _(
        'This right of residence is for EU citizens: it needs citizenship "eu".'
    ),
    "protection_not_for_eu_citizens": _(
        "International protection is granted only to citizens of countries outside the EU and to "
        'people without citizenship, not with citizenship "eu".'
    ),
    "permit_not_for_eu_citizens": _(
        "EU citizens live in Estonia with a right of residence, not a residence permit: with "
        'citizenship "eu", use eu_temporary_right or eu_permanent_right.'
    ),
    "family_right_not_for_eu_citizens": _(
        "This right of residence is for family members who are not EU citizens themselves: with "
        'citizenship "eu", use eu_temporary_right or eu_permanent_right.'
    ),
}


def format_date(day: date) -> str:
    """A date in the active language's long format (15. märts 2027, 15 марта 2027 г.)."""
    return _formatted_date(day, translation.get_language())


# Every answer names the same few dates (the project's, and a handful per answer): formatting
# each once per language keeps the API cheap. A few thousand strings at most.
@lru_cache(maxsize=4096)
def _formatted_date(day: date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def _fill(sentence: Promise, dates: Mapping[str, date]) -> str:
    text = sentence % {key: format_date(day) for key, day in dates.items()}
    # A date that ends in an abbreviation ("31 декабря 2027 г.") also ends the sentence.
    return text[:-1] if text.endswith("..") else text


def reason_text(reason: Reason) -> str:
    """The reason as a sentence in the active language, its dates filled in."""
    return _fill(REASON_SENTENCES[reason.code], reason.dates)


def _dated(sentences: Mapping[Group | None, Promise], group: Group, day: date) -> str:
    return _fill(sentences.get(group, sentences[None]), {"date": day})


def date_notes(result: GroupResult) -> list[str]:
    """The dates that matter for one result, as sentences: until when, from when, what next."""
    notes = []
    if result.eligible and result.valid_until:
        notes.append(_dated(VALID_UNTIL_SENTENCES, result.group, result.valid_until))
    if not result.eligible and result.valid_from:
        notes.append(_dated(VALID_FROM_SENTENCES, result.group, result.valid_from))
    if result.next_group and result.next_group_from:
        notes.append(_dated(NEXT_GROUP_SENTENCES, result.next_group, result.next_group_from))
    return notes


def invalid_facts_message(code: str) -> str:
    return str(INVALID_FACTS_MESSAGES[code])
