# Ukrainian as the Cabinet of Ministers' acts and public services write a date in a sentence:
# "1 січня 2025 р." (day, month in the genitive, year, "р."), with a non-breaking space before
# "р.", so the abbreviation never starts a line of its own.
DATE_FORMAT = "j E Y\u00a0р."
DATETIME_FORMAT = "j E Y\u00a0р. H:i"
