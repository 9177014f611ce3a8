"""Vietnamese text helpers: diacritic folding for search and a given-name collation key for sorting."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# A search is a few words of a name: longer text is refused before it reaches SQL (50,000 characters, or a
# thousand words, make SQLite refuse the query as too complex).
SEARCH_MAX_CHARS = 200


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics and map đ/Đ to d: 'Nguyễn Văn Nường' -> 'nguyen van nuong'."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


def normalize_name(text: str) -> str:
    """NFC, single spaces, each word capitalised as Vietnamese names are written."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" ")) if text else ""


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given): 'Nguyễn Thị Minh Khai' -> ('Nguyễn', 'Thị Minh', 'Khai')."""
    parts = normalize_name(full_name).split(" ")
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


# Vietnamese alphabet order for the primary level of collation.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks: no tone, huyền, hỏi, ngã, sắc, nặng (the customary dictionary order).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Combining marks that make a letter of the alphabet (ă, â, ê, ô, ơ, ư), not a tone.
_LETTER_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                 ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a word into (base letter of the Vietnamese alphabet, tone) pairs."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.category(ch) == "Mn":
            if not out:
                continue
            base, tone = out[-1]
            if (base, ch) in _LETTER_MARKS:
                out[-1] = (_LETTER_MARKS[(base, ch)], tone)
            elif ch in _TONES:
                out[-1] = (base, _TONES[ch])
            continue
        out.append((ch, 0))
    return out


@lru_cache(maxsize=65536)  # family, middle and given names repeat across thousands of people
def _part_key(part: str) -> str:
    """Digits only, so every database collation orders it like binary: letters as 10..43, words split by
    01, the part ended by 00, then one tone digit per letter (secondary level, compared only on a tie)."""
    words, tones = [], []
    for word in part.split():
        codes = []
        for base, tone in _letters(word):
            code = _PRIMARY.get(base)
            codes.append(f"{10 + code:02d}" if code is not None else "99")
            tones.append(str(tone))
        words.append("".join(codes))
    return "01".join(words) + "00" + "".join(tones)


def name_sort_key(full_name: str) -> str:
    """Key whose plain order is Vietnamese collation by given name, then middle, then family name.

    Stored in an indexed column so lists of 100,000 people sort in SQL on SQLite and PostgreSQL alike.
    """
    family, middle, given = split_name(full_name)
    return "".join(_part_key(p) for p in (given, middle, family))
