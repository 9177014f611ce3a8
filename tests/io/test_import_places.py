"""The import reads places under their old or new names, fills the official unit's code where the name fits one
unit, keeps the text as written, and lists a name that fits several units as a warning."""

from __future__ import annotations

from sqlalchemy import select

from hrapp.db.models import Person
from tests.io.test_import import HEAD, book, row, run, units  # noqa: F401  # units: the fixture of two units

PLACE_HEAD = [*HEAD, "Nơi sinh", "Quê quán", "Thường trú", "Nơi ở hiện nay"]


def person_row(cccd: str, name: str, *placesof: str | None) -> list:
    return [*row(cccd=cccd, name=name), *placesof]


def stored(ctx, cccd: str) -> tuple:
    with ctx.read() as s:
        p = s.scalars(select(Person).where(Person.id_number == cccd)).one()
        return (p.birth_place, p.birth_place_code, p.home_town, p.home_town_code, p.permanent_address,
                p.permanent_address_code, p.current_address, p.current_address_code)


def test_old_and_new_names_are_imported_with_their_new_codes(ctx, units, tmp_path):  # noqa: F811  # the fixture
    rows = [PLACE_HEAD,
            person_row("052185001234", "Trần Thị Thu Hà", "Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định",
                       "Bình Định", "Thôn 3, Xã Tuy Phước Đông, Tỉnh Gia Lai", "Paris, Pháp")]
    result = run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": rows}))
    assert result.ok and not result.warnings
    assert stored(ctx, "052185001234") == (
        "Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định", "21970",  # the old text kept, its new commune coded
        "Bình Định", "52",  # an old province: the province it joined (Gia Lai)
        "Thôn 3, Xã Tuy Phước Đông, Tỉnh Gia Lai", "21970",  # a new address with its village
        "Paris, Pháp", None)  # a foreign place stays free text


def test_a_name_that_fits_several_units_is_imported_as_written_and_listed(ctx, units, tmp_path):  # noqa: F811
    rows = [PLACE_HEAD,
            person_row("052185001234", "Trần Thị Thu Hà", "Xã An Nghĩa, Huyện An Lão, Tỉnh Bình Định", None, None,
                       "Xã Tân Lập")]
    result = run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": rows}))
    assert result.ok
    assert stored(ctx, "052185001234")[:2] == ("Xã An Nghĩa, Huyện An Lão, Tỉnh Bình Định", "52")
    assert stored(ctx, "052185001234")[6:] == ("Xã Tân Lập", None)
    by_column = {w.column: w.message for w in result.warnings}
    assert set(by_column) == {"Nơi sinh", "Nơi ở hiện nay"}, result.warnings
    assert "Xã An Hòa, Tỉnh Gia Lai; Xã An Toàn, Tỉnh Gia Lai" in by_column["Nơi sinh"]
    assert "Tỉnh Gia Lai" in by_column["Nơi sinh"].split(")")[-1]
    assert "không ghi mã" in by_column["Nơi ở hiện nay"] and "Xã Tân Lập, " in by_column["Nơi ở hiện nay"]


def test_a_new_text_in_a_second_import_replaces_the_code_of_the_old_one(ctx, units, tmp_path):  # noqa: F811
    first = [PLACE_HEAD, person_row("052185001234", "Trần Thị Thu Hà", "Bình Định", None, None, None)]
    assert run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": first})).ok
    second = [PLACE_HEAD, person_row("052185001234", "Trần Thị Thu Hà", "Hà Nội", None, None, None)]
    result = run(ctx, book(tmp_path / "b.xlsx", {"Nhân sự": second}))
    assert result.ok and result.updated == 1
    assert stored(ctx, "052185001234")[:2] == ("Hà Nội", "01")


def test_an_ambiguous_place_already_stored_is_not_listed_again(ctx, units, tmp_path):  # noqa: F811
    rows = [PLACE_HEAD, person_row("052185001234", "Trần Thị Thu Hà", "Xã Tân Lập", None, None, None)]
    assert len(run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": rows})).warnings) == 1
    again = run(ctx, book(tmp_path / "b.xlsx", {"Nhân sự": rows}))
    assert again.ok and again.unchanged == 1 and not again.warnings
