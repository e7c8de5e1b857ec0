"""Actor resolution: dictionaries, roles, dates, user dictionaries and parsed mentions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.actors import ActorResolver, names_a_place, split_coordination, wiki_title
from thucydides.annotate import AnnotatedDocument, annotate_one
from thucydides.model import Actor, CleanDocument

DAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def resolved(resolver: ActorResolver, text: str, **kwargs: object) -> tuple[str | None, str | None]:
    actor = resolver.resolve(text, **kwargs)  # type: ignore[arg-type]
    return (actor.code, actor.sector) if actor else (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov", ("RUS", "GOV")),
        ("Vladimir Putin", ("RUS", "GOV")),
        ("Volodymyr Zelenskyy", ("UKR", "GOV")),
        ("Xi Jinping", ("CHN", "GOV")),
        ("Ukrainian forces", ("UKR", "MIL")),
        ("Burundian militiamen", ("BDI", "REB")),
        ("the U.S. State Department", ("USA", "GOV")),
        ("the Pentagon", ("USA", "MIL")),
        ("Britain's Foreign Office", ("GBR", "GOV")),
        ("Chile's Foreign Ministry", ("CHL", "GOV")),
        ("Kenyan riot police", ("KEN", "COP")),
        ("Sudanese rebels", ("SDN", "REB")),
        ("a Ghanaian judge", ("GHA", "JUD")),
        ("Peruvian lawmakers", ("PER", "LEG")),
        ("Bolivian farmers", ("BOL", "AGR")),
        ("Mongolian journalists", ("MNG", "JRN")),
        ("Afghan refugees", ("AFG", "REF")),
        ("Swedish doctors", ("SWE", "MED")),
        ("Chinese students", ("CHN", "EDU")),
        ("Nepali clerics", ("NPL", "REL")),
        ("NATO", ("IGO", "MIL")),
        ("the UN Security Council", ("IGO", "GOV")),
        ("European Union", ("IGO", "GOV")),
        ("the IAEA", ("IGO", "GOV")),
        ("Amnesty International", ("NGO", "SOC")),
        ("Moscow", ("RUS", "GOV")),
        ("Kyiv", ("UKR", "GOV")),
        ("Kiev", ("UKR", "GOV")),
        ("South Korea", ("KOR", None)),
        ("Ivory Coast", ("CIV", None)),
        ("the Democratic Republic of Congo", ("COD", None)),
        ("Palestinians", ("PSE", "CVL")),
        ("a former White House official", ("USA", "ELI")),
        ("Canadian envoy to the United Nations", ("CAN", "GOV")),
        ("rebels in Mali", ("MLI", "REB")),
        ("pro-Russian separatists", (None, "REB")),
        ("he", (None, "UNK")),
    ],
)
def test_resolves_free_strings(resolver: ActorResolver, text: str, expected: tuple) -> None:
    assert resolved(resolver, text, date=DAY) == expected


@pytest.mark.parametrize("text", ["Zorblat Quentworth", "the weather", "grain prices", ""])
def test_unknown_strings_resolve_to_nothing(resolver: ActorResolver, text: str) -> None:
    assert resolver.resolve(text, date=DAY) is None


def test_place_inside_another_name_is_not_the_place(resolver: ActorResolver) -> None:
    assert resolver.resolve("Jordan Pemberton", date=DAY) is None


def test_possessor_is_not_the_name(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Donald Trump's lawyer", date=DAY)
    assert actor is not None and (actor.code, actor.sector, actor.name) == ("USA", "JUD", None)


def test_surname_alone_and_canonical_name(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Netanyahu", date=DAY)
    assert actor is not None
    assert (actor.code, actor.sector, actor.name) == ("ISR", "GOV", "Benjamin Netanyahu")
    assert actor.rule is not None and actor.rule.startswith("people.tsv:")


@pytest.mark.parametrize(
    ("date", "sector"),
    [(dt.date(2019, 4, 1), "GOV"), (dt.date(2022, 4, 1), "ELI"), (dt.date(2025, 3, 1), "GOV")],
)
def test_roles_are_bounded_in_time(resolver: ActorResolver, date: dt.date, sector: str) -> None:
    assert resolved(resolver, "Donald Trump", date=date) == ("USA", sector)


def test_earlier_role_of_the_same_person(resolver: ActorResolver) -> None:
    assert resolved(resolver, "Vladimir Putin", date=dt.date(1999, 1, 1)) == ("RUS", "SPY")
    assert resolved(resolver, "Angela Merkel", date=dt.date(2016, 1, 1)) == ("DEU", "GOV")
    assert resolved(resolver, "Angela Merkel", date=dt.date(2023, 1, 1)) == ("DEU", "ELI")


def test_title_in_text_outranks_an_ended_role(resolver: ActorResolver) -> None:
    assert resolved(resolver, "President Bill Clinton", date=DAY) == ("USA", "GOV")
    assert resolved(resolver, "former President Bill Clinton", date=DAY) == ("USA", "ELI")


def test_organisation_with_dated_roles(resolver: ActorResolver) -> None:
    assert resolved(resolver, "the Taliban", date=dt.date(2010, 1, 1)) == ("AFG", "REB")
    assert resolved(resolver, "the Taliban", date=dt.date(2023, 1, 1)) == ("AFG", "GOV")


def test_context_supplies_the_country(resolver: ActorResolver) -> None:
    assert resolved(resolver, "the interior minister", context="Kenyan", date=DAY) == ("KEN", "GOV")
    assert resolved(resolver, "the interior minister", date=DAY) == (None, "GOV")


def test_short_context_describes_an_unknown_name(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Quilbert Manzano", context="Peruvian police", date=DAY)
    assert actor is not None and (actor.code, actor.sector, actor.name) == ("PER", "COP", None)
    long_context = "Quilbert Manzano spoke after the Peruvian police left the square."
    assert resolver.resolve("Quilbert Manzano", context=long_context, date=DAY) is None


def test_abbreviations_match_only_in_capitals(resolver: ActorResolver) -> None:
    assert resolved(resolver, "US troops", date=DAY) == ("USA", "MIL")
    assert resolved(resolver, "WHO", date=DAY)[0] == "IGO"
    assert resolver.resolve("who", date=DAY) is None


def test_explain_lists_matching_entries(resolver: ActorResolver) -> None:
    lines = resolver.explain("Kremlin spokesman Dmitry Peskov")
    assert any("organisations.tsv" in line and "Kremlin" in line for line in lines)
    assert any("people.tsv" in line and "Dmitry Peskov" in line for line in lines)


# ---------------------------------------------------------------- user dictionaries


def write_user_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my own entries\n"
        "name\taliases\tcode\tsector\tstart\tend\n"
        "Vladimir Putin\t\tRUS\tELI\t\t\n"
        "Zorblat Quentworth\tZ. Quentworth\tNLD\tBUS\t\t\n"
        "Broken Line\tonly three fields\n"
        "Bad Sector\t\tFRA\tXYZ\t\t\n"
        "Bad Date\t\tFRA\tGOV\t2020-13-01\t\n",
        encoding="utf-8",
    )
    return path


def test_user_entries_override_and_extend(tmp_path: Path) -> None:
    resolver = ActorResolver(user_files=[write_user_file(tmp_path)])
    putin = resolver.resolve("Vladimir Putin", date=DAY)
    assert putin is not None and (putin.code, putin.sector) == ("RUS", "ELI")
    assert putin.rule == "mine.tsv:3 Vladimir Putin"
    assert resolved(resolver, "Z. Quentworth", date=DAY) == ("NLD", "BUS")
    assert resolver.explain("Vladimir Putin")[0].startswith("'Vladimir Putin': user")


def test_malformed_user_lines_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write_user_file(tmp_path)
    resolver = ActorResolver(user_files=[path])
    assert [p.split(": ")[0] for p in resolver.load_problems] == [
        f"{path}:5", f"{path}:6", f"{path}:7"]
    assert "unknown sector 'XYZ'" in resolver.load_problems[1]


def test_missing_user_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    resolver = ActorResolver(user_files=[tmp_path / "absent.tsv"])
    assert resolver.load_problems and "absent.tsv" in resolver.load_problems[0]


# ---------------------------------------------------------------- parsed mentions

TEXT = (
    "Kremlin spokesman Dmitry Peskov rejected the proposal on Monday.\n"
    "Zhao Junjie, a researcher at the Chinese Academy of Social Sciences, called it risky.\n"
    "Hungarian and Romanian officials met in Budapest.\n"
    "The Kremlin's foreign affairs adviser Yuri Ushakov spoke to reporters.\n"
    "U.S. President Donald Trump called Peskov. Later Trump said the call went well.\n"
    "Navy commander Ilarion Brevik inspected the port. Brevik praised the sailors.\n"
    "The United States imposed a curfew in Baghdad.\n"
    "The president of Armenia met Israeli soldiers and Palestinian police.\n"
)


@pytest.fixture(scope="module")
def document() -> AnnotatedDocument:
    return annotate_one(CleanDocument.from_lines("actors", TEXT, date=DAY))


def mention(
    resolver: ActorResolver, document: AnnotatedDocument, phrase: str, occurrence: int = 0
) -> Actor | None:
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(phrase, start + 1)
    found = document.char_span(start, start + len(phrase))
    assert found is not None
    sentence, span = found
    actor = resolver.resolve_mention(document, sentence, span)
    if actor is not None:
        assert document.text[actor.start : actor.end] == span.text
    return actor


def test_mention_with_compound_title(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    actor = mention(resolver, document, "Dmitry Peskov")
    assert actor is not None and (actor.code, actor.sector) == ("RUS", "GOV")


def test_mention_with_apposition(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    actor = mention(resolver, document, "Zhao Junjie")
    assert actor is not None and (actor.code, actor.sector, actor.name) == (
        "CHN", "EDU", "Zhao Junjie")


def test_mention_with_possessive(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    actor = mention(resolver, document, "Yuri Ushakov")
    assert actor is not None and (actor.code, actor.sector) == ("RUS", "GOV")


def test_short_form_uses_canonical_name(
    resolver: ActorResolver, document: AnnotatedDocument
) -> None:
    actor = mention(resolver, document, "Trump", occurrence=1)
    assert actor is not None and (actor.code, actor.sector, actor.name) == (
        "USA", "GOV", "Donald Trump")


def test_unknown_person_takes_earlier_description(
    resolver: ActorResolver, document: AnnotatedDocument
) -> None:
    actor = mention(resolver, document, "Brevik", occurrence=1)
    assert actor is not None and actor.sector == "MIL"


def test_split_coordination(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    start = document.text.index("Hungarian and Romanian officials")
    found = document.char_span(start, start + len("Hungarian and Romanian officials"))
    assert found is not None
    sentence, span = found
    parts = split_coordination(span)
    assert len(parts) == 2
    actors = [resolver.resolve_mention(document, sentence, part) for part in parts]
    assert [(a.code, a.sector) for a in actors if a] == [("HUN", "GOV"), ("ROU", "GOV")]


def test_sentence_initial_country(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    actor = mention(resolver, document, "The United States")
    assert actor is not None and actor.code == "USA"


def test_thing_with_a_place_complement_is_no_actor(
    resolver: ActorResolver, document: AnnotatedDocument
) -> None:
    assert mention(resolver, document, "a curfew") is None


def test_complement_gives_the_country(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    actor = mention(resolver, document, "The president")
    assert actor is not None and (actor.code, actor.sector) == ("ARM", "GOV")


def test_split_noun_coordination(resolver: ActorResolver, document: AnnotatedDocument) -> None:
    phrase = "Israeli soldiers and Palestinian police"
    start = document.text.index(phrase)
    found = document.char_span(start, start + len(phrase))
    assert found is not None
    sentence, span = found
    parts = split_coordination(span)
    assert [p.text for p in parts] == ["Israeli soldiers", "Palestinian police"]
    actors = [resolver.resolve_mention(document, sentence, part) for part in parts]
    assert [(a.code, a.sector) for a in actors if a] == [("ISR", "MIL"), ("PSE", "COP")]


def test_misspelt_country(resolver: ActorResolver) -> None:
    assert resolved(resolver, "Afganistan", date=DAY) == ("AFG", None)
    assert resolved(resolver, "Ethopian troops", date=DAY) == ("ETH", "MIL")


def test_sentence_context_takes_the_nearest_country(resolver: ActorResolver) -> None:
    context = "In Chile, the minister said that Peru would not sign."
    assert resolved(resolver, "the minister", context=context, date=DAY) == ("CHL", "GOV")


def test_stance_prefix_is_not_identity(resolver: ActorResolver) -> None:
    assert resolved(resolver, "pro-Iranian Hezbollah", date=DAY) == ("LBN", "REB")


def test_role_word_modifying_a_thing_is_no_actor(resolver: ActorResolver) -> None:
    assert resolver.resolve("the military operation", date=DAY) is None
    assert resolved(resolver, "the military", date=DAY) == (None, "MIL")


# ---------------------------------------------------------------- shared evaluation data

SHARED = Path(__file__).parents[2] / "shared" / "datasets" / "actors" / "dev.jsonl"


@pytest.mark.skipif(not SHARED.exists(), reason="shared evaluation data absent")
def test_dev_set_country_accuracy(resolver: ActorResolver) -> None:
    import json

    right = total = 0
    for line in SHARED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record["code"]:
            continue
        date = dt.date.fromisoformat(record["date"]) if record["date"] else None
        actor = resolver.resolve(record["text"], record["context"], date)
        total += 1
        right += bool(actor) and actor.code == record["code"]  # type: ignore[union-attr]
    assert right / total > 0.75


def test_user_entry_replaces_every_form_of_the_built_in_name(tmp_path: Path) -> None:
    resolver = ActorResolver(user_files=[write_user_file(tmp_path)])
    assert resolved(resolver, "Putin", date=DAY) == ("RUS", "ELI")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli intelligence officials", ("ISR", "SPY")),
        ("Egyptian military officials", ("EGY", "MIL")),
        ("Kenyan officials", ("KEN", "GOV")),
        ("Iraqi Kurds", ("IRQ", "CVL")),
        ("Syrian Kurdish rebels", ("SYR", "REB")),
        ("illegal Honduran immigrants", ("HND", "CVL")),
        ("Turks of northern Cyprus", ("CYP", "CVL")),
        ("ethnic Serbs", ("SRB", "CVL")),
    ],
)
def test_groups_and_specific_roles(
    resolver: ActorResolver, text: str, expected: tuple[str, str]
) -> None:
    assert resolved(resolver, text, date=DAY) == expected


def test_ethnic_group_takes_the_country_of_its_context(resolver: ActorResolver) -> None:
    context = "Hundreds of ethnic Hungarians rallied in Slovakia on Sunday."
    assert resolved(resolver, "ethnic Hungarians", context=context, date=DAY) == ("SVK", "CVL")


def test_undated_text_reads_a_name_in_its_own_time(resolver: ActorResolver) -> None:
    assert resolved(resolver, "Ronald Reagan") == ("USA", "GOV")
    assert resolved(resolver, "Ronald Reagan", date=DAY) == ("USA", "ELI")
    assert resolved(resolver, "former President Ronald Reagan") == ("USA", "ELI")


def test_split_coordination_shapes() -> None:
    from thucydides.annotate import load_nlp

    nlp = load_nlp()
    cases = {
        "The United States and Jordan signed a pact.": ("The United States and Jordan",
                                                        ["United States", "Jordan"]),
        "Chilean and Peruvian delegations met.": ("Chilean and Peruvian delegations",
                                                 ["Chilean", "Peruvian delegations"]),
        "Envoys from Qatar and Egypt arrived.": ("Envoys from Qatar and Egypt",
                                                ["Qatar", "Egypt"]),
        "Ghana signed a pact.": ("Ghana", ["Ghana"]),
    }
    for sentence, (phrase, parts) in cases.items():
        doc = nlp(sentence)
        at = sentence.index(phrase)
        span = doc.char_span(at, at + len(phrase))
        assert span is not None
        assert [p.text for p in split_coordination(span)] == parts


def test_split_pair(resolver: ActorResolver) -> None:
    pair = resolver.split_pair(Actor("Franco-Spanish", 4, 18, "FRA", "GOV"))
    assert [(a.text, a.start, a.code, a.sector) for a in pair] == [
        ("Franco", 4, "FRA", "GOV"), ("Spanish", 11, "ESP", "GOV")]
    assert [a.code for a in resolver.split_pair(Actor("Guinea-Bissau", 0, 13, "GNB"))] == ["GNB"]


def test_wiki_title_only_for_named_entries(resolver: ActorResolver) -> None:
    putin = resolver.resolve("President Vladimir Putin", date=DAY)
    troops = resolver.resolve("Ukrainian troops", date=DAY)
    assert putin is not None and wiki_title(putin) == "Vladimir Putin"
    assert troops is not None and wiki_title(troops) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erdoğan", ("TUR", "GOV")),
        ("Recep Tayyip Erdogan", ("TUR", "GOV")),
        ("Władysław Kosiniak-Kamysz", ("POL", "GOV")),
        ("Wladyslaw Kosiniak-Kamysz", ("POL", "GOV")),
        ("the mayor of Puerto Penasco", ("MEX", "GOV")),
        ("the governor of Sana'a", ("YEM", "GOV")),
    ],
)
def test_accents_and_apostrophes_are_folded(
    resolver: ActorResolver, text: str, expected: tuple[str, str]
) -> None:
    assert resolved(resolver, text, date=DAY) == expected


def test_small_town_of_several_words_is_a_place(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Puerto Penasco")
    assert actor is not None
    assert (actor.code, actor.sector, actor.name) == ("MEX", None, "Puerto Peñasco")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sindh police", ("PAK", "COP")),
        ("doctors of the Northern Territory", ("AUS", "MED")),
        ("Darfur rebels", ("SDN", "REB")),
        ("the Kurdistan Region government", ("IRQ", "GOV")),
        ("Donbas separatists", ("UKR", "REB")),
        ("Tigrayan forces", ("ETH", "MIL")),
        ("Bavarian police", ("DEU", "COP")),
        ("the Texas governor", ("USA", "GOV")),
        ("Queensland police", ("AUS", "COP")),
        ("Guerrero state police", ("MEX", "COP")),
    ],
)
def test_regions_give_their_country(
    resolver: ActorResolver, text: str, expected: tuple[str, str]
) -> None:
    assert resolved(resolver, text, date=DAY) == expected


def test_region_inside_an_organisation_name(resolver: ActorResolver) -> None:
    for text in ("the Northern Territory's medical services alliance",
                 "Aboriginal Health Council Northern Territory"):
        actor = resolver.resolve(text)
        assert actor is not None and actor.code == "AUS"


def test_a_region_alone_is_a_place_without_sector(resolver: ActorResolver) -> None:
    actor = resolver.resolve("Crimea")
    assert actor is not None and (actor.code, actor.sector) == ("UKR", None)
    assert names_a_place(actor)


def test_directions_and_common_words_are_not_regions(resolver: ActorResolver) -> None:
    for text in ("Central", "North East", "the Gulf", "Delta", "Nelson"):
        assert resolver.resolve(text) is None, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an Arleigh Burke-class destroyer", ("USA", "MIL")),
        ("the USS Gravely", ("USA", "MIL")),
        ("HMS Kent", ("GBR", "MIL")),
        ("a Type 055 destroyer", ("CHN", "MIL")),
        ("a Chinese Type 055 destroyer", ("CHN", "MIL")),
    ],
)
def test_ship_classes_and_prefixes(
    resolver: ActorResolver, text: str, expected: tuple[str, str]
) -> None:
    actor = resolver.resolve(text)
    assert actor is not None
    assert (actor.code, actor.sector) == expected
    assert actor.name is None


def test_ship_name_is_not_a_person(resolver: ActorResolver) -> None:
    actor = resolver.resolve("USS Carney")
    assert actor is not None and actor.code == "USA"


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Defense Minister Diego Molano", dt.date(2021, 6, 1), ("COL", "GOV")),
        ("Jai Ram Thakur", dt.date(2020, 1, 1), ("IND", "GOV")),
        ("Jai Ram Thakur", dt.date(2024, 1, 1), ("IND", "ELI")),
        ("Yasar Guler", dt.date(2020, 1, 1), ("TUR", "MIL")),
        ("Yasar Guler", dt.date(2024, 1, 1), ("TUR", "GOV")),
        ("Hulusi Akar", dt.date(2024, 1, 1), ("TUR", "LEG")),
        ("Sirajuddin Haqqani", dt.date(2019, 1, 1), ("AFG", "REB")),
        ("Sirajuddin Haqqani", dt.date(2022, 1, 1), ("AFG", "GOV")),
        ("Abdul-Malik al-Houthi", DAY, ("YEM", "REB")),
        ("Mohammad Bagheri", dt.date(2025, 7, 1), ("IRN", "ELI")),
        ("Ismael Zambada", DAY, ("MEX", "CRM")),
        ("Choe Son Hui", DAY, ("PRK", "GOV")),
    ],
)
def test_broader_people_table(
    resolver: ActorResolver, text: str, date: dt.date, expected: tuple[str, str]
) -> None:
    assert resolved(resolver, text, date=date) == expected


def test_shared_surname_reads_whoever_is_in_office(resolver: ActorResolver) -> None:
    assert resolved(resolver, "Bush", date=dt.date(2005, 1, 1)) == ("USA", "GOV")
    assert resolved(resolver, "Kirchner", date=dt.date(2005, 1, 1)) == ("ARG", "GOV")
    actor = resolver.resolve("Haftar", date=DAY)
    assert actor is not None and (actor.code, actor.sector) == ("LBY", "MIL")
    assert wiki_title(actor) is None


def test_people_table_loads_cleanly(resolver: ActorResolver) -> None:
    assert resolver.load_problems == []
