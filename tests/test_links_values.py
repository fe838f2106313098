"""How a link writes a value and reads it back (ui.links), without running the app."""

from __future__ import annotations

import pytest

from ui.links import TEXT_LIMIT, BadValue, Between, Choice, Flag, Text, all_names, carried, encode, parse, shared
from ui.pages import PAGES


def as_values(encoded: str | list[str]) -> list[str]:
    return encoded if isinstance(encoded, list) else [encoded]


@pytest.mark.parametrize(
    ("kind", "domain", "value", "written"),
    [
        (float, Between(0.1, 5.0, 0.1), 0.5, "0.5"),
        (float, Between(0.1, 5.0, 0.1), 3.0, "3"),
        (float, Between(-5.0, 5.0), 0.30000000000000004, "0.3"),
        (int, Between(1, 30, 1), 20, "20"),
        (int, Choice((-1000, 0, 500)), -1000, "-1000"),
        (float, Choice((0.0001, 0.1, 100.0)), 0.0001, "0.0001"),
        (str, Choice(("sgd", "adam")), "adam", "adam"),
        (bool, Flag(), True, "1"),
        (bool, Flag(), False, "0"),
        (str, Text(), "2, 1, 0.1", "2, 1, 0.1"),
        (tuple[str, ...], Choice(("relu", "tanh", "sigmoid")), ("tanh", "relu"), ["tanh", "relu"]),
        (tuple[str, ...], Choice(("relu", "tanh")), (), [""]),
    ],
)
def test_a_value_reads_back_as_itself(kind, domain, value, written):
    assert encode(value) == written
    read = parse(kind, domain, as_values(written))
    assert read == (pytest.approx(value) if kind is float else value)


@pytest.mark.parametrize(
    ("kind", "domain", "values"),
    [
        (float, Between(0.1, 5.0, 0.1), ["9"]),  # out of range
        (float, Between(0.1, 5.0, 0.1), ["0.05"]),
        (float, Between(0.1, 5.0, 0.1), ["0.55"]),  # between two steps
        (float, Between(0.1, 5.0), ["warm"]),  # not a number
        (float, Between(0.1, 5.0), ["nan"]),
        (float, Between(-10.0, 1e9), ["inf"]),
        (float, Between(0.1, 5.0), [""]),
        (int, Between(1, 30, 1), ["2.5"]),  # not a whole number
        (int, Between(1, 30, 1), ["0x10"]),
        (int, Choice((0, 10)), ["5"]),  # not an option
        (str, Choice(("sgd", "adam")), ["ADAM"]),
        (str, Choice(("sgd", "adam")), ["<script>"]),
        (bool, Flag(), ["maybe"]),
        (str, Text(), ["x" * (TEXT_LIMIT + 1)]),
        (tuple[str, ...], Choice(("relu", "tanh")), ["relu", "nope"]),  # an unknown item
        (tuple[str, ...], Choice(("relu", "tanh")), ["relu", "relu"]),  # repeated
    ],
)
def test_a_bad_value_is_refused(kind, domain, values):
    with pytest.raises(BadValue):
        parse(kind, domain, values)


def test_the_last_of_repeated_single_values_counts_and_aliases_are_read():
    assert parse(int, Between(0, 9, 1), ["3", "4"]) == 4
    assert parse(str, Choice(("en", "zh"), aliases={"简体中文": "zh"}), ["简体中文"]) == "zh"
    assert parse(float, Choice((0.1, 0.3)), ["0.10"]) == 0.1  # the option itself


def test_parameter_names_are_readable_and_never_clash_with_the_shared_ones():
    shared_names = {param.name for param in shared()}
    for spec in PAGES:
        names = [param.name for param in carried(spec)]
        assert len(names) == len(set(names)), spec.url_path
        assert all(name.replace("_", "").isalnum() and name.islower() for name in names)
        assert shared_names <= set(names)
    assert {"lang", "seed", "temperature", "preset", "optimizer"} <= all_names()
