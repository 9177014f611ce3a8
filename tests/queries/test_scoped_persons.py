"""The person record's reads as an account limited to one unit: the people of the unit read in full, with nobody
from outside in them; a person outside reads exactly as a person who does not exist."""

from __future__ import annotations

import pytest

from hrapp.errors import NotFoundError
from hrapp.queries.person_detail import load_person_detail
from hrapp.queries.person_profile import load_profile

COVERED = {
    "hrapp.queries.person_detail.load_person_detail",
    "hrapp.queries.person_profile.load_profile",
}

READS = {"profile": load_profile, "detail": load_person_detail}


def _relatives(ctx, person_id: int) -> set[str]:
    """The names in the person's family rows, read as the administrator: a relative who bears the name of
    someone outside the unit is the person's own record, not a leak."""
    return {f.full_name for f in load_profile(ctx, person_id).family}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_person_of_the_unit_reads_without_anyone_from_outside(demo_ctx, facts, read):
    relatives = {pid: _relatives(demo_ctx, pid) for pid in facts.inside_ids}
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    assert facts.inside_ids and facts.outside
    for person_id in facts.inside_ids:
        record = read(demo_ctx, person_id)
        assert record.id == person_id
        assert record.full_name in facts.inside
        assert facts.leaked(record) - relatives[person_id] == set()


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_a_person_outside_the_unit_reads_as_missing(scoped, facts, read):
    missing = 10**6
    with pytest.raises(NotFoundError) as absent:
        read(scoped, missing)
    for person_id in facts.outside_ids:
        with pytest.raises(NotFoundError) as outside:
            read(scoped, person_id)
        assert (outside.value.code, outside.value.message) == (absent.value.code, absent.value.message)


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_the_administrator_reads_the_person_the_limited_account_cannot(demo_ctx, facts, read):
    person_id = facts.outside_ids[0]
    assert read(demo_ctx, person_id).id == person_id
