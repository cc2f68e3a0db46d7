"""English dates in the same order as the Danish, day first and a 24-hour clock: «1 December 2026»,
«1 December 2026, 14:30», «December 2026»; Django's own English would write «Dec. 1, 2026, 2:30 p.m.»."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
