"""Searching people by name as typed: the folded words of a search, each the start of a word of the name (diacritics
ignored), and narrowing an answer already read to a longer search without asking the database again."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat

from hrapp.errors import DomainError
from hrapp.text import SEARCH_MAX_CHARS, fold


def search_terms(text: str) -> list[str]:
    """The distinct folded words of a search; a search longer than SEARCH_MAX_CHARS is refused (one line)."""
    if text and len(text) > SEARCH_MAX_CHARS:
        raise DomainError("search_too_long", field="search", chars=SEARCH_MAX_CHARS)
    return list(dict.fromkeys(t for t in fold(text).split(" ") if t))


def haystack(name_folded: str) -> str:
    """The folded name with a leading space: a typed word starts a word of the name when ' ' + word is in it."""
    return " " + name_folded


def narrows(old_search: str, new_search: str) -> bool:
    """True when every person the new search finds is also found by the old one (each old word is the start of
    a new word), so the new answer can be filtered from the old one."""
    new = search_terms(new_search)
    return all(any(n.startswith(o) for n in new) for o in search_terms(old_search))


def initials_index(haystacks: Sequence[str]) -> dict[str, list[int]]:
    """For each letter, the positions of the names with a word starting with it (ascending): the first typed
    word of a search then looks at these names only instead of all of them."""
    index: dict[str, list[int]] = {}
    for pos, h in enumerate(haystacks):
        for letter in {word[0] for word in h.split()}:
            index.setdefault(letter, []).append(pos)
    return index


def narrow(ids: Sequence[int], haystacks: Sequence[str], search: str,
           initials: dict[str, list[int]] | None = None) -> tuple[list[int], list[str]]:
    """The ids (and their haystacks) whose name has every typed word at the start of one of its words, in the
    given order: the same people the staff list query finds for `search` when `ids` came from a wider search.
    `initials` (the `initials_index` of `haystacks`) speeds up the first word."""
    terms = list(dict.fromkeys(search_terms(search)))
    if terms and initials is not None:
        first = " " + terms.pop(0)
        candidates = initials.get(first[1], [])
        picked = candidates if len(first) == 2 else [p for p in candidates if first in haystacks[p]]
        ids, haystacks = [ids[p] for p in picked], [haystacks[p] for p in picked]
    else:
        ids, haystacks = list(ids), list(haystacks)
    for term in terms:
        keep = list(map(str.__contains__, haystacks, repeat(" " + term)))
        ids, haystacks = list(compress(ids, keep)), list(compress(haystacks, keep))
    return ids, haystacks
