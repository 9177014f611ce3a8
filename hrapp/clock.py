"""The one reader of the real date and time: everything else asks `today()` / `now()`, which tests can set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

_fixed: date | None = None


def _from_env() -> date | None:
    """`HRAPP_TODAY=YYYY-MM-DD` (or dd/mm/yyyy) moves the whole app to that day: CI runs the suite shifted."""
    text = os.environ.get("HRAPP_TODAY", "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"HRAPP_TODAY: not a date: {text!r}")


def today() -> date:
    """The day the app works on: the day set by `set_today` (tests), else HRAPP_TODAY, else the real date."""
    if _fixed is not None:
        return _fixed
    env = _from_env()
    return env if env is not None else date.today()


def _offset() -> timedelta:
    """How far the app's day is from the real one (zero unless a test or HRAPP_TODAY moved it)."""
    return today() - date.today()


def now() -> datetime:
    """The local date and time, moved with `today()`: the real time of day on the app's day."""
    return datetime.now() + _offset()


def utcnow() -> datetime:
    """UTC without a zone (as stored in the audit trail), moved with `today()`."""
    return datetime.now(UTC).replace(tzinfo=None) + _offset()


def set_today(day: date | None) -> None:
    """Fix the app's day (None: back to HRAPP_TODAY or the real date)."""
    global _fixed
    _fixed = day


@contextmanager
def frozen(day: date) -> Iterator[date]:
    """Within the block the app's day is `day`."""
    global _fixed
    before = _fixed
    _fixed = day
    try:
        yield day
    finally:
        _fixed = before


def shifted(days: int) -> date:
    """`today()` moved by a number of days (a convenience for defaults such as 'the last 30 days')."""
    return today() + timedelta(days=days)
