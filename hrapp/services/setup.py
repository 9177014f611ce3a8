"""Database set-up: migrations plus the reference data (catalogues, ranks, rule versions, letterhead)."""

from __future__ import annotations

from sqlalchemy import func, select

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.db.models import AppSetting, CatalogItem, OrgUnit, Person, Rank
from hrapp.services.rules_store import seed_rules

# A new database names no agency: the officer enters it at the first start (services.agency); nothing is
# printed under a made-up name. The demo department writes its own.
DEFAULT_SETTINGS = {
    "parent_agency": "",
    "agency_name": "",
    "agency_short": "",
    "place": "",
    "head_title": "",
    "head_name": "",
    "preparer_name": "",
}


# What earlier versions wrote into every new database; never entered by anyone (the demo also names its director).
_OLD_SEED = {"parent_agency": "UBND TỈNH BÌNH ĐỊNH", "agency_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "agency_short": "SKHCN",
             "place": "Bình Định", "head_title": "GIÁM ĐỐC", "head_name": "", "preparer_name": ""}


def _forget_made_up_agency(s) -> None:
    """A database made by an earlier version still holds the seeded Bình Định agency, untouched: it is
    cleared, so the officer is asked for the real one instead of printing under a made-up name."""
    stored = {row.key: row for row in s.scalars(select(AppSetting).where(AppSetting.key.in_(_OLD_SEED)))}
    if len(stored) == len(_OLD_SEED) and all((stored[k].value or "") == v for k, v in _OLD_SEED.items()):
        for row in stored.values():
            row.value = ""


def seed_reference_data(ctx: ServiceContext) -> dict[str, int]:
    """Idempotent: adds missing catalogue codes, ranks, rule versions and default settings."""
    counts = {"catalog_items": 0, "ranks": 0, "rules": 0, "settings": 0}
    with ctx.unit_of_work() as s:
        have = {(k, c) for k, c in s.execute(select(CatalogItem.kind, CatalogItem.code))}
        for kind in catalogs.kinds():
            for i, it in enumerate(catalogs.items(kind)):
                if (kind, it["code"]) not in have:
                    s.add(CatalogItem(kind=kind, code=it["code"], name=it["name"], sort_order=i,
                                      extra=it.get("extra")))
                    counts["catalog_items"] += 1
        have_ranks = set(s.scalars(select(Rank.code)))
        for code, r in catalogs.ranks().items():
            if code not in have_ranks:
                s.add(Rank(code=code, name=r["name"], salary_class=r["salary_class"], kind=r["kind"],
                           short=r.get("short"), required_education=r.get("required_education"),
                           sort_order=r.get("sort_order", 0)))
                counts["ranks"] += 1
        counts["rules"] = seed_rules(s)
        _forget_made_up_agency(s)
        have_keys = set(s.scalars(select(AppSetting.key)))
        for key, value in DEFAULT_SETTINGS.items():
            if key not in have_keys:
                s.add(AppSetting(key=key, value=value))
                counts["settings"] += 1
    ctx.invalidate_rules()
    return counts


def init_database(db: str | None = None, *, create: bool = True, passphrase: str | None = None,
                  new_passphrase: str | None = None) -> ServiceContext:
    """Create or upgrade the database and make sure the reference data is there (`create=False`: a SQLite file
    that does not exist is refused instead of created; `passphrase`: an encrypted file's; `new_passphrase`: a new
    database created encrypted from the start)."""
    ctx = ServiceContext.open(db, migrate=True, create=create, passphrase=passphrase, new_passphrase=new_passphrase)
    seed_reference_data(ctx)
    return ctx


def is_empty(ctx: ServiceContext) -> bool:
    """True when the database holds no personnel data (reference catalogues do not count)."""
    with ctx.read() as s:
        return not (s.scalar(select(func.count()).select_from(Person)) or s.scalar(select(func.count()).select_from(OrgUnit)))


def settings(ctx: ServiceContext) -> dict[str, str]:
    with ctx.read() as s:
        stored = {k: v for k, v in s.execute(select(AppSetting.key, AppSetting.value))}
    return {**DEFAULT_SETTINGS, **stored}
