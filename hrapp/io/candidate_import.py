"""Excel import of a round's candidates (Phiếu đăng ký dự tuyển) and of score sheets, with the records
import's reader, cell parsing and error report: the whole file is checked, then written in one transaction,
or nothing is written and every problem comes back with its row and column.

Candidates are matched by CCCD within the round: importing the same file again changes nothing."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import IO, Any

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.orm import Session

from hrapp import clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import Candidate, RecruitmentRound
from hrapp.errors import ValidationError
from hrapp.io import excel_template as t
from hrapp.io.cells import new_workbook
from hrapp.io.excel_import import ImportCancelled, ImportResult, read_workbook, write_issues
from hrapp.io.excel_template import Col, SheetSpec
from hrapp.io.workbook_rows import (
    Codes,
    ImportIssue,
    Issues,
    Row,
    Sheet,
    code_lookups,
    column_readers,
    locate_sheet,
    parse_row,
)
from hrapp.queries.recruitment import QualificationItem, RoundSetup, get_round, priority_choices
from hrapp.queries.recruitment import _session as q
from hrapp.reports.document import write_atomically
from hrapp.reports.recruitment_scores import score_headers
from hrapp.security import WRITE, require
from hrapp.services import recruitment as rec
from hrapp.services.recruitment._common import require_status
from hrapp.text import fold

__all__ = ["CANDIDATES", "ImportIssue", "ImportResult", "import_candidates", "import_scores", "write_issues",
           "write_template"]

POSITIONS_SHEET = "Vị trí tuyển dụng"
PRIORITY_SHEET = "Diện ưu tiên"
_SPLIT = re.compile(r"\s*[;\n]\s*")

CANDIDATES = SheetSpec("Người dự tuyển", "Mỗi dòng một Phiếu đăng ký dự tuyển. Người đã có trong kỳ (trùng số "
                       "CCCD) được cập nhật theo tệp.", (
    Col("id_number", "Số CCCD", t.CCCD, True, 15, "12 chữ số; mỗi người chỉ một phiếu trong một kỳ tuyển dụng.",
        example="052196001234"),
    Col("full_name", "Họ và tên", t.TEXT, True, 24, example="Nguyễn Văn An"),
    Col("gender", "Giới tính", t.CODE, True, 9, "Nam hoặc Nữ.", "gender", "Nam"),
    Col("birth_date", "Ngày sinh", t.DATE, True, 12, "dd/mm/yyyy.", example="17/05/1996"),
    Col("birth_place", "Nơi sinh", t.TEXT, False, 22),
    Col("home_town", "Quê quán", t.TEXT, False, 22),
    Col("ethnicity", "Dân tộc", t.CODE, False, 10, "Tên hoặc mã dân tộc.", "ethnicity", "Kinh"),
    Col("religion", "Tôn giáo", t.CODE, False, 10, "Tên hoặc mã tôn giáo.", "religion", "Không"),
    Col("id_issue_date", "Ngày cấp CCCD", t.DATE, False, 12),
    Col("id_issue_place", "Nơi cấp CCCD", t.TEXT, False, 20),
    Col("permanent_address", "Hộ khẩu thường trú", t.TEXT, False, 26),
    Col("current_address", "Chỗ ở hiện nay", t.TEXT, False, 26),
    Col("phone", "Điện thoại", t.TEXT, False, 13),
    Col("email", "Thư điện tử", t.TEXT, False, 22),
    Col("education_level", "Trình độ chuyên môn", t.CODE, True, 12, "Văn bằng cao nhất: TS, ThS, DH, CD, TC.",
        "qualification_level", "DH"),
    Col("major", "Chuyên ngành đào tạo", t.TEXT, True, 24, example="Công nghệ thông tin"),
    Col("institution", "Cơ sở đào tạo", t.TEXT, False, 24),
    Col("graduation_year", "Năm tốt nghiệp", t.INT, False, 9),
    Col("degree_grade", "Xếp loại tốt nghiệp", t.TEXT, False, 12, example="Khá"),
    Col("llct", "Lý luận chính trị", t.CODE, False, 12, "cu_nhan, cao_cap, trung_cap, so_cap.",
        "qualification_level"),
    Col("tin_hoc", "Tin học", t.CODE, False, 14, "tin_hoc_co_ban, tin_hoc_nang_cao, tin_hoc_dh.",
        "qualification_level"),
    Col("language", "Ngoại ngữ", t.TEXT, False, 12, example="Tiếng Anh"),
    Col("language_level", "Trình độ ngoại ngữ", t.CODE, False, 10, "A1, A2, B1, B2, C1.", "qualification_level",
        "B1"),
    Col("experience_years", "Số năm kinh nghiệm", t.INT, False, 9),
    Col("preference1", "Vị trí dự tuyển", t.TEXT, True, 28, f"Mã hoặc tên vị trí (xem trang “{POSITIONS_SHEET}”)."),
    Col("preference2", "Nguyện vọng 2", t.TEXT, False, 24, "Vị trí thứ hai, nếu có."),
    Col("priority_groups", "Diện ưu tiên", t.TEXT, False, 24, f"Mã hoặc tên diện ưu tiên, nhiều diện cách nhau "
        f"bằng dấu chấm phẩy (xem trang “{PRIORITY_SHEET}”); chỉ tính diện cao nhất.", example="con_liet_si"),
    Col("exemptions", "Miễn thi phần", t.TEXT, False, 14, "Phần thi vòng 1 được miễn (ví dụ ngoai_ngu).",
        example="ngoai_ngu"),
    Col("exemption_note", "Căn cứ miễn thi", t.TEXT, False, 24),
    Col("applied_on", "Ngày nộp phiếu", t.DATE, False, 12),
    Col("note", "Ghi chú", t.TEXT, False, 20),
))

# fields of CandidateInput -> column keys (for placing each message next to its cell)
_FIELD_COLUMNS = {f.name: f.name for f in fields(rec.CandidateInput)} | {"preferences": "preference1"}
_QUAL_KIND_COLUMN = {"llct": "llct", "tin_hoc": "tin_hoc", "ngoai_ngu": "language_level"}


def _target_codes(s: Session, rnd: RecruitmentRound) -> Codes:
    pairs = []
    for target in rnd.targets:
        info = q.target_info(s, target)
        pairs.append((str(target.id), info.position_name))
        pairs.append((str(target.id), info.position_code))
    return Codes(pairs)


def _priority_codes(setup: RoundSetup) -> Codes:
    return Codes([(g.code, g.label) for g in setup.priority.groups])


def _part_codes(setup: RoundSetup) -> Codes:
    return Codes([(p.code, p.label) for p in setup.round1_parts] if setup.has_round1_test else [])


@dataclass
class _Form:
    row: Row
    dto: rec.CandidateInput


class _CandidateReader:
    def __init__(self, ctx: ServiceContext, s: Session, rnd: RecruitmentRound, today: date):
        self.ctx, self.s, self.rnd, self.today = ctx, s, rnd, today
        self.setup = q.round_setup(s, ctx.rulebook, rnd)
        self.issues = Issues()
        self.lookups = code_lookups([])
        self.targets = _target_codes(s, rnd)
        self.priority = _priority_codes(self.setup)
        self.parts = _part_codes(self.setup)
        self.rows = 0

    def _many(self, row: Row, key: str, codes: Codes, what: str) -> tuple[str, ...]:
        text = row.values.get(key)
        out: list[str] = []
        for token in _SPLIT.split(text or ""):
            if not token:
                continue
            code = codes.get(token)
            if code is None:
                self.issues.add(row.sheet, row.number, key, row.raw.get(key),
                                messages.text("import_not_in_round_list", what=what, token=messages.Verbatim(token)))
            else:
                out.append(code)
        return tuple(out)

    def _form(self, row: Row) -> rec.CandidateInput | None:
        v = row.values
        prefs: list[int] = []
        for key in ("preference1", "preference2"):
            text = v.get(key)
            if not text:
                continue
            code = self.targets.get(text)
            if code is None:
                self.issues.add(row.sheet, row.number, key, row.raw.get(key),
                                messages.text("import_position_not_in_round", position=messages.Verbatim(text),
                                              sheet=messages.Verbatim(POSITIONS_SHEET)))
                return None
            prefs.append(int(code))
        quals: list[QualificationItem] = []
        for key, kind in (("llct", "llct"), ("tin_hoc", "tin_hoc"), ("language_level", "ngoai_ngu")):
            if v.get(key):
                quals.append(QualificationItem(kind, v[key], language=v.get("language") if kind == "ngoai_ngu"
                                               else None))
        if v.get("language") and not v.get("language_level"):
            self.issues.add(row.sheet, row.number, "language_level", "", messages.text("import_language_level_missing"))
        groups = self._many(row, "priority_groups", self.priority, "Diện ưu tiên")
        exempt = self._many(row, "exemptions", self.parts, "Phần thi")
        if self.issues.has(row.sheet, row.number, "preference1"):
            return None
        return rec.CandidateInput(
            full_name=v.get("full_name") or "", gender=v.get("gender") or "", birth_date=v.get("birth_date"),
            id_number=v.get("id_number"), preferences=tuple(prefs), birth_place=v.get("birth_place"),
            home_town=v.get("home_town"), ethnicity=v.get("ethnicity"), religion=v.get("religion"),
            id_issue_date=v.get("id_issue_date"), id_issue_place=v.get("id_issue_place"),
            permanent_address=v.get("permanent_address"), current_address=v.get("current_address"),
            phone=v.get("phone"), email=v.get("email"), education_level=v.get("education_level"),
            major=v.get("major"), institution=v.get("institution"), graduation_year=v.get("graduation_year"),
            degree_grade=v.get("degree_grade"), qualifications=tuple(quals),
            experience_years=v.get("experience_years"), priority_groups=groups, exemptions=exempt,
            exemption_note=v.get("exemption_note"), applied_on=v.get("applied_on"), note=v.get("note"),
        )

    def _report(self, row: Row, dto: rec.CandidateInput, errors: Iterable[tuple[str, str]]) -> None:
        kinds = [_QUAL_KIND_COLUMN[x.kind] for x in dto.qualifications]
        for field, message in errors:
            base = field.split(".")[0]
            m = re.match(r"qualifications\[(\d+)\]", base)
            key = kinds[int(m.group(1))] if m else _FIELD_COLUMNS.get(base, base)
            if not self.issues.has(row.sheet, row.number, key):
                self.issues.add(row.sheet, row.number, key, row.raw.get(key), message)

    def read(self, book: dict[str, list[list[Any]]]) -> list[_Form]:
        sheet = locate_sheet(book, CANDIDATES, self.issues, required=True)
        if sheet is None:
            return []
        self.rows = len(sheet.rows)
        if not sheet.rows:
            self.issues.add(sheet, 2, None, "", messages.text("import_no_rows", sheet=messages.Verbatim(CANDIDATES.name)))
            return []
        forms: list[_Form] = []
        first: dict[str, int] = {}
        target_ids = [tg.id for tg in self.rnd.targets]
        converters = column_readers(sheet, self.lookups)
        for number, cells in sheet.rows:
            row = parse_row(sheet, number, cells, converters, self.issues)
            cccd = row.values.get("id_number")
            if cccd:
                if cccd in first:
                    self.issues.add(sheet, number, "id_number", row.raw.get("id_number"),
                                    messages.text("import_candidate_repeated", row=first[cccd]))
                    continue
                first[cccd] = number
            dto = self._form(row)
            if dto is None:
                continue
            self._report(row, dto, rec.candidate_errors(dto, self.setup, target_ids, self.today,
                                                        self.rnd.application_deadline, self.rnd.notice_date))
            forms.append(_Form(row, dto))
        return forms


def _snapshot(c: Candidate) -> tuple:
    """What the form wrote, to tell an unchanged candidate from an updated one."""
    cols = [col.name for col in Candidate.__table__.columns
            if col.name not in ("id", "created_at", "updated_at", "eligible", "ineligible_reasons", "checked_on")]
    return tuple(getattr(c, name) for name in cols) + tuple((p.target_id, p.choice) for p in c.preferences)


def import_candidates(ctx: ServiceContext, round_id: int, path: str | os.PathLike[str], *, dry_run: bool = False,
                      progress: Any = None, cancel: Any = None, today: date | None = None) -> ImportResult:
    """Check every row as the registration form does (duplicate CCCD, positions, priority groups …); unless
    `dry_run` or a problem was found, write all the candidates in one transaction."""
    require(ctx, WRITE)
    started = time.perf_counter()
    today = today or clock.today()
    book = read_workbook(path, cancel=cancel)
    with ctx.unit_of_work() as s:
        rnd = q.get_round(s, round_id)
        require_status(rnd, rec.EDITABLE_CANDIDATES, "nhập danh sách người dự tuyển")
        reader = _CandidateReader(ctx, s, rnd, today)
        forms = reader.read(book)
        existing = {c.id_number: c for c in q.candidates_of(s, rnd.id)}
        for form in forms:
            old = existing.get(form.dto.id_number or "")
            if old is not None and any(sc.round_no == 1 for sc in old.scores):
                reader.issues.add(form.row.sheet, form.row.number, "id_number", form.row.raw.get("id_number"),
                                  messages.text("import_candidate_scored", name=old.full_name))
        if reader.issues.items:
            issues = tuple(sorted(reader.issues.items, key=lambda i: (i.row, i.column)))
            return ImportResult(dry_run, issues, reader.rows, seconds=time.perf_counter() - started,
                                more_issues=reader.issues.more)
        new = sum(1 for f in forms if (f.dto.id_number or "") not in existing)
        if dry_run:
            return ImportResult(True, (), len(forms), created=new, unchanged=len(forms) - new,
                                seconds=time.perf_counter() - started)
        created = updated = unchanged = 0
        for n, form in enumerate(forms, start=1):
            if cancel is not None and cancel():
                raise ImportCancelled()
            old = existing.get(form.dto.id_number or "")
            before = _snapshot(old) if old is not None else None
            c = rec.save_candidate_in(s, ctx, rnd, form.dto, today, old)
            if old is None:
                created += 1
            elif _snapshot(c) == before:
                unchanged += 1
            else:
                updated += 1
            if progress is not None:
                progress(n, len(forms))
    return ImportResult(False, (), len(forms), created, updated, unchanged, seconds=time.perf_counter() - started)


# ============================================================================================== scores


def _score_sheet(book: dict[str, list[list[Any]]], spec: SheetSpec, issues: Issues) -> Sheet | None:
    """The first sheet with a 'Số báo danh' header; a printed sheet's two header rows are read as one (a part
    column's title sits in the second row, under its group)."""
    key = t.header_key("Số báo danh")
    for name, rows in book.items():
        for i, r in enumerate(rows[:40]):
            if not any(t.header_key(c) == key for c in r):
                continue
            header = list(r)
            below = rows[i + 1] if i + 1 < len(rows) else []
            wanted = {t.header_key(c.title) for c in spec.columns}
            for j, cell in enumerate(below):
                if t.header_key(cell) in wanted and j < len(header):
                    header[j] = cell
            found = locate_sheet({name: [header, *rows[i + 1:]]}, SheetSpec(name, spec.purpose, spec.columns), issues,
                            required=True)
            if found is not None:
                found.rows = [(n + i, cells) for n, cells in found.rows]
            return found
    issues.items.append(ImportIssue(spec.name, 0, "Số báo danh", "", messages.text("import_no_sbd_column", column=messages.Verbatim("Số báo danh"))))
    return None


def import_scores(ctx: ServiceContext, round_id: int, path: str | os.PathLike[str], round_no: int = 2, *,
                  dry_run: bool = False) -> ImportResult:
    """Read a score sheet — the Excel of the printed sheet filled in, or any sheet with 'Số báo danh' and the
    part columns. 'Vắng' marks an absentee; empty cells are skipped; every row is checked, then all are
    written at once, or none."""
    require(ctx, WRITE)
    started = time.perf_counter()
    info = get_round(ctx, round_id)
    columns = score_headers(info, round_no)
    spec = SheetSpec(f"Điểm vòng {round_no}", "Điểm theo số báo danh.", (
        Col("sbd", "Số báo danh", t.TEXT, False, 12),  # found by _score_sheet; blank on a printout's other lines
        Col("full_name", "Họ và tên", t.TEXT, False, 24),
        *(Col(code, title, t.TEXT, False, 14) for code, title in columns),
    ))
    book = read_workbook(path)
    issues = Issues()
    sheet = _score_sheet(book, spec, issues)
    with ctx.read() as s:
        cands = {c.sbd: (c.id, c.full_name) for c in q.candidates_of(s, round_id) if c.sbd}
    entries: list[rec.ScoreEntry] = []
    where: list[tuple[Sheet, int, str]] = []
    if sheet is not None:
        named = "full_name" in sheet.index
        converters = column_readers(sheet, {})
        for number, cells in sheet.rows:
            row = parse_row(sheet, number, cells, converters, issues)
            sbd, name = row.values.get("sbd"), row.values.get("full_name")
            if not sbd or (named and (not name or name.isdigit())):
                continue  # numbering row, section lines, closing lines of a printed sheet
            if sbd not in cands:
                issues.add(sheet, number, "sbd", sbd, messages.text("import_no_such_sbd", sbd=sbd))
                continue
            cid, real = cands[sbd]
            if name and fold(name) != fold(real):
                issues.add(sheet, number, "full_name", name, messages.text("import_sbd_other_name", sbd=sbd, name=real))
                continue
            for code, _title in columns:
                raw = row.values.get(code)
                if raw is None:
                    continue
                absent = fold(raw) in ("vang", "vang mat")
                value = None
                if not absent:
                    try:
                        value = Decimal(raw.replace(",", "."))
                    except ArithmeticError:
                        value = None
                    if value is None or not value.is_finite():
                        issues.add(sheet, number, code, raw, messages.text("import_score_form", absent=messages.Verbatim("Vắng")))
                        continue
                where.append((sheet, number, code))
                entries.append(rec.ScoreEntry(cid, code, value, absent))
    if not issues.items and not entries:
        issues.items.append(ImportIssue(spec.name, 0, "", "", messages.text("import_no_scores")))
    if issues.items:
        return ImportResult(dry_run, tuple(issues.items), len(entries), seconds=time.perf_counter() - started,
                            more_issues=issues.more)
    try:
        with ctx.unit_of_work() as s:
            rec.enter_scores_in(s, ctx, rec.ScoreSheet(round_id, round_no, tuple(entries)))
            if dry_run:
                s.rollback()
    except ValidationError as exc:
        out = []
        for field, message in exc.errors:
            m = re.match(r"entries\[(\d+)\]", field or "")
            sh, number, code = where[int(m.group(1))] if m else (sheet, 0, "")
            column = sh.titles.get(code, "") if sh is not None else ""
            out.append(ImportIssue(sh.spec.name if sh else spec.name, number, column, "", message))
        return ImportResult(dry_run, tuple(out), len(entries), seconds=time.perf_counter() - started)
    return ImportResult(dry_run, (), len(entries), updated=len(entries), seconds=time.perf_counter() - started)


# ============================================================================================== template


def write_template(ctx: ServiceContext, round_id: int, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """The candidates sheet with drop-downs, the round's positions and priority groups, and the code lists."""
    info = get_round(ctx, round_id)
    groups = priority_choices(ctx, round_id)
    wb = new_workbook()
    wb.remove(wb.active)
    ws = t.data_sheet(wb, CANDIDATES)
    positions = wb.create_sheet(POSITIONS_SHEET)
    for c, title in enumerate(("Mã vị trí", "Vị trí việc làm", "Đơn vị", "Chỉ tiêu", "Yêu cầu"), start=1):
        positions.cell(1, c, title).font = Font(bold=True)
    for r, tg in enumerate(info.targets, start=2):
        for c, value in enumerate((tg.position_code, tg.position_name, tg.unit_name, tg.quota, tg.requirements),
                                  start=1):
            positions.cell(r, c, value)
    for c, width in enumerate((14, 40, 40, 10, 60), start=1):
        positions.column_dimensions[get_column_letter(c)].width = width
    prio = wb.create_sheet(PRIORITY_SHEET)
    for c, title in enumerate(("Mã", "Diện ưu tiên", "Điểm"), start=1):
        prio.cell(1, c, title).font = Font(bold=True)
    for r, (code, label, points) in enumerate(groups, start=2):
        prio.cell(r, 1, code)
        prio.cell(r, 2, label)
        prio.cell(r, 3, float(points))
    prio.column_dimensions["A"].width = 30
    prio.column_dimensions["B"].width = 80
    lists = {k: v for k, v in t.code_lists([]).items() if k in ("gender", "ethnicity", "religion",
                                                                  "qualification_level")}
    codes = wb.create_sheet(t.CODES_SHEET)
    for n, (key, pairs) in enumerate(lists.items()):
        col = 1 + 3 * n
        codes.cell(1, col, {"gender": "Giới tính", "ethnicity": "Dân tộc", "religion": "Tôn giáo",
                            "qualification_level": "Mã trình độ"}[key]).font = Font(bold=True)
        for r, (code, name) in enumerate(pairs, start=2):
            codes.cell(r, col, code).number_format = "@"
            codes.cell(r, col + 1, name)
    keys = [c.key for c in CANDIDATES.columns]
    position_range = f"{quote_sheetname(POSITIONS_SHEET)}!$B$2:$B${len(info.targets) + 1}"
    for key, formula in (("gender", '"Nam,Nữ"'), ("preference1", position_range), ("preference2", position_range)):
        letter = get_column_letter(keys.index(key) + 1)
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
        dv.add(f"{letter}2:{letter}5000")
        ws.add_data_validation(dv)
    cccd = get_column_letter(keys.index("id_number") + 1)
    for r in range(2, 302):
        ws[f"{cccd}{r}"].number_format = "@"
    write_atomically(target, wb.save)

