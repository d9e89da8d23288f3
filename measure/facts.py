"""The words of the rules: what a person tells (``Facts``), the target groups, and what the
rules answer (``Decision``, a ``GroupResult`` per group with its ``Reason`` codes).

Reason and error codes are the contract with the presentation layer, which words them: every
code is listed here with the keys of the dates it carries.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Citizenship(StrEnum):
    ESTONIAN = "estonian"
    # The Citizen of the European Union Act also covers EEA and Swiss citizens.
    EU = "eu"
    THIRD_COUNTRY = "third_country"
    UNDETERMINED = "undetermined"


class ResidenceBasis(StrEnum):
    NONE = "none"
    TEMPORARY_PERMIT = "temporary_permit"
    LONG_TERM_PERMIT = "long_term_permit"
    INTERNATIONAL_PROTECTION = "international_protection"
    # A temporary permit under the Act on Granting International Protection to Aliens for the
    # family member of a refugee or protection holder (family reunification), who has not been
    # granted protection themselves.
    PROTECTION_FAMILY_PERMIT = "protection_family_permit"
    EU_TEMPORARY_RIGHT = "eu_temporary_right"
    EU_PERMANENT_RIGHT = "eu_permanent_right"
    EU_FAMILY_TEMPORARY_RIGHT = "eu_family_temporary_right"
    EU_FAMILY_PERMANENT_RIGHT = "eu_family_permanent_right"


class Protection(StrEnum):
    REFUGEE = "refugee"
    SUBSIDIARY = "subsidiary"
    TEMPORARY = "temporary"


class Group(StrEnum):
    """The four target groups, in the order the API and the pages list them."""

    INTERNATIONAL_PROTECTION = "international_protection"
    NEW_IMMIGRANT = "new_immigrant"
    DIVERSE_BACKGROUND = "diverse_background"
    REPATRIATE = "repatriate"


@dataclass(frozen=True)
class Facts:
    """What a person tells about themselves. Facts that do not apply to them are ignored."""

    citizenship: Citizenship
    naturalised: bool | None = None  # Estonian citizens only
    residence_basis: ResidenceBasis = ResidenceBasis.NONE  # non-citizens; ignored for Estonians
    # International protection granted to the person themselves, whatever the current basis of
    # residence (a refugee on a long-term resident's permit is still a refugee); None: none.
    protection: Protection | None = None
    # First day of the current period of legal residence in Estonia (non-citizens, and
    # naturalised citizens): the day the first residence permit or right of residence began, or,
    # after more than six months in a row abroad, the day the current period began. A visa or a
    # visa-free stay is not residence. The seed counts years of legal residence, not years on
    # the current permit.
    resident_since: date | None = None
    adult: bool | None = None
    returned_on: date | None = None  # Estonian citizens who moved back
    population_register: bool | None = None


@dataclass(frozen=True)
class Reason:
    """A reason is a code plus the dates it mentions; the presentation layer words it."""

    code: str
    dates: Mapping[str, date] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupResult:
    group: Group
    eligible: bool
    reasons: tuple[Reason, ...]
    valid_until: date | None = None  # last day this result holds (eligible: last eligible day)
    valid_from: date | None = None  # when not yet eligible but will be: first eligible day
    next_group: Group | None = None  # group 2: group 3 applies instead ...
    next_group_from: date | None = None  # ... from this date


@dataclass(frozen=True)
class Decision:
    as_of: date
    results: tuple[GroupResult, ...]  # all four, in Group order
    project_active: bool

    @property
    def groups(self) -> tuple[Group, ...]:
        """The groups whose rule holds on ``as_of``, in order: exactly the eligible results.

        Outside the project period too; ``project_active`` says whether the project is running.
        """
        return tuple(result.group for result in self.results if result.eligible)

    def result_for(self, group: Group) -> GroupResult:
        """The result for one group."""
        return next(result for result in self.results if result.group == group)


class InvalidFacts(ValueError):
    """Facts the engine cannot decide on; the API answers them with 400.

    ``field`` is the API field name (e.g. ``"resident_since"``), ``code`` one of
    ``INVALID_FACTS_CODES``.
    """

    def __init__(self, field: str, code: str, message: str = "") -> None:
        self.field = field
        self.code = code
        super().__init__(f"{field}: {code}" + (f" ({message})" if message else ""))


INVALID_FACTS_CODES = (
    "required",  # a fact needed for this person is missing
    "after_as_of",  # a date lies after the day decided on
    "date_out_of_range",  # a period from this date would end after date.max
    "requires_eu_citizenship",  # an EU right of residence, claimed by a non-EU citizen
    # What the law rules out for EU (EEA, Swiss) citizens:
    "protection_not_for_eu_citizens",  # international protection is for third-country nationals
    "permit_not_for_eu_citizens",  # a residence permit: EU citizens have a right of residence
    "family_right_not_for_eu_citizens",  # the family member's right is for non-EU citizens
)

# Every reason code the engine emits, with the keys of the dates it carries.
REASON_DATES: Mapping[str, tuple[str, ...]] = {
    # group 1
    "refugee": (),
    "subsidiary_protection": (),
    "temporary_protection": (),
    "no_international_protection": (),
    # groups 1 and 2: only foreigners
    "estonian_citizen": (),
    # groups 1, 2 and 3
    "no_legal_residence": (),
    # group 2
    "temporary_residence_permit": (),
    "international_protection_permit": (),
    "eu_temporary_right": (),
    "eu_family_temporary_right": (),
    "protection_family_permit": (),
    "residence_not_temporary": (),
    # groups 2 and 3
    "resident_less_than_five_years": ("resident_since", "until"),
    "resident_more_than_five_years": ("resident_since", "since"),
    # group 3
    "naturalised_citizen": (),
    "undetermined_citizenship": (),
    "citizen_of_another_country": (),
    "estonian_citizen_by_birth": (),
    # group 4
    "returned_within_eight_months": ("returned_on", "until"),
    "returned_more_than_eight_months_ago": ("returned_on", "until"),
    "not_returned": (),
    "not_estonian_citizen": (),
    "not_adult": (),
    "not_adult_yet": ("until",),
    "not_in_population_register": (),
    # every group, from the project period
    "project_not_started": ("project_start",),
    "project_ended": ("project_end",),
    "project_ends_first": ("project_end",),
    "ends_before_project_starts": ("project_start",),
}
REASON_CODES: tuple[str, ...] = tuple(REASON_DATES)
