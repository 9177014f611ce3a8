"""The rule of a dated history (employment, rank, salary, post, allowance, concurrent position, position version).

A row runs from its first day to its last day (None: still running). A row taking effect on E supersedes the
row running on E: that row's last day becomes E−1 and the new row opens on E. Pure functions; the writer that
applies them to stored rows is `hrapp.services.history`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def day_before(on: date) -> date:
    """The last day of a row superseded by a row opening on `on`."""
    return on - ONE_DAY


def runs_on(end: date | None, on: date) -> bool:
    """A row whose last day is `end` still runs on `on` (or later): a row opening on `on` closes it."""
    return end is None or end >= on


def in_force(first: date | None, last: date | None, on: date) -> bool:
    """A row (or a unit) from `first` to `last` (None: open at that end) is in force on `on`."""
    return (first is None or first <= on) and runs_on(last, on)


def superseded_end(start: date, end: date | None, on: date, *, started_before: bool = False) -> date | None:
    """The last day a row [start, end] gets when a row opens on `on`: E−1 while the row still runs on `on`;
    None when the row is left as it is (it ended before `on`, or, with `started_before`, it opens on or after
    `on`: callers that refuse such rows before writing leave it False, as their rule always did)."""
    if not runs_on(end, on) or (started_before and start >= on):
        return None
    return day_before(on)


def chain_ends(starts: Sequence[date]) -> list[date | None]:
    """The last days of consecutive rows opening on `starts` (in order): each ends the day before the next
    opens, the last one runs."""
    return [day_before(nxt) for nxt in starts[1:]] + [None] if starts else []
