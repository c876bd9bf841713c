"""Calendar arithmetic for contract terms that must not fail on 29 February."""

from __future__ import annotations

import datetime as dt


def years_later(start: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 1 March in a year without it.

    So a term that starts on 29 February 2028 runs until 28 February of its last year: the day
    before the anniversary, as for any other start date."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year
        return dt.date(start.year + years, 3, 1)


def term_end(start: dt.date, years: int) -> dt.date:
    """The last day of a term of `years` years that starts on `start`."""
    return years_later(start, years) - dt.timedelta(days=1)
