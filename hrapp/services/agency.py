"""The officer's own agency: its name, governing body, province, the date line's place, the signers and the
short name; read by every letterhead, signature block, the window header and suggested file names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import AppSetting
from hrapp.errors import ValidationError
from hrapp.security import WRITE, require

PROVINCE_CATALOG = "province"

# DTO field -> AppSetting key (the keys the letterheads have always used, plus the new ones)
SETTING_KEYS: dict[str, str] = {
    "name": "agency_name",
    "parent_agency": "parent_agency",
    "province": "province",
    "place": "place",
    "head_title": "head_title",
    "head_name": "head_name",
    "deputy_title": "deputy_title",
    "deputy_name": "deputy_name",
    "preparer_name": "preparer_name",
    "short": "agency_short",
}

MAX_LENGTH = {"short": 20, "province": 40}
DEFAULT_MAX = 200
SHORT_PATTERN = re.compile(r"^[A-ZĐ0-9&.\-]*$")
REQUIRED = ("name", "parent_agency", "province", "place", "head_title")

LABELS = {
    "name": "tên cơ quan",
    "parent_agency": "cơ quan chủ quản",
    "province": "tỉnh, thành phố",
    "place": "địa danh ghi ở dòng ngày tháng",
    "head_title": "chức vụ người ký",
    "head_name": "họ tên người ký",
    "deputy_title": "chức vụ người ký thay",
    "deputy_name": "họ tên người ký thay",
    "preparer_name": "họ tên người lập biểu",
    "short": "tên viết tắt",
}


@dataclass(frozen=True)
class Agency:
    """The agency as printed. `deputy_title` set: the deputy signs 'KT. <head_title>' above their own title."""

    name: str = ""
    parent_agency: str = ""
    province: str = ""
    place: str = ""
    head_title: str = ""
    head_name: str = ""
    deputy_title: str = ""
    deputy_name: str = ""
    preparer_name: str = ""
    short: str = ""

    @property
    def configured(self) -> bool:
        """False on a new database until the officer entered the agency (nothing is made up)."""
        return bool(self.name.strip())

    @property
    def province_name(self) -> str:
        return catalogs.label(PROVINCE_CATALOG, self.province)

    @property
    def deputy_signs(self) -> bool:
        return bool(self.deputy_title.strip())


@dataclass(frozen=True)
class AgencyProblem:
    """One refused field: a code for the wording, the DTO field it belongs to and its parameters."""

    code: str
    field: str
    params: dict[str, object]

    @property
    def message(self) -> str:
        """The Vietnamese sentence (the wording of the message table, hrapp/messages)."""
        return self.worded("vi")

    def worded(self, lang: str | None = None) -> str:
        sentence = messages.word(self.code, {"label": LABELS[self.field], **self.params}, lang)
        return sentence[0].upper() + sentence[1:]


class AgencyError(ValidationError):
    """The agency was refused; `problems` lists every field at fault (code, field, parameters)."""

    def __init__(self, problems: list[AgencyProblem]):
        self.problems = problems
        super().__init__([(p.field, p.message) for p in problems])
        self.code = problems[0].code
        self.message = " ".join(m for _f, m in self.errors)  # one line, each sentence ending in its full stop
        self.params = dict(problems[0].params)

    def worded(self, lang: str | None = None) -> str:
        if (lang or messages.language()) == "vi":
            return super().worded(lang)
        return " ".join(p.worded(lang) for p in self.problems)


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    city: bool  # thành phố trực thuộc trung ương
    formed_from: tuple[str, ...]

    @property
    def label(self) -> str:
        """'Gia Lai (Bình Định, Gia Lai)': the former provinces help an officer find the merged one."""
        return f"{self.name} ({', '.join(self.formed_from)})" if self.formed_from else self.name


def provinces() -> list[Province]:
    """The 34 provinces and centrally-run cities in force from 01/07/2025, in the catalogue's order."""
    out = []
    for it in catalogs.items(PROVINCE_CATALOG):
        extra = it.get("extra") or {}
        out.append(Province(it["code"], it["name"], extra.get("kind") == "thanh_pho",
                            tuple(extra.get("formed_from", ()))))
    return out


def province_legal_basis() -> str:
    return str(catalogs.catalog(PROVINCE_CATALOG).get("legal_basis", ""))


def suggested_parent(province_code: str) -> str:
    """'UBND TỈNH GIA LAI', 'UBND THÀNH PHỐ HÀ NỘI': the usual governing body of a Sở of that province."""
    p = next((p for p in provinces() if p.code == province_code), None)
    if p is None:
        return ""
    name = p.name.removeprefix("Thành phố ")
    return f"UBND {'THÀNH PHỐ' if p.city else 'TỈNH'} {name.upper()}"


def suggested_place(province_code: str) -> str:
    """The place name of the date line: the province's name ('Gia Lai, ngày … tháng … năm …')."""
    return catalogs.label(PROVINCE_CATALOG, province_code) if province_code else ""


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def normalised(agency: Agency) -> Agency:
    """Spaces collapsed, NFC, the short name in capitals."""
    values = {f.name: _clean(getattr(agency, f.name)) for f in fields(Agency)}
    values["short"] = values["short"].upper()
    return Agency(**values)


def problems_of(agency: Agency) -> list[AgencyProblem]:
    """Every field at fault, in the form's order (empty list: the agency can be saved)."""
    a = normalised(agency)
    out: list[AgencyProblem] = []
    for f in fields(Agency):
        value = getattr(a, f.name)
        limit = MAX_LENGTH.get(f.name, DEFAULT_MAX)
        if f.name in REQUIRED and not value:
            out.append(AgencyProblem("agency_required", f.name, {}))
        elif len(value) > limit:
            out.append(AgencyProblem("agency_too_long", f.name, {"limit": limit}))
        elif f.name == "province" and value and value not in catalogs.labels(PROVINCE_CATALOG):
            out.append(AgencyProblem("agency_province_unknown", f.name, {"value": value}))
        elif f.name == "short" and not SHORT_PATTERN.match(value):
            out.append(AgencyProblem("agency_short_invalid", f.name, {}))
        elif f.name == "deputy_title" and a.deputy_name and not value:
            out.append(AgencyProblem("agency_deputy_title_required", f.name, {}))
    return out


def get_agency(ctx: ServiceContext) -> Agency:
    """The agency as stored; empty fields on a new database. Read before sign-in (the sign-in screen shows it)."""
    with ctx.read() as s:
        stored = {k: v for k, v in s.execute(select(AppSetting.key, AppSetting.value))}
    return Agency(**{f: stored.get(key) or "" for f, key in SETTING_KEYS.items()})


def agency_province(session: Session) -> str:
    """The agency's province code read in an open session ('' when not entered): the rules that differ by
    province group (post allowances, deputy limits) read it inside the use case's own transaction."""
    return session.scalar(select(AppSetting.value).where(AppSetting.key == SETTING_KEYS["province"])) or ""


def set_agency(ctx: ServiceContext, agency: Agency) -> Agency:
    """Validate and store the agency (personnel officer or administrator). Only changed values are written,
    so saving the same values writes nothing; each change is in the audit log (AppSetting rows)."""
    require(ctx, WRITE)
    problems = problems_of(agency)
    if problems:
        raise AgencyError(problems)
    values = asdict(normalised(agency))
    with ctx.unit_of_work() as s:
        stored = {row.key: row for row in s.scalars(select(AppSetting).where(
            AppSetting.key.in_(SETTING_KEYS.values())))}
        for f, key in SETTING_KEYS.items():
            row = stored.get(key)
            if row is None:
                if values[f]:
                    s.add(AppSetting(key=key, value=values[f]))
            elif (row.value or "") != values[f]:
                row.value = values[f]
    return get_agency(ctx)


def update_agency(ctx: ServiceContext, **changes: str) -> Agency:
    """Change some fields and keep the others (the command line's `agency set --place …`)."""
    unknown = set(changes) - set(SETTING_KEYS)
    if unknown:
        raise ValueError(f"unknown agency fields: {sorted(unknown)}")
    return set_agency(ctx, replace(get_agency(ctx), **changes))


def file_prefix(agency: Agency) -> str:
    """'SKHCN_' for suggested file names ('SKHCN_bien_che_2022.pdf'); empty without a short name."""
    return f"{agency.short}_" if agency.short else ""
