"""Dates as each site language writes them (settings.FORMAT_MODULE_PATH).

Templates and code keep using Django's named formats (``|date:"DATE_FORMAT"``,
``formats.date_format(day, "DATE_FORMAT")``); each <language>/formats.py sets only what differs
from Django's own formats for that language. A language without a module here gets Django's.
"""
