"""Places after the two-tier reform of local government (from 01/07/2025: 34 provinces and centrally-run cities,
communes under them, no district level): the official list and the mapping of the old province / district /
commune names to it, both from the `vietnamadminunits` package (the 34-province list with the codes of the
statistics office, the 63-province list and its own old-to-new mapping), never a table typed here.

A place is kept as its text (what the officer or the file wrote, printed as written) and, where the text names
one official unit without doubt, its code: five digits for a commune (xã, phường, đặc khu), two for a province
when only the province is certain. `resolve` reads old or new names; `search` is the officer's picker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from hrapp.text import fold

# the reform the list follows (Nghị quyết 202/2025/QH15 on the provinces; the Standing Committee's resolutions
# on the communes of each province), in force from 01/07/2025
REFORM_DATE = "2025-07-01"

# the kinds of unit written before a name, longest first ("thi xa" before "xa", "thanh pho" before "pho")
_KINDS = ("thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "huyen", "quan", "tinh", "xa", "tp.", "tp",
          "tx.", "tx", "tt.", "tt", "q.", "p.", "h.", "x.")
_KIND_RE = re.compile(r"^(?:" + "|".join(re.escape(k) + (r"\s*" if k.endswith(".") else r"\s+")
                                         for k in _KINDS) + r")(?=\S)")
_DISTRICT_KINDS = ("huyen ", "quan ", "thi xa ", "q.", "tx.", "h.")
_CODE_RE = re.compile(r"^\d{2}(?:\d{3})?$")


def _key(part: str) -> str:
    """A name without its kind, diacritics, case or spaces: 'Tỉnh Bình Định' -> 'binhdinh'."""
    return _keys(part)[0]


def _keys(part: str) -> tuple[str, ...]:
    """The keys a written name may have: without its kind, and as written when its first word may be part of
    the name itself ('Quan Hóa', 'Tịnh Biên')."""
    folded = fold(part).strip(" .")
    bare = _KIND_RE.sub("", folded, count=1)
    keys = (re.sub(r"[^0-9a-z]", "", bare), re.sub(r"[^0-9a-z]", "", folded))
    return keys[:1] if keys[0] == keys[1] or not keys[0] else keys


def _is_district(part: str) -> bool:
    """Whether a part is written as a district ('Huyện Tịnh Biên'), which is never a commune."""
    return fold(part).strip().startswith(_DISTRICT_KINDS)


def _find(table: Mapping[tuple[str, str], object], prefix: str, keys: tuple[str, ...]) -> tuple[str, str] | None:
    """The first (prefix, key) of the keys found in an index, or None."""
    return next(((prefix, k) for k in keys if (prefix, k) in table), None)


@dataclass(frozen=True)
class Place:
    """One unit of the official list: a commune (5-digit code) or a province (2-digit code)."""

    code: str
    name: str  # 'Xã Tuy Phước Đông' or 'Tỉnh Gia Lai'
    province_code: str
    province_name: str

    @property
    def is_province(self) -> bool:
        return len(self.code) == 2

    @property
    def label(self) -> str:
        """As printed: 'Xã Tuy Phước Đông, Tỉnh Gia Lai'."""
        return self.province_name if self.is_province else f"{self.name}, {self.province_name}"


@dataclass(frozen=True)
class Resolution:
    """What a text names. `code` is set only when it is certain; `candidates` lists the places an ambiguous
    text may mean; `old` says the text used the names before 01/07/2025."""

    text: str
    code: str | None
    candidates: tuple[Place, ...] = ()
    old: bool = False

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def place(self) -> Place | None:
        return place(self.code) if self.code else None


@dataclass
class _Index:
    places: dict[str, Place]
    communes: tuple[Place, ...]
    search_keys: tuple[str, ...]  # ' xa tuy phuoc dong tinh gia lai' per commune, same order
    new_province: dict[str, str]  # name key -> province code (new names)
    old_province: dict[str, str]  # name key of an old province -> its old package key
    old_to_new_province: dict[str, str]  # old package key -> new province code
    new_communes: dict[tuple[str, str], list[str]]  # (province code, name key) -> commune codes
    old_districts: dict[tuple[str, str], list[str]]  # (old province key, name key) -> old district keys
    old_wards: dict[tuple[str, str], list[tuple[str, str]]]  # (old province key, name key) -> (district, ward)
    old_to_new_ward: dict[str, tuple[str, ...]]  # 'prov_district_ward' old keys -> new commune codes


@cache
def _index() -> _Index:
    # imported at the first use, not with this module: the package reads its 4 MB of data and loads shapely
    # when imported, which the main window's start (which reads masking, which names this module) must not wait for
    from vietnamadminunits.converter import converter_2025
    from vietnamadminunits.database import get_data

    new_rows = get_data(["province", "provinceShort", "provinceCode", "provinceKey", "ward", "wardShort",
                         "wardCode", "wardKey"], table="admin_units")
    places: dict[str, Place] = {}
    by_new_key: dict[tuple[str, str], str] = {}  # (package province key, package ward key) -> code
    province_of_key: dict[str, str] = {}
    new_province: dict[str, str] = {}
    new_communes: dict[tuple[str, str], list[str]] = {}
    for r in new_rows:
        pcode = r["provinceCode"]
        province_of_key[r["provinceKey"]] = pcode
        places.setdefault(pcode, Place(pcode, r["province"], pcode, r["province"]))
        new_province[_key(r["province"])] = pcode
        if r["wardCode"]:
            places[r["wardCode"]] = Place(r["wardCode"], r["ward"], pcode, r["province"])
            by_new_key[(r["provinceKey"], r["wardKey"])] = r["wardCode"]
            new_communes.setdefault((pcode, _key(r["ward"])), []).append(r["wardCode"])
    new_province.update({"hcm": new_province["hochiminh"], "tphcm": new_province["hochiminh"],
                         "saigon": new_province["hochiminh"], "thuathienhue": new_province["hue"]})
    communes = tuple(sorted((p for p in places.values() if not p.is_province),
                            key=lambda p: (fold(p.province_name), fold(p.name))))

    old_to_new_province = {old: province_of_key[new] for new, olds in converter_2025.DICT_PROVINCE.items()
                           for old in olds}
    old_to_new_ward: dict[str, tuple[str, ...]] = {}
    for new_pkey, wards in converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for new_wkey, olds in wards.items():
            for old in olds:
                old_to_new_ward[old] = (by_new_key[(new_pkey, new_wkey)],)
    for new_pkey, split in converter_2025.DICT_PROVINCE_WARD_DIVIDED.items():
        for old, targets in split.items():
            old_to_new_ward[old] = tuple(by_new_key[(new_pkey, t["newWardKey"])] for t in targets)

    old_rows = get_data(["province", "provinceKey", "district", "districtKey", "ward", "wardKey"],
                        table="admin_units_legacy")
    old_province: dict[str, str] = {}
    old_districts: dict[tuple[str, str], list[str]] = {}
    old_wards: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in old_rows:
        pkey = r["provinceKey"]
        old_province[_key(r["province"])] = pkey
        dkeys = old_districts.setdefault((pkey, _key(r["district"])), [])
        if r["districtKey"] not in dkeys:
            dkeys.append(r["districtKey"])
        if r["ward"]:
            old_wards.setdefault((pkey, _key(r["ward"])), []).append((r["districtKey"], r["wardKey"]))
    old_province.update({"hcm": old_province["hochiminh"], "tphcm": old_province["hochiminh"],
                         "saigon": old_province["hochiminh"], "thuathienhue": old_province["hue"]})
    return _Index(places, communes, tuple(_words(p.label) for p in communes), new_province, old_province,
                  old_to_new_province, new_communes, old_districts, old_wards, old_to_new_ward)


# ============================================================================================== the list


def place(code: str | None) -> Place | None:
    """The official unit of a code, or None for an unknown code."""
    return _index().places.get(code or "")


def provinces() -> tuple[Place, ...]:
    return tuple(sorted((p for p in _index().places.values() if p.is_province), key=lambda p: fold(p.name)))


def communes() -> tuple[Place, ...]:
    """Every commune of the list (3,321 from 01/07/2025), by province then name."""
    return _index().communes


def _words(label: str) -> str:
    return " " + " ".join(re.sub(r"[^0-9a-z ]", " ", fold(label)).split())


def search(query: str, limit: int = 50) -> tuple[Place, ...]:
    """The places in which every word typed begins a word of the name, without regard to diacritics or case:
    provinces first, then communes ('tuy phuoc' finds 'Xã Tuy Phước', 'Xã Tuy Phước Đông', …)."""
    words = [" " + w for w in _words(query).split()]
    if not words:
        return ()
    ix = _index()
    found: list[Place] = [p for p in provinces() if all(w in _words(p.name) for w in words)]
    for p, key in zip(ix.communes, ix.search_keys, strict=True):
        if len(found) >= limit:
            break
        if all(w in key for w in words):
            found.append(p)
    return tuple(found[:limit])


def fits(text: str | None, code: str | None) -> bool:
    """Whether a code belongs to a text: the text ends with the unit's printed label (a street or village may
    come before it), or the text resolves to the code."""
    p = place(code)
    if p is None or not text:
        return False
    if fold(text).endswith(fold(p.label)):
        return True
    return resolve(text).code == code


# ============================================================================================== reading a text


@lru_cache(maxsize=65536)  # the same place repeats across thousands of people of one province
def resolve(text: str | None) -> Resolution:
    """The official unit a place's text names, read as 'commune, province' (new names) or 'commune, district,
    province' (old names, mapped to the new list); a street or village before them is passed over. A foreign
    place or a text the list does not know gives no code; a name that fits several units gives their list."""
    raw = (text or "").strip()
    written = [x for x in raw.split(",") if _key(x)]
    parts = [_keys(x) for x in written]
    if not parts:
        return Resolution(raw, None)
    known = place(raw) if _CODE_RE.match(raw) else None
    if known is not None:
        return Resolution(raw, known.code, (known,))
    ix = _index()
    new_p = next((ix.new_province[k] for k in parts[-1] if k in ix.new_province), None)
    old_p = next((ix.old_province[k] for k in parts[-1] if k in ix.old_province), None)
    if new_p is None and old_p is None:
        return _without_province(raw, parts[-1])
    rest = parts[:-1]
    if old_p is not None and len(rest) >= 2:
        district = _find(ix.old_districts, old_p, rest[-1])
        if district is not None:
            return _old_commune(raw, old_p, rest[-2], ix.old_districts[district])
    if rest and _is_district(written[-2]):
        pass  # a district, not a commune: only its province is certain below
    elif new_p is not None and rest:
        commune = _find(ix.new_communes, new_p, rest[-1])
        if commune is not None:
            return _of_codes(raw, ix.new_communes[commune], fallback=new_p)
    if old_p is not None and rest:
        if not _is_district(written[-2]) and _find(ix.old_wards, old_p, rest[-1]) is not None:
            return _old_commune(raw, old_p, rest[-1], None)
        if _find(ix.old_districts, old_p, rest[-1]) is not None:
            return Resolution(raw, ix.old_to_new_province[old_p], (), True)  # a district: its province is certain
    code = new_p if new_p is not None else ix.old_to_new_province[old_p or ""]
    return Resolution(raw, code, (ix.places[code],) if not rest else (), old=new_p is None)


def _old_commune(raw: str, old_p: str, ward: tuple[str, ...], districts: list[str] | None) -> Resolution:
    ix = _index()
    found = _find(ix.old_wards, old_p, ward)
    pairs = [(d, w) for d, w in ix.old_wards.get(found, []) if districts is None or d in districts] if found else []
    codes: list[str] = []
    for d, w in pairs:
        for code in ix.old_to_new_ward.get(f"{old_p}_{d}_{w}", ()):
            if code not in codes:
                codes.append(code)
    return _of_codes(raw, codes, fallback=ix.old_to_new_province[old_p], old=True)


def _of_codes(raw: str, codes: list[str], fallback: str, old: bool = False) -> Resolution:
    """One code is certain; several are listed, keeping only the province when they share it."""
    ix = _index()
    if len(codes) == 1:
        return Resolution(raw, codes[0], (ix.places[codes[0]],), old)
    candidates = tuple(ix.places[c] for c in codes)
    provinces_of = {p.province_code for p in candidates}
    province = provinces_of.pop() if len(provinces_of) == 1 else (fallback if not candidates else None)
    return Resolution(raw, province, candidates, old)


def _without_province(raw: str, last: tuple[str, ...]) -> Resolution:
    """A text without a province: a commune name unique in the country is certain, else nothing is."""
    ix = _index()
    codes = [c for (_p, name), cs in ix.new_communes.items() if name in last for c in cs]
    if len(codes) == 1:
        return Resolution(raw, codes[0], (ix.places[codes[0]],))
    return Resolution(raw, None, tuple(ix.places[c] for c in codes))
