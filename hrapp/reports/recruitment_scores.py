"""Bảng tổng hợp điểm: the score sheet of round 2 (parts, total) or of round 1's computer test (correct
answers per part, pass or fail), by candidate number; signed by the council (PDF, Excel — also the template
for entering scores from Excel)."""

from __future__ import annotations

from hrapp.context import ServiceContext
from hrapp.queries.recruitment import CandidateInfo, RoundInfo, get_round, list_candidates
from hrapp.reports.document import Column, HeaderCell, TableSpec
from hrapp.reports.recruitment_common import (
    RecruitmentDocument,
    birth_by_sex,
    council_letterhead,
    plan_reference,
    recruitment_words,
    score,
)
from hrapp.reports.recruitment_eligible import round2_candidates
from hrapp.security import READ, require

ABSENT = "Vắng"


def _fmt_max(value: object) -> str:
    return str(value).replace(".", ",")


TOTAL_HEADER = "Điểm vòng 2 (thang 100)"


def split_parts(info: RoundInfo) -> tuple:
    """The round-2 parts printed as columns of their own (none when one score makes round 2)."""
    if info.split_round2 and not (len(info.round2_parts) == 1 and info.round2_parts[0].max == 100):
        return info.round2_parts
    return ()


def score_headers(info: RoundInfo, round_no: int) -> list[tuple[str, str]]:
    """(part code, column header) of the score sheet: what the printed sheet shows and the import reads."""
    if round_no == 1:
        return [(p.code, f"{p.label} ({p.questions} câu)") for p in info.round1_parts]
    parts = split_parts(info)
    if not parts:
        return [(info.round2_parts[0].code, TOTAL_HEADER)]
    return [(p.code, f"{p.label} (thang {_fmt_max(score(p.max))})") for p in parts]


def _position(c: CandidateInfo) -> str:
    first = next((p for p in c.preferences if p.eligible), c.preferences[0] if c.preferences else None)
    return first.position_name if first else ""


def round2_spec(info: RoundInfo, candidates: list[CandidateInfo]) -> TableSpec:
    parts = split_parts(info)
    headers = dict(score_headers(info, 2))
    columns = [Column("STT", 11, "center"), Column("Số báo danh", 20, "center"), Column("Họ và tên", 46),
               Column("Nam", 21, "center"), Column("Nữ", 21, "center"), Column("Vị trí dự tuyển", 52, wrap=True)]
    head1: list = [HeaderCell("STT", rowspan=2), HeaderCell("Số báo danh", rowspan=2),
                   HeaderCell("Họ và tên", rowspan=2), HeaderCell("Ngày, tháng, năm sinh", colspan=2),
                   HeaderCell("Vị trí dự tuyển", rowspan=2)]
    head2: list = ["Nam", "Nữ"]
    if parts:
        head1.append(HeaderCell("Điểm các phần thi", colspan=len(parts)))
        for p in parts:
            columns.append(Column(headers[p.code], 22, "center"))
            head2.append(headers[p.code])
    columns += [Column("Điểm vòng 2", 20, "center"), Column("Ghi chú", 30, wrap=True)]
    head1 += [HeaderCell(TOTAL_HEADER, rowspan=2), HeaderCell("Ghi chú", rowspan=2)]
    rows: list = []
    for n, c in enumerate(round2_candidates(candidates), start=1):
        cells: list[object] = [n, c.sbd, c.full_name, *birth_by_sex(c.gender, c.birth_date), _position(c)]
        for p in parts:
            s = c.score(2, p.code)
            cells.append(ABSENT if s is not None and s.absent else score(s.value) if s else None)
        notes = []
        if c.round2_absent:
            notes.append("Vắng mặt")
        if any(s.round_no == 2 and s.changes for s in c.scores):
            notes.append("Đã phúc khảo")
        cells += [score(c.round2), "; ".join(notes) or None]
        rows.append(cells)
    header = [head1, head2]
    return TableSpec(columns, rows, header=header, numbering=True, font_size=12)


def round1_spec(info: RoundInfo, candidates: list[CandidateInfo]) -> TableSpec:
    parts = info.round1_parts
    headers = dict(score_headers(info, 1))
    columns = [Column("STT", 11, "center"), Column("Số báo danh", 20, "center"), Column("Họ và tên", 46),
               Column("Nam", 21, "center"), Column("Nữ", 21, "center"), Column("Vị trí dự tuyển", 50, wrap=True)]
    head1: list = [HeaderCell("STT", rowspan=2), HeaderCell("Số báo danh", rowspan=2),
                   HeaderCell("Họ và tên", rowspan=2), HeaderCell("Ngày, tháng, năm sinh", colspan=2),
                   HeaderCell("Vị trí dự tuyển", rowspan=2),
                   HeaderCell("Số câu trả lời đúng", colspan=max(len(parts), 1))]
    head2: list = ["Nam", "Nữ"]
    for p in parts:
        columns.append(Column(headers[p.code], 24, "center"))
        head2.append(headers[p.code])
    columns += [Column("Kết quả", 20, "center"), Column("Ghi chú", 30, wrap=True)]
    head1 += [HeaderCell("Kết quả", rowspan=2), HeaderCell("Ghi chú", rowspan=2)]
    sitting = sorted((c for c in candidates if c.eligible), key=lambda c: (c.sbd or "~", c.full_name))
    rows: list = []
    for n, c in enumerate(sitting, start=1):
        cells: list[object] = [n, c.sbd, c.full_name, *birth_by_sex(c.gender, c.birth_date), _position(c)]
        for p in parts:
            s = c.score(1, p.code)
            if p.code in c.exemptions:
                cells.append("Miễn")
            else:
                cells.append(ABSENT if s is not None and s.absent else int(s.value) if s and s.value is not None
                             else None)
        result = {True: "Đạt", False: "Không đạt", None: None}[c.round1_passed]
        cells += [result, c.exemption_note if c.exemptions else None]
        rows.append(cells)
    return TableSpec(columns, rows, header=[head1, head2], numbering=True, font_size=12)


def scores_document(ctx: ServiceContext, info: RoundInfo, candidates: list[CandidateInfo],
                    round_no: int = 2) -> RecruitmentDocument:
    require(ctx, READ)
    if round_no == 1:
        spec = round1_spec(info, candidates)
        title = f"Bảng tổng hợp kết quả vòng 1\nkỳ {recruitment_words(info)}".upper()
        day = info.round1_date
    else:
        spec = round2_spec(info, candidates)
        title = f"Bảng tổng hợp điểm vòng 2\nkỳ {recruitment_words(info)}".upper()
        day = info.round2_date
    return RecruitmentDocument(
        letterhead=council_letterhead(ctx, info), title=title, spec=spec,
        subtitles=tuple(s for s in (plan_reference(info),) if s), day=day, landscape=True,
        sheet_title=f"Điểm vòng {round_no}",
    )


def document(ctx: ServiceContext, round_id: int, round_no: int | None = None) -> RecruitmentDocument:
    """Round 2's sheet once the round reached it; round 1's (computer test) before that."""
    info = get_round(ctx, round_id)
    if round_no is None:
        round_no = 1 if info.has_round1_test and info.status in ("open", "round1") else 2
    return scores_document(ctx, info, list_candidates(ctx, round_id), round_no)
