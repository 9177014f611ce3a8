"""Checking a record before saving it: every field error in one answer (the pure ones and the database's),
nothing written; a rank that is not chosen is one message, not three; the rank list of each category."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hrapp import catalogs
from hrapp.db.models import AuditLog, Person
from hrapp.domain import validation as v
from hrapp.services import persons as ps
from tests.services.test_persons import count, identity, new_person, units  # noqa: F401 - fixture


def test_a_new_record_is_checked_whole_database_included_and_nothing_is_written(ctx, units):  # noqa: F811
    ps.create_person(ctx, new_person(units["VP"]))
    people, audit = count(ctx, Person), count(ctx, AuditLog)
    dto = new_person(units["OLD"], ident=identity(full_name="", email="ha@"))  # same CCCD, closed unit
    dto = replace(dto, employment=replace(dto.employment, category=""))
    errors = dict(ps.check_new_person(ctx, dto, today=date(2026, 12, 7)))
    assert set(errors) == {"full_name", "email", "id_number", "category", "unit_id"}
    assert "Trần Thị Thu Hà" in errors["id_number"]  # the database check: who holds that CCCD
    assert (count(ctx, Person), count(ctx, AuditLog)) == (people, audit)


def test_a_missing_rank_is_one_message_not_a_missing_step_and_coefficient(ctx, units):  # noqa: F811
    dto = new_person(units["VP"], salary=None, category="cong_chuc")
    dto = replace(dto, salary=None)
    fields = [f for f, _ in ps.new_person_errors(dto, ctx.rulebook, date(2026, 12, 7))]
    assert fields == ["rank_code"]


def test_an_update_is_checked_whole(ctx, units):  # noqa: F811
    first = ps.create_person(ctx, new_person(units["VP"]))
    other = ps.create_person(ctx, new_person(units["VP"], ident=identity(full_name="Lê Văn Bình",
                                                                          id_number="052185009999")))
    bad = identity(full_name="Lê Văn Bình", id_number=first.identity.id_number, phone="12", gender="")
    errors = ps.check_person_update(ctx, ps.PersonUpdate(other.id, other.row_version, bad),
                                    today=date(2026, 12, 7))
    assert {f for f, _ in errors} == {"id_number", "phone", "gender"}


def test_each_category_lists_its_own_ranks():
    ranks = catalogs.ranks()
    assert {ranks[c]["kind"] for c in v.ranks_for_category("cong_chuc")} == {"ngach"}
    assert {ranks[c]["kind"] for c in v.ranks_for_category("vien_chuc")} == {"cdnn"}
    assert {ranks[c]["kind"] for c in v.ranks_for_category("vien_chuc_tu_chu")} == {"cdnn"}
    assert v.ranks_for_category("hop_dong") == list(ranks) == v.ranks_for_category(None)
