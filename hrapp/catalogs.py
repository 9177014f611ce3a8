"""Bundled reference catalogues (resources/catalogs): codes and Vietnamese labels, cached in memory."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hrapp.paths import CATALOGS


@cache
def catalog(kind: str) -> dict[str, Any]:
    """The whole catalogue file: {"title", "legal_basis"?, "items": [...]}."""
    return json.loads((CATALOGS / f"{kind}.json").read_text(encoding="utf-8"))


def kinds() -> list[str]:
    return sorted(p.stem for p in CATALOGS.glob("*.json") if p.stem != "ranks")


@cache
def items(kind: str) -> list[dict[str, Any]]:
    return list(catalog(kind)["items"])


@cache
def labels(kind: str) -> dict[str, str]:
    return {it["code"]: it["name"] for it in items(kind)}


def label(kind: str, code: str | None, default: str = "") -> str:
    if not code:
        return default
    return labels(kind).get(code, code)


def extra(kind: str, code: str) -> dict[str, Any]:
    for it in items(kind):
        if it["code"] == code:
            return it.get("extra") or {}
    return {}


@cache
def ranks() -> dict[str, dict[str, Any]]:
    return {r["code"]: r for r in catalog("ranks")["items"]}


CATEGORIES = ("cong_chuc", "vien_chuc", "vien_chuc_tu_chu", "hop_dong", "hop_dong_nv_cong_chuc")
