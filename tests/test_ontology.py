"""The ontology tables load and agree with each other."""

from __future__ import annotations

from thucydides import ontology


def test_cameo_codes_carry_goldstein_and_plover() -> None:
    codes = ontology.cameo_codes()
    meet = codes["036"]
    assert meet.event == "AGREE"
    assert meet.goldstein == 4.0
    assert meet.quad_class == 1
    phone = codes["041"]
    assert (phone.event, phone.mode) == ("CONSULT", "phone")
    assert codes["190"].quad_class == 4
    assert codes["112"].event == "ACCUSE"


def test_every_plover_type_of_the_cameo_table_is_known() -> None:
    types = set(ontology.plover_types())
    assert len(types) == 16
    used = {c.event for c in ontology.cameo_codes().values() if c.event}
    assert used <= types


def test_quad_classes_follow_the_phoenix_grouping() -> None:
    quads = ontology.plover_quad_classes()
    assert quads["CONSULT"] == 1 and quads["AID"] == 2
    assert quads["ACCUSE"] == 3 and quads["ASSAULT"] == 4
    assert ontology.quad_class_of_cameo("0211") == 0
    assert ontology.quad_labels()[2] == "material_cooperation"


def test_sector_codes_include_the_plover_list() -> None:
    assert {"GOV", "MIL", "JRN", "EDU", "REB", "CVL"} <= set(ontology.sectors())
