# Estonian: day.month.year, as the project description writes its dates ("01.01.2025").
# The numeric form also reads correctly after "alates" and "kuni" ("alates 01.06.2024"), where
# the long form would need the elative or terminative ("alates 1. juunist").
DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
