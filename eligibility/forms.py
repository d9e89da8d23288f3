"""``FactsForm``: the one path to a decision, for the JSON API and the checker alike.

It takes all facts at once, keyed by the API's field names, checks each value's type and
spelling, builds ``rules.Facts`` and asks ``rules.decide``; the engine's ``InvalidFacts`` become
field errors. The JSON API feeds it the request body; the checker's last step feeds it the
answers collected by the questions (``flow.Flow.facts_data``). Nothing else decides eligibility.
"""

from django import forms
from django.core.exceptions import ValidationError

from measure.rules import (
    INVALID_FACTS_CODES,
    Citizenship,
    Decision,
    Facts,
    InvalidFacts,
    Protection,
    ResidenceBasis,
    decide,
    today_in_tallinn,
)

from .fields import VALUE_ERROR_CODES, BooleanValueField, EnumField, ISODateField
from .reasons import invalid_facts_message

# The codes of the errors a field can have: the fields' own, and the engine's (whose
# "required" is also what a form field says when its value is missing).
FIELD_ERROR_CODES = (*VALUE_ERROR_CODES, *INVALID_FACTS_CODES)


class FactsForm(forms.Form):
    """Every fact the engine decides on, by the API's field names; ``decision`` once valid.

    ``as_of`` defaults to today in Europe/Tallinn. Facts that do not apply to the person may be
    omitted or null: the engine ignores them, and asks for the ones it needs (``required``).
    Every error carries one of ``FIELD_ERROR_CODES``, which the API returns as ``error_codes``.
    """

    as_of = ISODateField(required=False)
    citizenship = EnumField(Citizenship)
    naturalised = BooleanValueField(required=False)
    residence_basis = EnumField(ResidenceBasis, required=False)
    protection = EnumField(Protection, required=False)
    resident_since = ISODateField(required=False)
    adult = BooleanValueField(required=False)
    returned_on = ISODateField(required=False)
    population_register = BooleanValueField(required=False)

    decision: Decision | None = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned  # the engine decides only on well-formed facts
        facts = {name: value for name, value in cleaned.items() if value is not None}
        as_of = facts.pop("as_of", None) or today_in_tallinn()
        try:
            self.decision = decide(Facts(**facts), as_of)
        except InvalidFacts as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, ValidationError(invalid_facts_message(error.code), error.code))
        return cleaned
