"""Danh sách kết quả tuyển dụng: per position, the candidates of round 2 with part scores, priority points,
total, result and notes, in ranking order; the agency's letterhead and the head's signature (PDF, Excel)."""

from __future__ import annotations

from decimal import Decimal

from hrapp.context import ServiceContext
from hrapp.domain.recruitment import REASON_DECIDED, Outcome
from hrapp.queries.recruitment import (
    WITHDRAWAL_REASONS,
    EventInfo,
    ResultRow,
    RoundInfo,
    RoundResults,
    get_round,
    results,
    round_events,
)
from hrapp.reports.document import Column, HeaderCell, SectionRow, TableSpec
from hrapp.reports.letterhead import letterhead_for
from hrapp.reports.recruitment_common import (
    RecruitmentDocument,
    birth_by_sex,
    plan_reference,
    recruitment_words,
    score,
)
from hrapp.security import READ, require

RESULT_WORDS = {
    Outcome.TRUNG_TUYEN: "Trúng tuyển",
    Outcome.KHONG_TRUNG_TUYEN: "Không trúng tuyển",
    Outcome.KHONG_DU_DIEU_KIEN: "Không trúng tuyển",
    Outcome.CAN_QUYET_DINH: "Chờ quyết định",
    Outcome.RUT_HO_SO: "Trúng tuyển, đã rút hồ sơ",
}


def _shown(row: ResultRow) -> bool:
    """The list names those who sat round 2 (absentees included); not those stopped at round 1."""
    return row.outcome is not Outcome.KHONG_DU_DIEU_KIEN or row.round2 is not None or (
        row.reason or "").startswith("Vắng")


def _note(row: ResultRow, withdrawals: dict[int, EventInfo], pass_min: Decimal) -> str | None:
    notes: list[str] = []
    if row.choice > 1:
        notes.append(f"Nguyện vọng {row.choice}")
    if row.priority_label and row.priority_points:
        notes.append(f"Ưu tiên: {row.priority_label}")
    if row.outcome is Outcome.RUT_HO_SO:
        w = withdrawals.get(row.candidate_id)
        reason = WITHDRAWAL_REASONS.get(w.reason_code or "", "") if w else ""
        ref = f" (Quyết định số {w.decision.number})" if w and w.decision else ""
        notes.append(f"{reason}{ref}" if reason else "Rút hồ sơ")
    elif row.reason == REASON_DECIDED and row.outcome is Outcome.TRUNG_TUYEN:
        notes.append("Bằng điểm, người đứng đầu cơ quan quyết định")
    elif row.outcome is Outcome.KHONG_DU_DIEU_KIEN and row.round2 is not None and row.round2 < pass_min:
        notes.append(f"Điểm vòng 2 dưới {score(pass_min)} điểm")
    elif row.reason and row.outcome in (Outcome.KHONG_TRUNG_TUYEN, Outcome.KHONG_DU_DIEU_KIEN):
        notes.append(row.reason.rstrip("."))
    elif row.outcome is Outcome.CAN_QUYET_DINH:
        notes.append("Bằng điểm ở chỉ tiêu cuối, chờ người đứng đầu cơ quan quyết định")
    if not notes:
        return None
    return "; ".join([notes[0], *(n[:1].lower() + n[1:] for n in notes[1:])])


def results_spec(info: RoundInfo, res: RoundResults, events: list[EventInfo]) -> tuple[TableSpec, int, int]:
    """(table, number of candidates listed, number of winners)."""
    split = info.split_round2 and len(info.round2_parts) > 1
    parts = info.round2_parts if split else ()
    columns = [Column("STT", 10, "center"), Column("Số báo danh", 17, "center"), Column("Họ và tên", 42),
               Column("Nam", 22, "center"), Column("Nữ", 22, "center")]
    head1: list = [HeaderCell("STT", rowspan=2), HeaderCell("Số báo danh", rowspan=2),
                   HeaderCell("Họ và tên", rowspan=2), HeaderCell("Ngày, tháng, năm sinh", colspan=2)]
    head2: list = ["Nam", "Nữ"]
    for p in parts:
        label = f"{p.label} ({str(score(p.max)).replace('.', ',')})"
        columns.append(Column(label, 18, "center"))
        head2.append(label)
    columns += [Column("Điểm vòng 2", 16, "center"), Column("Điểm ưu tiên", 16, "center"),
                Column("Tổng điểm", 16, "center"), Column("Kết quả", 36, "center", wrap=True),
                Column("Ghi chú", 52, wrap=True)]
    if parts:
        head1.append(HeaderCell("Điểm vòng 2", colspan=len(parts) + 1))
        head2.append("Cộng")
    else:
        head1.append(HeaderCell("Điểm vòng 2", rowspan=2))
    head1 += [HeaderCell("Điểm ưu tiên", rowspan=2), HeaderCell("Tổng điểm", rowspan=2),
              HeaderCell("Kết quả", rowspan=2), HeaderCell("Ghi chú", rowspan=2)]
    withdrawals = {e.candidate_id: e for e in events if e.kind == "withdrawal" and e.candidate_id is not None}
    units = {p.unit_name for p in res.positions}
    rows: list = []
    listed: set[int] = set()
    winners = 0
    n = 0
    for k, pos in enumerate(res.positions, start=1):
        where = f" – {pos.unit_name}" if len(units) > 1 else ""
        rows.append(SectionRow(f"{k}. Vị trí {pos.position_name}{where} (chỉ tiêu: {pos.quota:02d})"))
        for row in pos.rows:
            if not _shown(row):
                continue
            n += 1
            listed.add(row.candidate_id)
            winners += row.outcome is Outcome.TRUNG_TUYEN
            cells: list[object] = [n, row.sbd, row.full_name, *birth_by_sex(row.gender, row.birth_date)]
            cells += [score(row.parts.get(p.code)) for p in parts]
            absent = row.round2 is None
            cells += [score(row.round2) if not absent else "Vắng", score(row.priority_points) or None,
                      score(row.total), RESULT_WORDS[row.outcome], _note(row, withdrawals, info.round2_pass_min)]
            rows.append(cells)
    spec = TableSpec(columns, rows, header=[head1, head2], numbering=True, font_size=12)
    return spec, len(listed), winners


def results_document(ctx: ServiceContext, info: RoundInfo, res: RoundResults,
                     events: list[EventInfo]) -> RecruitmentDocument:
    require(ctx, READ)
    spec, listed, winners = results_spec(info, res, events)
    lh = letterhead_for(ctx, "DS")
    decision = info.results_decision
    if decision is not None:
        subtitle = (f"(Kèm theo Quyết định số {decision.number} ngày {decision.sign_date:%d/%m/%Y}"
                    f"{' của ' + decision.issuer if decision.issuer else ''})")
    else:
        subtitle = plan_reference(info) or ""
    units = []
    for p in res.positions:
        if p.unit_name not in units:
            units.append(p.unit_name)
    pending = len(res.pending_decisions)
    outro = [f"Danh sách này có {listed} thí sinh dự vòng 2, trong đó {winners} người trúng tuyển."]
    if pending:
        outro.append(f"Còn {pending} vị trí có thí sinh bằng điểm chờ người đứng đầu cơ quan quyết định.")
    return RecruitmentDocument(
        letterhead=lh, title=f"Danh sách\nkết quả {recruitment_words(info)}".upper(), spec=spec,
        subtitles=(subtitle,) if subtitle else (), outro=(" ".join(outro),),
        recipients=("Sở Nội vụ (b/c);", *(f"{u};" for u in units), "Thí sinh dự tuyển (để biết);",
                    "Lưu: VT, Hội đồng tuyển dụng."),
        signatures=(lh.head_signature(),), day=decision.sign_date if decision else None, landscape=True,
        sheet_title="Kết quả tuyển dụng",
    )


def document(ctx: ServiceContext, round_id: int) -> RecruitmentDocument:
    return results_document(ctx, get_round(ctx, round_id), results(ctx, round_id), round_events(ctx, round_id))
