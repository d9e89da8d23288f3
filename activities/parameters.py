"""The one place for the periods and sizes of services, events and news.

Everything here is a decision of the project's (not a rule of the measure: those are in
measure/parameters.py); change a number here and every page, feed, the API and the admin follow.
"""

from dateutil.relativedelta import relativedelta

SERVICE_CHECK_INTERVAL = relativedelta(months=6)
"""A service whose information was last checked longer ago than this (or never) is listed for
staff as due for a check (admin: "Information checked")."""

START_PAGE_EVENT_DAYS = 14
"""The admin's start page lists the events with sign-up (a number of places) starting within
this many days, today included, with how many have signed up."""

SERIES_MAX_DATES = 260
"""The most dates one series may have (five years of a weekly activity): a mistyped end date
must not create thousands of events."""

PAGE_SIZE = 20
"""Items on one page of a public list (services, events, news)."""

HOME_EVENTS = 3
HOME_NEWS = 3
"""The next events and the latest news items on the home page."""

LISTED_EVENTS = 5
"""The next events on a target group's page, a service's page and the checker's result."""

LISTED_SERVICES = 10
"""The services on a target group's page and the checker's result; the full list is linked."""

FEED_ITEMS = 50
"""Items in the Atom news feed and in the iCalendar feed (the soonest upcoming events)."""

API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
API_MAX_PAGE = 10_000
"""The JSON API's default and largest page size, and the highest page number it accepts."""
