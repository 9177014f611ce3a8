"""The words of the app's errors in Vietnamese and English: one table, used by the UI and the CLI alike.

An error carries a code and parameters (`HrappError(code, field=..., **params)`); the sentence the user reads is
chosen here, in the language of the session (`set_language`, called by the CLI from `--lang` and by the GUI when
it installs its translation). A raise site that still passes its own Vietnamese sentence keeps it as the
Vietnamese wording (and the fallback of a code not worded yet, listed in NOT_YET_WORDED); the table then gives
the other language. tests/test_messages.py holds every raise site to this table.

Parameters are filled in with `str.format`: a date is written dd/mm/yyyy, a list joined with commas, a
Vietnamese label known to TERMS (a field, a role, a right) is translated with the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from hrapp.messages.terms import TERMS
from hrapp.messages.words_cli import WORDS as _CLI
from hrapp.messages.words_data import WORDS as _DATA
from hrapp.messages.words_import import WORDS as _IMPORT
from hrapp.messages.words_records import WORDS as _RECORDS

LANGUAGES = ("vi", "en")
_state = {"language": "vi"}


def set_language(lang: str | None) -> str:
    """The language of the messages from now on (anything but "en" is Vietnamese); returns it."""
    _state["language"] = "en" if lang == "en" else "vi"
    return _state["language"]


def language() -> str:
    return _state["language"]



def _one_table(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The parts' words as one table; a code worded in two parts is a mistake, refused at import."""
    table: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = table.keys() & part.keys()
        if twice:
            raise ValueError(f"codes worded twice: {sorted(twice)}")
        table.update(part)
    return table


# code -> (Vietnamese, English), kept by subject in the words_* modules. Placeholders are the keyword
# parameters of the raise site.
MESSAGES: dict[str, tuple[str, str]] = _one_table(_DATA, _RECORDS, _CLI, _IMPORT)

# Codes raised across hrapp whose sentence exists only in Vietnamese at the raise site (shown as it is in
# English too). Word them in MESSAGES and take them off this list; the test fails on a stale entry.
NOT_YET_WORDED: frozenset[str] = frozenset({
    "not_eligible",  # hrapp/services/pay_list_approval.py: the reason comes worded in Vietnamese by hrapp/domain/pay_steps.py
    "planning_limit",  # hrapp/services/planning: the refusals come worded in Vietnamese by the planning checks
})

class Text(str):
    """A sentence worded from the table: a plain string in the language it was made in, which keeps its code
    and parameters so that it can be worded again in another language."""

    code: str
    params: dict[str, Any]

    def __new__(cls, value: str, code: str, params: Mapping[str, Any]) -> Text:
        obj = super().__new__(cls, value)
        obj.code = code
        obj.params = dict(params)
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), self.code, self.params))


class Verbatim(str):
    """A parameter written as it is in every language: a name in the user's file (a sheet, a column header)."""

    __slots__ = ()


def text(code: str, /, **params: Any) -> Text:
    """The sentence of `code` in the current language, as a string that remembers its code."""
    return Text(word(code, params), code, params)


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return say(value, lang)
    if isinstance(value, Verbatim):
        return str(value)
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str):
        return TERMS.get(value, value) if lang == "en" else value
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(_value(v, lang)) for v in value)
    return value


def entry_of(code: str, area: str = "") -> tuple[str, str] | None:
    """The table's entry for a code; an error class with an `area` (account) looks up "area.code" first."""
    return (MESSAGES.get(f"{area}.{code}") if area else None) or MESSAGES.get(code)


def word(code: str, params: Mapping[str, Any] | None = None, lang: str | None = None,
         fallback: str | None = None, area: str = "") -> str:
    """The sentence for `code` in `lang` (default: the current language). A raise site's own Vietnamese
    sentence (`fallback`) is the Vietnamese wording, and the wording of any code the table lacks."""
    lang = lang or language()
    entry = entry_of(code, area)
    if entry is None or (lang == "vi" and fallback):
        return fallback if fallback is not None else code
    template = entry[0] if lang == "vi" else entry[1]
    values = {k: _value(v, lang) for k, v in (params or {}).items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a parameter missing: the site's words rather than a crash
        return fallback if fallback is not None else template


def term(label: str, lang: str | None = None) -> str:
    """A Vietnamese label of the app (a state, a method, a kind) in `lang`: its English from TERMS, else as it is."""
    return TERMS.get(label, label) if (lang or language()) == "en" else label


def say(message: str, lang: str | None = None) -> str:
    """A message that may be a Text, in `lang`."""
    if isinstance(message, Text):
        return word(message.code, message.params, lang, fallback=None if message.code in MESSAGES else str(message))
    return str(message)


def render(exc: BaseException, lang: str | None = None) -> str:
    """What the user reads for an error, in `lang` (default: the current language)."""
    worded = getattr(exc, "worded", None)
    if callable(worded):
        return str(worded(lang))
    return str(exc)


def join(messages: Iterable[str], lang: str | None = None, sep: str = "; ") -> str:
    return sep.join(say(m, lang) for m in messages)
