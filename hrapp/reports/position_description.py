"""Bản mô tả công việc và khung năng lực of one job position (vị trí việc làm): general information,
purpose, tasks with products and frequency, relationships, authority, conditions, requirements and the
competency framework. PDF (portrait, NĐ 30/2020) and Excel (one sheet per part)."""

from __future__ import annotations

import os
from datetime import date
from typing import IO

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.io.cells import new_workbook
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    CancelCallback,
    Column,
    Letterhead,
    OfficialDocument,
    ProgressCallback,
    RowType,
    SectionRow,
    TableSpec,
    write_atomically,
)
from hrapp.reports.excel import write_document
from hrapp.reports.format import fmt_date, nfc
from hrapp.services.position_records import PositionInfo

TITLE = "Bản mô tả công việc và khung năng lực vị trí việc làm"
LEVEL_TEXT = {1: "Cấp độ 1", 2: "Cấp độ 2", 3: "Cấp độ 3", 4: "Cấp độ 4", 5: "Cấp độ 5"}
COMPETENCY_GROUPS = {"chung": "Năng lực chung", "chuyen_mon": "Năng lực chuyên môn",
                     "quan_ly": "Năng lực lãnh đạo, quản lý"}


def _level(code: str | None) -> str | None:
    return catalogs.label("qualification_level", code) if code else None


def general_lines(p: PositionInfo) -> list[tuple[str, str]]:
    """(label, value) lines of part I."""
    lines = [
        ("Tên vị trí việc làm", p.name),
        ("Mã vị trí việc làm", p.code),
        ("Đơn vị", p.unit_name),
        ("Nhóm vị trí việc làm", p.group_label),
        ("Ngạch/chức danh nghề nghiệp tối thiểu",
         f"{p.min_rank_name} ({p.min_rank_code})" if p.min_rank_name else "Không quy định"),
        ("Số người làm việc cần bố trí", str(p.number_needed)),
    ]
    if p.decision is not None:
        lines.append(("Quyết định phê duyệt", p.decision.label()
                      + (f" của {p.decision.issuer}" if p.decision.issuer else "")))
    if p.effective_from is not None:
        lines.append(("Áp dụng từ ngày", fmt_date(p.effective_from)))
    lines.append(("Phiên bản", f"{p.version_no} ({p.status_label.lower()})"))
    return lines


def tasks_spec(p: PositionInfo) -> TableSpec:
    rows = [[i + 1, t.task, t.product or None, t.frequency or None] for i, t in enumerate(p.tasks)]
    return TableSpec(
        columns=[Column("STT", 11, "center"), Column("Công việc, nhiệm vụ", 78, wrap=True, key="task"),
                 Column("Sản phẩm đầu ra", 48, wrap=True, key="product"),
                 Column("Tần suất", 28, wrap=True, key="frequency")],
        rows=rows or [["", "(chưa mô tả)", None, None]], font_size=11.5, header_font_size=11.5,
    )


def requirements_spec(p: PositionInfo) -> TableSpec:
    r = p.requirements
    items = [
        ("Trình độ chuyên môn", _level(r.education_level)),
        ("Chuyên ngành", r.major),
        ("Lý luận chính trị", _level(r.political_theory)),
        ("Quản lý nhà nước", _level(r.state_management)),
        ("Tin học", _level(r.it)),
        ("Ngoại ngữ", _level(r.language)),
        ("Kinh nghiệm công tác", f"Từ {r.experience_years} năm trở lên" if r.experience_years else None),
    ]
    rows = [[i + 1, label, value or "Không yêu cầu"] for i, (label, value) in enumerate(items)]
    return TableSpec(columns=[Column("STT", 11, "center"), Column("Tiêu chí", 60, key="criterion"),
                              Column("Yêu cầu", 94, wrap=True, key="requirement")],
                     rows=rows, font_size=11.5, header_font_size=11.5)


def competencies_spec(p: PositionInfo) -> TableSpec:
    rows: list[RowType] = []
    for group, title in COMPETENCY_GROUPS.items():
        members = [c for c in p.competencies if c.group == group]
        if not members:
            continue
        rows.append(SectionRow(title))
        rows += [[i + 1, c.name, c.code, LEVEL_TEXT.get(c.level, str(c.level))] for i, c in enumerate(members)]
    other = [c for c in p.competencies if c.group not in COMPETENCY_GROUPS]
    if other:
        rows.append(SectionRow("Năng lực khác"))
        rows += [[i + 1, c.name, c.code, LEVEL_TEXT.get(c.level, str(c.level))] for i, c in enumerate(other)]
    return TableSpec(
        columns=[Column("STT", 11, "center"), Column("Tên năng lực", 96, wrap=True, key="competency"),
                 Column("Mã", 24, "center", key="code"), Column("Cấp độ yêu cầu", 34, "center", key="level")],
        rows=rows or [["", "(chưa xác định)", None, None]], font_size=11.5, header_font_size=11.5,
    )


def _subtitles(p: PositionInfo) -> list[str]:
    out = [f"Vị trí: {p.name} – {p.unit_name}"]
    if p.decision is not None:
        out.append(f"(Kèm theo Quyết định số {p.decision.number} ngày {fmt_date(p.decision.sign_date)}"
                   + (f" của {p.decision.issuer})" if p.decision.issuer else ")"))
    return out


def _text(value: str | None) -> str:
    return nfc(value) if value and value.strip() else "(chưa mô tả)"


def write_position_pdf(target: str | os.PathLike[str] | IO[bytes], p: PositionInfo, letterhead: Letterhead | None,
                       *, printed_on: date | None = None, progress: ProgressCallback | None = None,
                       cancel: CancelCallback | None = None) -> int:
    sigs = [letterhead.head_signature()] if letterhead is not None else []
    doc = OfficialDocument(letterhead, TITLE, _subtitles(p), printed_on or clock.today(), signatures=sigs)
    doc.paragraph("I. THÔNG TIN CHUNG", "heading")
    for label, value in general_lines(p):
        doc.paragraph(f"- {label}: {value}", "left")
    doc.paragraph("II. MỤC TIÊU CÔNG VIỆC", "heading")
    doc.paragraph(_text(p.purpose))
    doc.paragraph("III. CÁC CÔNG VIỆC, NHIỆM VỤ VÀ SẢN PHẨM", "heading")
    doc.table(tasks_spec(p))
    doc.paragraph("IV. CÁC MỐI QUAN HỆ TRONG CÔNG VIỆC", "heading")
    doc.paragraph(_text(p.relationships))
    doc.paragraph("V. PHẠM VI QUYỀN HẠN", "heading")
    doc.paragraph(_text(p.authority))
    doc.paragraph("VI. ĐIỀU KIỆN LÀM VIỆC", "heading")
    doc.paragraph(_text(p.conditions))
    doc.paragraph("VII. YÊU CẦU VỀ TRÌNH ĐỘ, KINH NGHIỆM", "heading")
    doc.table(requirements_spec(p))
    doc.paragraph("VIII. KHUNG NĂNG LỰC", "heading")
    doc.table(competencies_spec(p))
    doc.paragraph("Cấp độ năng lực từ 1 (thấp nhất) đến 5 (cao nhất).", "note")
    return doc.build(target, progress=progress, cancel=cancel)


def write_position_xlsx(target: str | os.PathLike[str] | IO[bytes], p: PositionInfo, letterhead: Letterhead | None,
                        *, printed_on: date | None = None) -> None:
    """Three sheets: general information and texts, tasks, requirements and competencies."""
    day = printed_on or clock.today()
    sigs = [letterhead.head_signature()] if letterhead is not None else []
    info = [[i + 1, label, value] for i, (label, value) in enumerate(
        general_lines(p) + [("Mục tiêu công việc", _text(p.purpose)),
                            ("Các mối quan hệ trong công việc", _text(p.relationships)),
                            ("Phạm vi quyền hạn", _text(p.authority)), ("Điều kiện làm việc", _text(p.conditions))])]
    general = TableSpec(columns=[Column("STT", 11, "center"), Column("Nội dung", 55),
                                 Column("Thông tin", 100, wrap=True)], rows=info)
    wb = new_workbook()
    ws = wb.active
    ws.title = "Thông tin chung"
    write_document(ws, letterhead, TITLE, general, subtitles=_subtitles(p), day=day, signatures=sigs)
    write_document(wb.create_sheet("Công việc"), letterhead, TITLE, tasks_spec(p), subtitles=_subtitles(p), day=day,
                   signatures=sigs)
    write_document(wb.create_sheet("Yêu cầu"), letterhead, TITLE, requirements_spec(p), subtitles=_subtitles(p),
                   day=day, signatures=sigs)
    write_document(wb.create_sheet("Khung năng lực"), letterhead, TITLE, competencies_spec(p),
                   subtitles=_subtitles(p), day=day, signatures=sigs)
    wb.properties.title = f"{TITLE} – {p.name}"
    write_atomically(target, wb.save)


def export_position(ctx: ServiceContext, target: str | os.PathLike[str], position_id: int, *,
                    printed_on: date | None = None, progress: ProgressCallback | None = None,
                    cancel: CancelCallback | None = None) -> PositionInfo:
    """The catalogue's "position" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "position", {"position": position_id}, target, progress, cancel, printed_on=printed_on).data
