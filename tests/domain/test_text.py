"""Vietnamese search folding and given-name collation."""

from __future__ import annotations

import pytest

from hrapp.text import fold, name_sort_key, normalize_name, split_name


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn Văn Nường", "nguyen van nuong"),
        ("ĐẶNG THỊ ĐÀO", "dang thi dao"),
        ("  Lê   Ánh  ", "le anh"),
        ("Huỳnh Ngọc Ẩn", "huynh ngoc an"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_strips_diacritics_and_d_bar(raw, folded):
    assert fold(raw) == folded


def test_split_and_normalize_name():
    assert split_name("nguyễn  thị minh khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert normalize_name(" trần   văn a ") == "Trần Văn A"
    assert split_name("Khai") == ("", "", "Khai")


def _sorted(names):
    return sorted(names, key=name_sort_key)


def test_sort_is_by_given_name_first():
    assert _sorted(["Trần Văn Bình", "Lê Văn An", "Nguyễn Văn Cường"]) == [
        "Lê Văn An", "Trần Văn Bình", "Nguyễn Văn Cường",
    ]


def test_then_middle_then_family_name():
    assert _sorted(["Lê Văn An", "Trần Thị An", "Bùi Văn An", "An"]) == [
        "An", "Trần Thị An", "Bùi Văn An", "Lê Văn An",
    ]


def test_vietnamese_alphabet_order_a_breve_circumflex_and_d_stroke():
    given = ["Ân", "Ăn", "An", "Đào", "Dũng", "Em", "Ê", "Oanh", "Ơn", "Ôn", "Ưng", "Uyên"]
    result = [n.split()[-1] for n in _sorted([f"Nguyễn Văn {g}" for g in given])]
    assert result == ["An", "Ăn", "Ân", "Dũng", "Đào", "Em", "Ê", "Oanh", "Ôn", "Ơn", "Uyên", "Ưng"]


def test_tones_break_ties_only_after_the_letters():
    # "Anh" < "Ánh" (tone) but "Ánh" < "Anhz"-like longer words: letters first, tones second.
    assert _sorted(["Lê Ánh", "Lê Anh", "Lê Ảnh", "Lê An"]) == ["Lê An", "Lê Anh", "Lê Ảnh", "Lê Ánh"]


def test_key_is_digits_only_so_every_database_collation_agrees():
    assert name_sort_key("Nguyễn Văn Nường").isdigit()
