# Russian as Django writes it ("1 января 2025 г."), with a non-breaking space before "г.", so
# the abbreviation never starts a line of its own.
DATE_FORMAT = "j E Y\u00a0г."
DATETIME_FORMAT = "j E Y\u00a0г. G:i"
YEAR_MONTH_FORMAT = "F Y\u00a0г."
