"""Migration 0011_address keeps every place's text and fills the official unit's code where the text names one
unit without doubt: old names mapped to the units after 01/07/2025, nothing for a foreign or ambiguous place."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from hrapp.db import migrate
from hrapp.db.engine import make_engine, resolve_url
from tests.db.test_migrations_keep_data import _fill_every_table

TEXTS = {
    1: ("Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định", "Bình Định", "Thôn 3, xã Tây Giang, huyện Tây Sơn, tỉnh Bình Định",
        "Xã Tuy Phước Đông, Tỉnh Gia Lai"),
    2: ("Paris, Pháp", "Xã An Nghĩa, Huyện An Lão, Tỉnh Bình Định", "Xã Tân Lập", None),
}
EXPECTED = {
    1: ("21970", "52", "21820", "21970"),  # old commune -> its new commune; old province -> Gia Lai; a new name
    2: (None, "52", None, None),  # foreign: none; split between two communes: the province only; ambiguous: none
}


def test_the_upgrade_keeps_the_texts_and_codes_the_places_it_can(db_path):
    engine = make_engine(resolve_url(str(db_path)))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    _fill_every_table(engine)  # rows of every table, as the test of the whole chain writes them
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010_catalog_codes")
    with engine.begin() as conn:
        for pid, (birth, home, permanent, current) in TEXTS.items():
            conn.execute(text("UPDATE persons SET birth_place=:b, home_town=:h, permanent_address=:p, "
                              "current_address=:c WHERE id=:id"),
                         {"b": birth, "h": home, "p": permanent, "c": current, "id": pid})
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011_address")
    with engine.connect() as conn:
        rows = {r[0]: r[1:] for r in conn.execute(text(
            "SELECT id, birth_place, home_town, permanent_address, current_address, birth_place_code, "
            "home_town_code, permanent_address_code, current_address_code FROM persons"))}
    for pid in TEXTS:
        assert rows[pid][:4] == TEXTS[pid]
        assert rows[pid][4:] == EXPECTED[pid]
    assert rows[3][4:] == (None, None, None, None)  # texts that name no place ('birth_pl-3-Đ')
    engine.dispose()
