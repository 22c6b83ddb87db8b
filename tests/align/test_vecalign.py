"""vecalign file format."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.align import format_vecalign, parse_vecalign
from pipeline.errors import InputError
from pipeline.models import Bead


def test_format_matches_spec():
    beads = [Bead((0, 1), (0,), 0.9124), Bead((2,), (1,), 1.0), Bead((3,), (), 0.0),
             Bead((), (2,), 0.0)]
    assert format_vecalign(beads) == "[0, 1]:[0]:0.912\n[2]:[1]:1.000\n[3]:[]:0.000\n[]:[2]:0.000\n"


@given(st.lists(st.tuples(st.lists(st.integers(0, 999), max_size=5),
                          st.lists(st.integers(0, 999), max_size=5),
                          st.floats(0, 1))))
def test_round_trip(rows):
    beads = [Bead(tuple(s), tuple(t), round(x, 3)) for s, t, x in rows]
    assert parse_vecalign(format_vecalign(beads)) == beads


def test_vecalign_output_without_score_and_blank_lines():
    assert parse_vecalign("[0]:[0,1]\n\n[1]:[]:0.5\n") == [Bead((0,), (0, 1), 0.0),
                                                          Bead((1,), (), 0.5)]


@pytest.mark.parametrize("bad", ["[0]-[1]:0.5", "[a]:[1]:0.1", "[0,]:[1]:0.2"])
def test_bad_line_names_its_line(bad):
    with pytest.raises(InputError) as info:
        parse_vecalign("[0]:[0]:1.0\n" + bad + "\n")
    assert info.value.line == 2
