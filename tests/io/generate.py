"""Build a valid import workbook of any size (persons + one qualification each) for tests and benchmarks:
python -m tests.io.generate OUT.xlsx N_ROWS [SEED]."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from hrapp.domain.rules import load_rulebook
from hrapp.domain.salary import coefficient
from hrapp.io import excel_template as t

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Thị Thu", "Hữu", "Đức", "Thị Mỹ", "Công", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khoa", "Lan", "Nường", "Phúc", "Quỳnh", "Tuấn", "Yến"]
RANKS = [("01.003", "A1"), ("01.002", "A2.1"), ("V.05.02.07", "A1"), ("01.004", "A0"), ("V.05.01.03", "A1")]
LEVELS = ["DH", "DH", "DH", "ThS", "CD", "TS"]


def cccd_for(index: int, seed: int) -> str:
    """Distinct 12-digit numbers (province 052, then a running number), stable for a seed."""
    return f"052{(seed * 7919 + index) % 10**9:09d}"


def generate_import_file(path: str | Path, n_rows: int, seed: int = 1,
                         units: Sequence[str] = ("VP", "QLKH")) -> Path:
    """A workbook in the template's layout with `n_rows` people, every value valid for a database that has
    the given unit codes. Half the birth dates are real Excel dates, half dd/mm/yyyy text."""
    rnd = random.Random(seed)
    rules = load_rulebook()
    wb = Workbook(write_only=True)
    persons = wb.create_sheet(t.PERSONS.name)
    quals = wb.create_sheet(t.QUALIFICATIONS.name)
    p_keys = ["id_number", "full_name", "gender", "birth_date", "birth_place", "ethnicity", "religion", "phone",
              "unit_code", "category", "start_date", "recruitment_date", "rank_code", "salary_step", "coefficient",
              "salary_date", "party_join_date"]
    q_keys = ["id_number", "kind", "level_code", "major", "institution", "year"]
    persons.append([t.PERSONS.column(k).header for k in p_keys])
    quals.append([t.QUALIFICATIONS.column(k).header for k in q_keys])
    for i in range(n_rows):
        gender = rnd.choice("MF")
        middle = rnd.choice(MIDDLE)
        if gender == "M" and "Thị" in middle:
            middle = "Văn"
        name = f"{rnd.choice(FAMILY)} {middle} {rnd.choice(GIVEN)}"
        birth = date(1965, 1, 1) + timedelta(days=rnd.randrange(365 * 25))
        recruited = birth + timedelta(days=365 * 22 + rnd.randrange(365 * 8))
        rank, klass = rnd.choice(RANKS)
        step = rnd.randint(1, 5)
        salary_date = max(recruited, date(2018, 1, 1)) + timedelta(days=rnd.randrange(365 * 5))
        coef = coefficient(klass, step, rules, salary_date)
        number = cccd_for(i, seed)
        persons.append([
            number, name, "Nam" if gender == "M" else "Nữ",
            birth if i % 2 == 0 else f"{birth:%d/%m/%Y}",
            "Quy Nhơn, Bình Định", "Kinh", "Không", f"09{rnd.randrange(10**8):08d}",
            units[i % len(units)], rnd.choice(["cong_chuc", "vien_chuc"]), recruited, f"{recruited:%d/%m/%Y}",
            rank, step, float(coef), salary_date,
            recruited + timedelta(days=365 * 5) if rnd.random() < 0.4 else None,
        ])
        level = rnd.choice(LEVELS)
        quals.append([number, "chuyen_mon", level, "Quản lý khoa học và công nghệ", "Đại học Quy Nhơn",
                      min(recruited.year, birth.year + 15 + rnd.randint(7, 15))])
    path = Path(path)
    wb.save(path)
    return path


if __name__ == "__main__":
    out = generate_import_file(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    print(out)
