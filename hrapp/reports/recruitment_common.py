"""What the four printed documents of a recruitment round share: letterheads of the agency and of the
recruitment council, wording by category and method, score formatting, and writing to PDF or Excel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import IO

from hrapp.context import ServiceContext
from hrapp.queries.recruitment import RoundInfo
from hrapp.reports import letterhead
from hrapp.reports.document import Letterhead, Signature, TableSpec, build_pdf
from hrapp.reports.excel import build_xlsx

SUBJECT_WORDS = {"cong_chuc": "công chức", "vien_chuc": "viên chức"}
METHOD_WORDS = {"thi_tuyen": "thi tuyển", "xet_tuyen": "xét tuyển"}
DOCUMENT_LABELS = {
    "plan": "Nhu cầu tuyển dụng",
    "eligible": "Danh sách dự vòng 2",
    "scores": "Bảng điểm",
    "results": "Kết quả tuyển dụng",
}


@dataclass(frozen=True)
class RecruitmentDocument:
    """One printed document: letterhead, title, one table and the closing, ready for PDF or Excel."""

    letterhead: Letterhead
    title: str
    spec: TableSpec
    subtitles: tuple[str, ...] = ()
    intro: tuple[str, ...] = ()
    outro: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signatures: tuple[Signature, ...] | None = None
    day: date | None = None
    landscape: bool | None = None
    sheet_title: str = "Danh sách"


def council_name(info: RoundInfo) -> str:
    """'Hội đồng xét tuyển viên chức năm 2022'."""
    return f"Hội đồng {METHOD_WORDS.get(info.method, '')} {SUBJECT_WORDS.get(info.subject, '')} năm {info.year}"


def council_letterhead(ctx: ServiceContext, info: RoundInfo) -> Letterhead:
    """The recruitment council as issuer under the agency (its lists and score sheets)."""
    chair = next((m for m in info.council if m.role == "chu_tich"), None)
    secretary = next((m for m in info.council if m.role == "uy_vien_thu_ky"), None)
    return letterhead.council_letterhead(ctx, council_name(info), chair.full_name if chair else "",
                                         secretary.full_name if secretary else "")


def subject_year(info: RoundInfo) -> str:
    """'viên chức năm 2022'."""
    return f"{SUBJECT_WORDS.get(info.subject, '')} năm {info.year}"


def recruitment_words(info: RoundInfo) -> str:
    """'xét tuyển viên chức năm 2022'."""
    return f"{METHOD_WORDS.get(info.method, '')} {SUBJECT_WORDS.get(info.subject, '')} năm {info.year}"


def plan_reference(info: RoundInfo, lead: str = "Theo") -> str | None:
    """'(Theo Kế hoạch số 148/KH-SKHCN ngày 04/03/2022 của Sở Khoa học và Công nghệ)'; the plan's own table
    says 'Kèm theo'."""
    plan = info.plan_decision
    if plan is None:
        return None
    issuer = f" của {plan.issuer}" if plan.issuer else ""
    return f"({lead} Kế hoạch số {plan.number} ngày {plan.sign_date:%d/%m/%Y}{issuer})"


def score(value: Decimal | None) -> Decimal | None:
    """Scores print with the digits they have: 70 -> '70', 65.50 -> '65,5'."""
    if value is None:
        return None
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def birth_by_sex(gender: str, birth: date) -> list[object]:
    """The two cells 'Ngày sinh – Nam | Nữ' of Vietnamese lists: the date under the person's sex."""
    return [birth, None] if gender == "M" else [None, birth]


def write_document(fh: IO[bytes], doc: RecruitmentDocument, *, excel: bool) -> int:
    """Write the PDF (returns its page count) or the Excel file (returns 0)."""
    if excel:
        build_xlsx(fh, doc.letterhead, doc.title, doc.spec, sheet_title=doc.sheet_title, subtitles=doc.subtitles,
                   day=doc.day, intro=doc.intro, outro=doc.outro, recipients=doc.recipients,
                   signatures=doc.signatures, landscape=doc.landscape)
        return 0
    return build_pdf(fh, doc.letterhead, doc.title, doc.spec, subtitles=doc.subtitles, day=doc.day, intro=doc.intro,
                     outro=doc.outro, recipients=doc.recipients, signatures=doc.signatures, landscape=doc.landscape)
