"""Versioned regulation data: a rule's numbers with their legal basis, chosen by the event's date."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hrapp.errors import DomainError


@dataclass(frozen=True)
class RuleVersion:
    """One version of one rule: e.g. code='retirement_age', version='nd135_2020'."""

    code: str
    version: str
    effective_from: date
    effective_to: date | None
    legal_basis: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    title: str = ""

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    @property
    def name(self) -> str:
        """The version's legal name, as officers cite it ("NĐ 135/2020/NĐ-CP"), not its internal id."""
        return display_name(self.version, self.legal_basis)

    def label(self) -> str:
        """Human label used where a result names the rule it came from: legal name and basis."""
        return f"{self.name} ({self.legal_basis})" if self.legal_basis != self.name else self.name

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "legal_basis": self.legal_basis,
            "name": self.name,
        }


class RuleBook:
    """An in-memory set of rule versions; `get(code, on=day)` picks the version in force that day."""

    def __init__(self, versions: Iterable[RuleVersion]):
        self._by_code: dict[str, list[RuleVersion]] = {}
        for v in versions:
            self._by_code.setdefault(v.code, []).append(v)
        for lst in self._by_code.values():
            lst.sort(key=lambda v: v.effective_from)

    def codes(self) -> list[str]:
        return sorted(self._by_code)

    def versions(self, code: str) -> list[RuleVersion]:
        return list(self._by_code.get(code, []))

    def all(self) -> list[RuleVersion]:
        return [v for code in self.codes() for v in self._by_code[code]]

    def get(self, code: str, on: date) -> RuleVersion:
        for v in reversed(self._by_code.get(code, [])):
            if v.applies_on(on):
                return v
        raise DomainError("rule_not_found", f"Không có quy định '{code}' áp dụng cho ngày {on:%d/%m/%Y}.")

    def by_version(self, code: str, version: str) -> RuleVersion:
        for v in self._by_code.get(code, []):
            if v.version == version:
                return v
        raise DomainError("rule_not_found", f"Không có phiên bản '{version}' của quy định '{code}'.")


_DOCUMENT = re.compile(
    r"(?P<kind>Nghị định|Thông tư|Quyết định)\s+(?P<number>\d+)/(?P<year>\d{4})/(?P<suffix>[A-ZĐ]+-[A-ZĐ]+)"
    r"|(?P<party>Quy định|Hướng dẫn)\s+(?P<pnumber>\d+)-(?P<psuffix>[A-ZĐ]+/[A-ZĐ]+)(?:\s+ngày\s+\d+/\d+/(?P<pyear>\d{4}))?"
    r"|(?P<code>Bộ luật Lao động|Luật [^,;(]+?)\s+(?P<cyear>\d{4})")
_ABBREVIATIONS = {"Nghị định": "NĐ", "Thông tư": "TT", "Quyết định": "QĐ"}
_VERSION_ID = re.compile(r"^[a-z]+?(?P<number>\d*)_?(?P<year>\d{4})$")


def _cited(m: re.Match[str]) -> tuple[str, str, str]:
    """(number, year, how the document is cited) of one document named in a legal basis."""
    if m.group("kind"):
        return (m.group("number"), m.group("year"),
                f"{_ABBREVIATIONS[m.group('kind')]} {m.group('number')}/{m.group('year')}/{m.group('suffix')}")
    if m.group("party"):
        return (m.group("pnumber"), m.group("pyear") or "",
                f"{m.group('party')} {m.group('pnumber')}-{m.group('psuffix')}")
    return ("", m.group("cyear"), f"{m.group('code')} {m.group('cyear')}")


def display_name(version: str, legal_basis: str) -> str:
    """The legal name of a rule version: the document its id names (nd135_2020 -> "NĐ 135/2020/NĐ-CP",
    tt03_2021 -> "TT 03/2021/TT-BNV", qd80_2022 -> "Quy định 80-QĐ/TW") found in its legal basis; else the
    first document the basis cites; else the basis up to its first comma or parenthesis."""
    documents = [_cited(m) for m in _DOCUMENT.finditer(legal_basis or "")]
    wanted = _VERSION_ID.match(version or "")
    if wanted:
        number, year = wanted.group("number"), wanted.group("year")
        for doc_number, doc_year, cited in documents:
            if (not number or (doc_number and int(doc_number) == int(number))) and doc_year in (year, ""):
                return cited
    if documents:
        return documents[0][2]
    head = re.split(r"[,;(]", legal_basis or "", maxsplit=1)[0].strip()
    return head or version


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def versions_from_json(data: dict[str, Any]) -> list[RuleVersion]:
    """Parse one rules file: {"code", "title", "versions": [{version, effective_from, effective_to, legal_basis, params}]}."""
    out = []
    for v in data["versions"]:
        out.append(
            RuleVersion(
                code=data["code"],
                version=v["version"],
                effective_from=date.fromisoformat(v["effective_from"]),  # a version always has its first day
                effective_to=_parse_date(v.get("effective_to")),
                legal_basis=v["legal_basis"],
                params=v.get("params", {}),
                title=data.get("title", ""),
            )
        )
    return out


def load_rulebook(folder: Path | None = None) -> RuleBook:
    """Read every `*.json` rules file of the bundled rule data (resources/rules)."""
    from hrapp.paths import RULES

    folder = folder or RULES
    versions: list[RuleVersion] = []
    for path in sorted(folder.glob("*.json")):
        versions.extend(versions_from_json(json.loads(path.read_text(encoding="utf-8"))))
    return RuleBook(versions)
