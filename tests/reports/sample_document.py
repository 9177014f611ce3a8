"""Regenerate a sample landscape list (PDF + xlsx) to eyeball: python -m tests.reports.sample_document OUT_DIR."""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hrapp.reports.document import (
    MERGE,
    SUM,
    Column,
    HeaderCell,
    Letterhead,
    SectionRow,
    TableSpec,
    build_pdf,
)
from hrapp.reports.excel import build_xlsx

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Thị Thu", "Hữu", "Đức", "Thị Mỹ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khoa", "Lan", "Nường", "Phúc", "Quỳnh", "Tuấn"]
UNITS = ["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính", "Phòng Quản lý khoa học",
         "Chi cục Tiêu chuẩn Đo lường Chất lượng",
         "Trung tâm Thông tin - Ứng dụng Khoa học và Công nghệ"]
RANKS = [("01.003", "Chuyên viên"), ("01.002", "Chuyên viên chính"), ("13.092", "Nghiên cứu viên"),
         ("V.05.02.07", "Kỹ sư")]

LETTERHEAD = Letterhead(
    parent_agency="UBND tỉnh Bình Định",
    issuing_unit="Sở Khoa học và Công nghệ",
    number="Số:       /DS-SKHCN",
    place="Bình Định",
    signer_authority="KT. GIÁM ĐỐC",
    signer_title="PHÓ GIÁM ĐỐC",
    signer_name="Nguyễn Văn Nường",
    preparer_name="Trần Thị Thu Hà",
)


def pay_step_spec(count: int, seed: int = 7, sections: bool = True) -> TableSpec:
    """A pay-step list (forms.md 4A style): two header rows with grouped columns and a totals row."""
    rnd = random.Random(seed)
    columns = [
        Column("STT", 10, "center"),
        Column("Họ và tên", 44),
        Column("Ngày sinh", 22, "center"),
        Column("Chức vụ", 30, wrap=True),
        Column("Mã ngạch", 19, "center"),
        Column("Bậc", 10, "center"),
        Column("Hệ số", 14, "right", places=2),
        Column("Ngày hưởng", 22, "center"),
        Column("Bậc", 10, "center"),
        Column("Hệ số", 14, "right", places=2),
        Column("Ngày hưởng", 22, "center"),
        Column("Chênh lệch hệ số", 18, "right", places=2),
        Column("Ghi chú", 20, wrap=True),
    ]
    header = [
        [HeaderCell("STT", rowspan=2), HeaderCell("Họ và tên", rowspan=2), HeaderCell("Ngày sinh", rowspan=2),
         HeaderCell("Chức vụ", rowspan=2), HeaderCell("Mức lương đang hưởng", colspan=4),
         HeaderCell("Kết quả nâng lương", colspan=3), HeaderCell("Chênh lệch hệ số", rowspan=2),
         HeaderCell("Ghi chú", rowspan=2)],
        ["Mã ngạch", "Bậc", "Hệ số", "Ngày hưởng", "Bậc", "Hệ số", "Ngày hưởng"],
    ]
    rows: list = []
    per_unit = max(1, count // len(UNITS) + 1)
    n = 0
    for u, unit in enumerate(UNITS):
        if sections:
            rows.append(SectionRow(f"{'IVXLCDM'[u] if u < 7 else u + 1}. {unit}"))
        for _ in range(per_unit):
            if n >= count:
                break
            n += 1
            code, _rank = rnd.choice(RANKS)
            step = rnd.randint(1, 8)
            coef = Decimal("2.34") + Decimal("0.33") * (step - 1)
            since = date(2019, 1, 1) + timedelta(days=rnd.randint(0, 700))
            title = rnd.choice(["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Kế toán viên"])
            rows.append([n, f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}",
                         date(1960 + rnd.randint(0, 40), rnd.randint(1, 12), rnd.randint(1, 28)), title, code,
                         step, coef, since, step + 1, coef + Decimal("0.33"),
                         since + timedelta(days=3 * 365), Decimal("0.33"), None])
    totals = ["Tổng cộng", MERGE, MERGE, MERGE, None, None, SUM, None, None, SUM, None, SUM, None]
    return TableSpec(columns, rows, header=header, numbering=True, totals=totals, font_size=11)


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    kwargs = dict(
        subtitles=["(Kèm theo Tờ trình số      /TTr-SKHCN ngày      tháng      năm 2022 của Sở Khoa học và Công nghệ)"],
        day=date(2022, 6, 30),
        recipients=["Sở Nội vụ (b/c);", "Giám đốc, các PGĐ Sở;", "Lưu: VT, VP."],
        landscape=True,
    )
    spec = pay_step_spec(150)
    title = "DANH SÁCH\nCÔNG CHỨC, VIÊN CHỨC ĐỦ ĐIỀU KIỆN NÂNG BẬC LƯƠNG THƯỜNG XUYÊN NĂM 2022"
    pages = build_pdf(out / "sample.pdf", LETTERHEAD, title, spec, **kwargs)
    build_xlsx(out / "sample.xlsx", LETTERHEAD, title, spec, **kwargs)
    print(f"{out / 'sample.pdf'}: {pages} pages")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sample-out")
