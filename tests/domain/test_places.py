"""Places after the two-tier reform (from 01/07/2025): the official list and the old names mapped to it, as the
`vietnamadminunits` package gives them (its 34-province list and its own old-to-new mapping)."""

from __future__ import annotations

import time

import pytest

from hrapp.domain import places


def test_the_list_has_34_provinces_and_every_commune_of_the_reform():
    assert len(places.provinces()) == 34
    assert len(places.communes()) == 3321
    assert {p.code for p in places.provinces()} >= {"01", "79", "52", "46"}
    assert all(len(p.code) == 5 and len(p.province_code) == 2 for p in places.communes())


@pytest.mark.parametrize(("old", "new_code", "new_name"), [
    ("Tỉnh Bình Định", "52", "Tỉnh Gia Lai"),  # Bình Định and Gia Lai became Gia Lai (NQ 202/2025/QH15)
    ("Bình Định", "52", "Tỉnh Gia Lai"),
    ("Tỉnh Quảng Nam", "48", "Thành phố Đà Nẵng"),
    ("tinh binh duong", "79", "Thành phố Hồ Chí Minh"),
])
def test_a_merged_province_maps_to_the_province_it_joined(old, new_code, new_name):
    r = places.resolve(old)
    assert (r.code, r.place.name, r.old) == (new_code, new_name, True)


def test_a_province_that_kept_its_land_is_read_as_the_new_one_under_either_name():
    assert (places.resolve("Hà Nội").code, places.resolve("Hà Nội").old) == ("01", False)
    assert places.resolve("Thừa Thiên Huế").place.name == "Thành phố Huế"


def test_an_old_commune_district_province_address_maps_to_its_new_commune():
    r = places.resolve("Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định")
    assert r.code == "21970" and r.place.label == "Xã Tuy Phước Đông, Tỉnh Gia Lai" and r.old
    # a village before it is passed over; the kinds may be left out and the accents too
    assert places.resolve("Thôn Vinh Thạnh, Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định").code == "21970"
    assert places.resolve("phuoc hoa, tuy phuoc, binh dinh").code == "21970"
    assert places.resolve("Phường 1, Quận 3, TP Hồ Chí Minh").place.label == "Phường Bàn Cờ, Thành phố Hồ Chí Minh"


def test_a_new_address_is_read_with_or_without_accents():
    assert places.resolve("Xã Tuy Phước Đông, Tỉnh Gia Lai").code == "21970"
    assert places.resolve("tuy phuoc dong, gia lai").code == "21970"
    assert places.resolve("Phường Tân Sơn, TP HCM").code == "27007"
    assert places.resolve("21970").code == "21970"  # a code as written


def test_an_old_commune_split_between_new_ones_keeps_only_its_province():
    r = places.resolve("Xã An Nghĩa, Huyện An Lão, Tỉnh Bình Định")
    assert r.ambiguous and r.code == "52"
    assert [p.label for p in r.candidates] == ["Xã An Hòa, Tỉnh Gia Lai", "Xã An Toàn, Tỉnh Gia Lai"]


def test_a_commune_name_shared_across_provinces_without_a_province_gets_no_code():
    r = places.resolve("Xã Tân Lập")
    assert r.code is None and r.ambiguous and len({p.province_code for p in r.candidates}) > 1


def test_a_district_written_as_such_is_not_read_as_the_commune_of_the_same_name():
    # Huyện Tịnh Biên (old) is not Phường Tịnh Biên (new): only the province is certain
    assert places.resolve("Huyện Tịnh Biên, Tỉnh An Giang").code == "91"
    assert places.resolve("Phường Tịnh Biên, Tỉnh An Giang").code == "30520"


def test_a_foreign_or_unknown_place_gets_no_code():
    for text in ("Paris, Pháp", "Viêng Chăn, Lào", "", None):
        r = places.resolve(text)
        assert r.code is None and not r.candidates


def test_a_picked_code_fits_its_text_while_the_text_ends_with_the_unit():
    assert places.fits("Xã Tuy Phước Đông, Tỉnh Gia Lai", "21970")
    assert places.fits("Thôn 3, Xã Tuy Phước Đông, Tỉnh Gia Lai", "21970")
    assert places.fits("Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định", "21970")  # the old name of it
    assert not places.fits("Xã Tuy Phước Bắc, Tỉnh Gia Lai", "21970")
    assert not places.fits("Paris", "21970") and not places.fits("Gia Lai", "99999")


def test_search_ignores_accents_and_case_and_lists_provinces_first():
    found = places.search("TUY PHUOC")
    assert [p.name for p in found] == ["Xã Tuy Phước", "Xã Tuy Phước Bắc", "Xã Tuy Phước Đông", "Xã Tuy Phước Tây"]
    assert places.search("gia lai")[0].label == "Tỉnh Gia Lai"
    assert places.search("quy nhon dong")[0].label == "Phường Quy Nhơn Đông, Tỉnh Gia Lai"
    assert places.search("x") == () or all(p for p in places.search("x"))
    assert places.search("") == ()
    assert len(places.search("xa", limit=20)) == 20


def test_searching_the_whole_commune_list_takes_milliseconds():
    places.search("warm up")
    queries = ("tuy phuoc", "ha noi", "ba dinh", "zzz", "phuong 1", "quy", "an")
    started = time.perf_counter()
    for _ in range(20):
        for q in queries:
            places.search(q)
    per_search = (time.perf_counter() - started) / (20 * len(queries))
    assert per_search < 0.05, per_search  # measured ≈ 2 ms on the development machine


def test_a_masked_residence_code_keeps_only_its_province():
    from hrapp.masking import mask_value

    assert mask_value("permanent_address_code", "21970") == "52"
    assert mask_value("current_address_code", "01") == "01"
    assert mask_value("birth_place_code", "21970") == "21970"  # a birthplace is not masked, as its text is not
    assert mask_value("current_address_unit", "Xã Tuy Phước Đông, Tỉnh Gia Lai") == "***, Tỉnh Gia Lai"
