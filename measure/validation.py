"""Which facts the rules can decide on: ``check_facts`` raises ``InvalidFacts`` for the rest.

Only the facts that apply to the person are checked; the rules ignore the others too. The codes
are ``facts.INVALID_FACTS_CODES``; docs/eligibility.md says when each is raised and why.
"""

from datetime import date

from .facts import Citizenship, Facts, InvalidFacts, ResidenceBasis

# Only EU citizens hold a right of residence of their own under the Citizen of the EU Act;
# family members of any other citizenship hold theirs through the EU citizen.
_EU_CITIZEN_RIGHTS = (ResidenceBasis.EU_TEMPORARY_RIGHT, ResidenceBasis.EU_PERMANENT_RIGHT)

# What EU citizens cannot hold, and the code that says why. International protection is for
# "a third-country national or a stateless person" (Act on Granting International Protection to
# Aliens, § 2); the Aliens Act's permits are not for EU citizens, who have the Citizen of the EU
# Act's rights; that Act's family member "is not a citizen of the European Union or Estonia".
_NOT_FOR_EU_CITIZENS = {
    ResidenceBasis.INTERNATIONAL_PROTECTION: "protection_not_for_eu_citizens",
    ResidenceBasis.PROTECTION_FAMILY_PERMIT: "permit_not_for_eu_citizens",
    ResidenceBasis.TEMPORARY_PERMIT: "permit_not_for_eu_citizens",
    ResidenceBasis.LONG_TERM_PERMIT: "permit_not_for_eu_citizens",
    ResidenceBasis.EU_FAMILY_TEMPORARY_RIGHT: "family_right_not_for_eu_citizens",
    ResidenceBasis.EU_FAMILY_PERMANENT_RIGHT: "family_right_not_for_eu_citizens",
}


def _require(value: object, field_name: str) -> None:
    if value is None:
        raise InvalidFacts(field_name, "required")


def _not_after(day: date, as_of: date, field_name: str) -> None:
    # A residence or return that has not happened yet cannot count; it is a mistyped date.
    if day > as_of:
        raise InvalidFacts(field_name, "after_as_of", f"{day} is after {as_of}")


def check_facts(facts: Facts, as_of: date) -> None:
    """Raise ``InvalidFacts`` for facts the rules cannot decide on.

    Only the facts that apply to the person are checked; the others are ignored by the rules too.
    """
    if facts.citizenship == Citizenship.ESTONIAN:
        _require(facts.naturalised, "naturalised")
        if facts.naturalised:
            _require(facts.resident_since, "resident_since")
            _not_after(facts.resident_since, as_of, "resident_since")
        if facts.returned_on is not None:
            _not_after(facts.returned_on, as_of, "returned_on")
            _require(facts.adult, "adult")
            _require(facts.population_register, "population_register")
        return
    basis = facts.residence_basis
    if facts.citizenship == Citizenship.EU:
        if basis in _NOT_FOR_EU_CITIZENS:
            raise InvalidFacts("residence_basis", _NOT_FOR_EU_CITIZENS[basis])
        if facts.protection is not None:
            raise InvalidFacts("protection", "protection_not_for_eu_citizens")
    elif basis in _EU_CITIZEN_RIGHTS:
        raise InvalidFacts("residence_basis", "requires_eu_citizenship")
    if basis == ResidenceBasis.NONE:
        return
    _require(facts.resident_since, "resident_since")
    _not_after(facts.resident_since, as_of, "resident_since")
    if basis == ResidenceBasis.INTERNATIONAL_PROTECTION:
        _require(facts.protection, "protection")
