"""hypothesis strategies for people and days, for the properties of the rules and of the API."""

from datetime import date

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from measure.rules import Citizenship, Facts, Protection, ResidenceBasis

# Decades around the project, far enough from date.max that no period overflows.
DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))
# Dates near the project's edges and leap days are where rules go wrong, so draw them often.
EDGE_DAYS = st.sampled_from(
    [date(2020, 2, 29), date(2024, 2, 29), date(2024, 12, 31), date(2025, 1, 1), date(2027, 12, 31)]
)

# EU citizens hold the EU citizen's rights, everyone else permits or the family member's rights.
EU_CITIZEN_BASES = [
    ResidenceBasis.NONE,
    ResidenceBasis.EU_TEMPORARY_RIGHT,
    ResidenceBasis.EU_PERMANENT_RIGHT,
]
BASES_FOR = {
    Citizenship.EU: EU_CITIZEN_BASES,
    Citizenship.THIRD_COUNTRY: [
        ResidenceBasis.NONE,
        *(basis for basis in ResidenceBasis if basis not in EU_CITIZEN_BASES),
    ],
}
BASES_FOR[Citizenship.UNDETERMINED] = BASES_FOR[Citizenship.THIRD_COUNTRY]

TEMPORARY_BASES = [
    ResidenceBasis.TEMPORARY_PERMIT,
    ResidenceBasis.INTERNATIONAL_PROTECTION,
    ResidenceBasis.PROTECTION_FAMILY_PERMIT,
    ResidenceBasis.EU_FAMILY_TEMPORARY_RIGHT,
]


def on_or_before(as_of: date, years: int) -> st.SearchStrategy[date]:
    return st.dates(min_value=as_of - relativedelta(years=years), max_value=as_of)


@st.composite
def valid_cases(draw) -> tuple[Facts, date]:
    """A person whose facts are complete and consistent, and a day to decide on."""
    as_of = draw(st.one_of(DAYS, EDGE_DAYS))
    citizenship = draw(st.sampled_from(Citizenship))
    if citizenship == Citizenship.ESTONIAN:
        naturalised = draw(st.booleans())
        returned_on = draw(st.none() | on_or_before(as_of, 2))
        facts = Facts(
            citizenship=citizenship,
            naturalised=naturalised,
            resident_since=draw(on_or_before(as_of, 40)) if naturalised else None,
            returned_on=returned_on,
            adult=draw(st.booleans()) if returned_on else None,
            population_register=draw(st.booleans()) if returned_on else None,
        )
        return facts, as_of
    basis = draw(st.sampled_from(BASES_FOR[citizenship]))
    has_basis = basis != ResidenceBasis.NONE
    kinds = st.sampled_from(Protection)
    if basis == ResidenceBasis.INTERNATIONAL_PROTECTION:
        protection = draw(kinds)
    elif citizenship == Citizenship.EU:
        protection = None  # protection is for third-country nationals and stateless people
    else:
        protection = draw(st.none() | kinds)  # with any permit, and ignored without one
    facts = Facts(
        citizenship=citizenship,
        residence_basis=basis,
        resident_since=draw(on_or_before(as_of, 12)) if has_basis else None,
        protection=protection,
    )
    return facts, as_of


@st.composite
def temporary_residents(draw) -> Facts:
    """A foreigner on a temporary basis: new immigrant first, diverse background later."""
    citizenship = draw(st.sampled_from([Citizenship.THIRD_COUNTRY, Citizenship.UNDETERMINED]))
    basis = draw(st.sampled_from(TEMPORARY_BASES))
    if draw(st.booleans()):
        citizenship, basis = Citizenship.EU, ResidenceBasis.EU_TEMPORARY_RIGHT
    return Facts(
        citizenship=citizenship,
        residence_basis=basis,
        resident_since=draw(st.one_of(DAYS, EDGE_DAYS)),
        protection=Protection.REFUGEE if basis == ResidenceBasis.INTERNATIONAL_PROTECTION else None,
    )


ANY_DAY = st.one_of(st.dates(), st.sampled_from([date.min, date.max, date(9994, 12, 31)]))
ANY_FACTS = st.builds(
    Facts,
    citizenship=st.sampled_from(Citizenship),
    naturalised=st.none() | st.booleans(),
    residence_basis=st.sampled_from(ResidenceBasis),
    protection=st.none() | st.sampled_from(Protection),
    resident_since=st.none() | ANY_DAY,
    adult=st.none() | st.booleans(),
    returned_on=st.none() | ANY_DAY,
    population_register=st.none() | st.booleans(),
)
