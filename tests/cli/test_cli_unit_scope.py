"""The command line signed in as an account limited to one unit (the demo's TTUD, 47 people) prints nobody of the
other units, in every report, planning check and print, export, list and alert; asking for another unit or for
someone outside is refused in the words used for a unit or a person that does not exist."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.context import ServiceContext
from hrapp.db.models import OrgUnit, Person
from hrapp.services import accounts
from hrapp.services.accounts import NewUser
from hrapp.services.agency import get_agency

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW = "Quantri#2026"
PW = "Matkhau123"
USER = "ttud.lanhdao"


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("HRAPP_NEW_PASSWORD", "HRAPP_DB")}
    env["HRAPP_PASSWORD"] = PW
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--user", USER, *args],
                          capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                         for v in row if v is not None)
    return path.read_text(encoding="utf-8-sig")


def named(text: str, names: set[str]) -> set[str]:
    return {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)}


class Scoped:
    def __init__(self, db: Path, inside: set[str], outside: set[str], outside_id: int, inside_id: int) -> None:
        self.db, self.inside, self.outside = db, inside, outside
        self.outside_id, self.inside_id = outside_id, inside_id


@pytest.fixture(scope="module")
def scoped(tmp_path_factory, demo_template) -> Scoped:
    """The demo with accounts on and a unit leader of TTUD (personal data, approvals, that unit only)."""
    import shutil

    db = tmp_path_factory.mktemp("scope") / "demo.sqlite3"
    shutil.copyfile(demo_template, db)
    ctx = ServiceContext.open(str(db), migrate=False)
    accounts.enable_accounts(ctx, "admin", ADMIN_PW)
    accounts.sign_in(ctx, "admin", ADMIN_PW)
    with ctx.read() as s:
        ttud = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "TTUD"))
        people = s.execute(select(Person.id, Person.full_name, Person.cur_unit_id)).all()
    agency = get_agency(ctx)
    accounts.create_user(ctx, NewUser(USER, "Tamthoi123", "lanh_dao", unit_scope=(ttud,)))
    accounts.change_password(ctx, USER, "Tamthoi123", PW)
    ctx.engine.dispose()
    inside = {n for _, n, u in people if u == ttud}
    signers = {agency.head_name, agency.deputy_name, agency.preparer_name}
    outside = {n for _, n, u in people if u != ttud} - inside - signers
    return Scoped(db, inside, outside, min(i for i, _, u in people if u != ttud),
                  min(i for i, _, u in people if u == ttud))


@pytest.mark.parametrize("args, out", [
    (("report", "staff-list"), "ds.csv"),
    (("report", "staff-list"), "ds.xlsx"),
    (("report", "staffing", "--year", "2025", "--by-position"), "bc.xlsx"),
    (("report", "quality"), "cl.xlsx"),
    (("planning", "print", "--period", "2020-2025", "--kind", "list"), "qh.xlsx"),
    (("planning", "print", "--period", "2020-2025", "--kind", "summary"), "cc.xlsx"),
    (("planning", "print", "--period", "2020-2025", "--kind", "review"), "rs.xlsx"),
    (("export", "employees"), "xuat.xlsx"),
    (("export", "employees", "--all"), "xuat_all.xlsx"),
])
def test_files_written_by_a_unit_limited_account_name_nobody_outside(scoped, tmp_path, args, out):
    target = tmp_path / out
    flag = ["--out", str(target)] if args[0] in ("report", "planning") else [str(target)]
    if args[:2] == ("report", "quality"):
        flag += ["--as-of", "31/12/2025"]
    res = run(scoped.db, *args, *flag)
    assert res.returncode == 0, res.stderr
    text = text_of(target)
    assert named(text, scoped.outside) == set()
    if args[:2] in (("report", "staff-list"), ("export", "employees")):
        assert named(text, scoped.inside) == scoped.inside


def test_the_staff_list_counts_the_units_people_only(scoped, tmp_path):
    res = run(scoped.db, "report", "staff-list", "--out", str(tmp_path / "ds.json"))
    assert res.returncode == 0, res.stderr
    assert "(47 " in res.stdout


@pytest.mark.parametrize("args", [
    ("employees", "list", "--format", "json"),
    ("employees", "list", "--format", "json", "--all"),
    ("alerts", "--days", "3650", "--format", "json"),
    ("planning", "check", "--period", "2020-2025", "--format", "json"),
    ("planning", "check", "--period", "2026-2031", "--format", "json"),
    ("training", "gaps", "--format", "json"),
])
def test_lists_printed_by_a_unit_limited_account_name_nobody_outside(scoped, args):
    res = run(scoped.db, *args)
    assert res.returncode == 0, res.stderr
    json.loads(res.stdout)
    assert named(res.stdout, scoped.outside) == set()


@pytest.mark.parametrize("args", [
    ("report", "staff-list", "--unit", "{unit}", "--out", "{out}/ds.xlsx"),
    ("export", "employees", "{out}/x.xlsx", "--unit", "{unit}"),
    ("employees", "list", "--unit", "{unit}"),
    ("training", "gaps", "--unit", "{unit}"),
])
def test_another_unit_is_refused_in_the_words_of_a_unit_that_does_not_exist(scoped, tmp_path, args):
    words = []
    for unit in ("BGD", "KHONGCO"):
        res = run(scoped.db, *(a.format(unit=unit, out=tmp_path) for a in args))
        assert res.returncode == 1
        words.append(res.stderr.replace(unit, "X"))
    assert words[0] == words[1]
    assert list(tmp_path.iterdir()) == []


def test_the_cv_of_someone_outside_is_refused_like_someone_who_does_not_exist(scoped, tmp_path):
    words = []
    for pid in (scoped.outside_id, 999_999):
        res = run(scoped.db, "report", "cv", "--employee", str(pid), "--out", str(tmp_path / f"{pid}.pdf"))
        assert res.returncode == 1
        words.append(res.stderr.replace(str(pid), "N"))
    assert words[0] == words[1]
    assert list(tmp_path.iterdir()) == []
    mine = run(scoped.db, "report", "cv", "--employee", str(scoped.inside_id), "--out", str(tmp_path / "cv.pdf"))
    assert mine.returncode == 0, mine.stderr
