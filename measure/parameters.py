"""Parameters of measure 21.4.7.56, each with the sentence it comes from.

The one place for every period, age and date that the eligibility rules use (in the spirit of
OpenFisca parameters): the rules in ``measure.rules`` import these names and contain no
numbers of their own. The website's pages import ``MEASURE``, ``PROJECT_START`` and
``PROJECT_END`` from here too, so those names are part of the public interface.

Source: ``docs/sources/project-description.txt`` (the Estonian text is authoritative; the English
translation is quoted next to it). No Django imports here.
"""

from datetime import date

from dateutil.relativedelta import relativedelta

MEASURE = "21.4.7.56"
"""The EU cohesion policy measure this project is run under.

Seed (et): "... Euroopa Liidu ühtekuuluvuspoliitika meetme 21.4.7.56 „Kohalike omavalitsuste
toetamine lõimumise ja kohanemise teenuste pakkumisel" raames ..."
Seed (en): "... activities under Measure 21.4.7.56 of the European Union's Cohesion Policy ..."
"""

PROJECT_START = date(2025, 1, 1)
"""First day of the project.

Seed (et): "Projekti algus: 01.01.2025". Seed (en): "Project Start Date: January 1, 2025".
"""

PROJECT_END = date(2027, 12, 31)
"""Last day of the project (inclusive).

Seed (et): "Projekt kestab kuni 31.12.2027." Seed (en): "Project End Date: December 31, 2027".
"""

NEW_IMMIGRANT_RESIDENCE = relativedelta(years=5)
"""Legal residence below which a person is a new immigrant, above which of diverse background.

Seed (et): "Uussisserändaja on vähem kui viis aastat Eestis seaduslikult elanud: ..." and
"Erineva keele- ja kultuuritaustaga inimene on üle viie aasta Eestis seaduslikul alusel viibiv
isik ...". Seed (en): "... legally resided in Estonia for less than five years ..." and
"... legally resided in Estonia for more than five years ...".
Counted in calendar years as Tsiviilseadustiku üldosa seadus §§ 134–136 count periods.
"""

RESIDENCE_INTERRUPTION = relativedelta(months=6)
"""Time in a row outside Estonia after which legal residence counts afresh from the return.

The seed measures a duration ("vähem kui viis aastat ... seaduslikult elanud", "üle viie aasta
... viibiv") and says nothing about absences, so the checker borrows the continuity rule that
Estonian and EU law apply to five years of residence for the long-term resident's status:
Council Directive 2003/109/EC, Article 4(3) ("Periods of absence ... shall not interrupt the
period ... where they are shorter than six consecutive months and do not exceed in total 10
months"), transposed by the Aliens Act (välismaalaste seadus) in its rules on the long-term
resident's residence permit. Only the six months in a row are used: the checker asks one
question, and the ten months in total would need every trip abroad. The form asks whether the
person has lived abroad for longer than this since their first permit; the engine receives the
start of the current period as ``resident_since``.
"""

REPATRIATE_RETURN_WINDOW = relativedelta(months=8)
"""How recently a returning Estonian citizen must have come back to be a repatriate.

Seed (et): "Tagasipöörduja on Eesti kodakondsust omav täiskasvanud isik, kes on Eestisse
püsivalt naasnud viimase kaheksa kuu jooksul ...". Seed (en): "... returned to Estonia for
permanent residence within the last eight months ...".
Counted in calendar months as Tsiviilseadustiku üldosa seadus §§ 134–136 count periods.
"""

ADULT_AGE = 18
"""Age from which a person is an adult ("täiskasvanud isik" in the repatriate definition).

Seed (et): "Tagasipöörduja on Eesti kodakondsust omav täiskasvanud isik ...". Seed (en):
"Repatriate — An adult Estonian citizen ...". Full active legal capacity (täisealisus) begins
at 18 under Tsiviilseadustiku üldosa seadus § 8. The engine receives adulthood as a yes/no
fact; this value is for the question asked in the form ("are you 18 or older?").
"""

TIME_ZONE = "Europe/Tallinn"
"""Time zone in which "today" is decided: Kohtla-Järve is in Estonia, so a day is an Estonian
calendar day (UTC+2, UTC+3 in summer), not the server's or UTC's."""
