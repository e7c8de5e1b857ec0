"""The event coder: the 16 PLOVER types, roles, modality, user patterns, the seed page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.actors import ActorResolver
from thucydides.annotate import annotate_one
from thucydides.events import EventCoder, is_factual
from thucydides.model import CleanDocument, Event

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "datasets" / "seed" / "000_eca1355c358a7f3d.txt"


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.fixture(scope="session")
def coder(resolver: ActorResolver) -> EventCoder:
    return EventCoder(resolver)


def code(coder: EventCoder, text: str) -> list[Event]:
    return coder.code(annotate_one(CleanDocument.from_lines("t", text, date=dt.date(2024, 5, 1))))


def only(coder: EventCoder, text: str) -> Event:
    events = code(coder, text)
    assert len(events) == 1, [(e.event, e.trigger.text) for e in events]
    return events[0]


def codes(actors: list) -> list[str | None]:
    return [a.code for a in actors]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Kenya and Uganda agreed on Monday to reopen their shared border.", "AGREE"),
        ("The Indian foreign minister met his Chinese counterpart in Geneva on Friday.",
         "CONSULT"),
        ("The Brazilian government praised the Argentine election commission.", "SUPPORT"),
        ("The Egyptian government eased restrictions on foreign journalists.", "CONCEDE"),
        ("France and Germany shared intelligence on smuggling networks.", "COOPERATE"),
        ("Japan provided humanitarian aid to Bangladesh after the floods.", "AID"),
        ("The rebels released twelve hostages on Sunday.", "RETREAT"),
        ("The Mexican president urged Canada to drop the new tariffs.", "REQUEST"),
        ("Pakistan accused India of violating the truce.", "ACCUSE"),
        ("The Kenyan parliament rejected the peace plan.", "REJECT"),
        ("Iran threatened to close the Strait of Hormuz.", "THREATEN"),
        ("Canada expelled four Russian diplomats on Tuesday.", "SANCTION"),
        ("Thousands of students demonstrated in Santiago against the education reform.",
         "PROTEST"),
        ("Armenia deployed troops along the border.", "MOBILIZE"),
        ("Police arrested twenty opposition activists in Minsk.", "COERCE"),
        ("Militants attacked a police station in northern Nigeria.", "ASSAULT"),
    ],
)
def test_each_plover_type(coder: EventCoder, text: str, event: str) -> None:
    assert [e.event for e in code(coder, text)] == [event]


def test_cameo_and_plover_agree(coder: EventCoder) -> None:
    event = only(coder, "Police arrested twenty opposition activists in Minsk.")
    assert (event.cameo, event.mode, event.quad_class) == ("173", "arrest", 4)
    assert event.goldstein == -5.0
    assert event.rule is not None and event.rule.startswith("patterns.tsv:")
    assert 0.0 <= event.confidence <= 1.0


def test_appeals_are_requests_of_the_neutral_quad(coder: EventCoder) -> None:
    event = only(coder, "The Mexican president urged Canada to drop the new tariffs.")
    assert (event.event, event.cameo, event.quad_class) == ("REQUEST", "020", 0)


def test_phrasal_patterns(coder: EventCoder) -> None:
    assert only(coder, "Chile held talks with Peru in Lima.").cameo == "046"
    assert only(coder, "Soldiers opened fire on the crowd.").event == "ASSAULT"
    assert only(coder, "Police took the mayor into custody.").mode == "arrest"
    signed = only(coder, "Ghana and Togo signed an agreement on fishing rights.")
    assert (signed.event, signed.cameo) == ("SUPPORT", "057")


def test_active_roles(coder: EventCoder) -> None:
    event = only(coder, "Pakistan accused India of violating the truce.")
    assert codes(event.actor) == ["PAK"]
    assert codes(event.recipient) == ["IND"]


def test_passive_roles(coder: EventCoder) -> None:
    event = only(coder, "The convoy was attacked by Somali militants.")
    assert codes(event.actor) == ["SOM"]


def test_two_parties_meeting(coder: EventCoder) -> None:
    event = only(coder, "Chile and Peru held talks in Lima.")
    assert (codes(event.actor), codes(event.recipient)) == (["CHL"], ["PER"])


def test_compound_actor(coder: EventCoder) -> None:
    event = only(coder, "Polish and Czech officials met in Prague on Monday.")
    assert codes(event.actor + event.recipient) == ["POL", "CZE"]


def test_prepositional_recipient(coder: EventCoder) -> None:
    event = only(coder, "Washington imposed sanctions on Venezuela.")
    assert event.event == "SANCTION"
    assert codes(event.recipient) == ["VEN"]


def test_negated(coder: EventCoder) -> None:
    assert only(coder, "Ghana did not attack Togo.").modality == "negated"
    assert only(coder, "No agreement was reached between the two sides.").modality == "negated"


def test_future(coder: EventCoder) -> None:
    assert only(coder, "Egypt is expected to sign the accord.").modality == "future"
    assert only(coder, "The scheduled talks between Serbia and Kosovo begin today.").modality == (
        "future")
    visit = only(coder, "The Kenyan president will meet his Ugandan counterpart.")
    assert (visit.modality, visit.event) == ("future", "AGREE")


def test_hypothetical(coder: EventCoder) -> None:
    assert only(coder, "Russia may demand compensation.").modality == "hypothetical"
    assert only(coder, "Brazil could impose tariffs on steel.").modality == "hypothetical"


def test_conditional_clause_is_not_asserted(coder: EventCoder) -> None:
    events = code(coder, "If Ghana attacks Togo, the region will suffer.")
    assert [e.modality for e in events if e.event == "ASSAULT"] == ["hypothetical"]


def test_threat_content_is_not_coded(coder: EventCoder) -> None:
    event = only(coder, "Iran threatened to attack the tankers.")
    assert (event.event, event.modality) == ("THREATEN", "asserted")


def test_stated_refusal_is_a_rejection(coder: EventCoder) -> None:
    event = only(coder, "Jordan says it will not accept more refugees.")
    assert event.event == "REJECT"


def test_failure_to_agree_is_a_rejection(coder: EventCoder) -> None:
    event = only(coder, "Chad and Niger failed to reach an agreement on the border.")
    assert (event.event, event.modality) == ("REJECT", "asserted")


def test_factual_events(coder: EventCoder) -> None:
    assert is_factual(only(coder, "Militants attacked a police station in Kano."))
    assert is_factual(only(coder, "Egypt will withdraw its troops from the border."))
    assert not is_factual(only(coder, "Russia may demand compensation."))
    assert not is_factual(only(coder, "Ghana did not attack Togo."))


def test_background_clause_is_not_coded(coder: EventCoder) -> None:
    events = code(coder, "Kenya returned the weapons seized last year from the rebels.")
    assert [e.event for e in events] == ["RETREAT"]


def test_reported_speech_lowers_confidence(coder: EventCoder) -> None:
    plain = only(coder, "The militia attacked the village.")
    reported = only(coder, "Officials said the militia attacked the village.")
    assert reported.event == "ASSAULT" and reported.modality == "asserted"
    assert reported.confidence < plain.confidence


def test_reported_demand(coder: EventCoder) -> None:
    event = only(coder, "Germany said Serbia must withdraw its police.")
    assert (event.event, codes(event.actor), codes(event.recipient)) == (
        "REQUEST", ["DEU"], ["SRB"])


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman told CNN that the weather was fine.",
        "He said that the report was long.",
        "By continuing to browse our site you agree to our use of cookies.",
        "The company released a statement on Monday.",
    ],
)
def test_no_event(coder: EventCoder, text: str) -> None:
    assert code(coder, text) == []


def test_user_patterns_override_and_report_problems(
    resolver: ActorResolver, tmp_path: Path
) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my patterns\n"
        "trigger\tpos\trequires\tcameo\tevent\tmode\tcontext\tnote\n"
        "meet\tVERB\t\t043\t\t\t\tmeetings are hosted visits here\n"
        "scold\tVERB\t\t999\t\t\t\tno such code\n"
        "frobnicate\tVERB\tdobj\t111\t\t\t\tbad requirement\n"
        "chide\tVERB\t\t111\t\t\t\tmild criticism\n",
        encoding="utf-8",
    )
    coder = EventCoder(resolver, [user])
    assert [p.split(": ")[0] for p in coder.load_problems] == [f"{user}:4", f"{user}:5"]
    assert only(coder, "The Indian minister met his Chinese counterpart.").cameo == "043"
    chide = only(coder, "Norway chided Sweden over the fishing quota.")
    assert chide.event == "ACCUSE"
    assert chide.rule is not None and chide.rule.startswith("mine.tsv:6")


def test_missing_user_file_is_reported(resolver: ActorResolver, tmp_path: Path) -> None:
    coder = EventCoder(resolver, [tmp_path / "absent.tsv"])
    assert coder.load_problems and "absent.tsv" in coder.load_problems[0]


@pytest.mark.skipif(not SEED.exists(), reason="../shared seed page not available")
def test_seed_page(coder: EventCoder) -> None:
    body = "\n".join(SEED.read_text(encoding="utf-8").split("\n")[6:])
    document = annotate_one(CleanDocument.from_lines("seed", body, date=dt.date(2025, 3, 17)))
    events = coder.code(document)

    def at(fragment: str, trigger: str) -> list[Event]:
        return [e for e in events if fragment in document.sentences[e.sentence].text
                and e.trigger.text == trigger]

    def dyad(event: Event) -> set[str | None]:
        return set(codes(event.actor + event.recipient))

    riyadh = at("met in Riyadh", "met")
    assert riyadh and riyadh[0].event == "CONSULT" and dyad(riyadh[0]) == {"USA", "RUS"}
    istanbul = at("concluded in Istanbul", "talks")
    assert istanbul and istanbul[0].event == "CONSULT" and dyad(istanbul[0]) == {"USA", "RUS"}
    phone = at("phone conversation", "conversation")
    assert phone and (phone[0].event, phone[0].mode) == ("CONSULT", "phone")
    assert dyad(phone[0]) == {"USA", "RUS"}
    accepted = at("Ukraine accepted", "accepted")
    assert accepted and codes(accepted[0].actor) == ["UKR"]
    demands = at("put forward territorial demands", "put")
    assert demands and (demands[0].event, demands[0].modality) == ("REQUEST", "hypothetical")
    speak = at("plans to speak", "speak")
    assert speak and speak[0].modality == "future"
    assert not [e for e in events if "told CGTN" in document.sentences[e.sentence].text
                and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Lithuania might close its border with Belarus.", "close", "hypothetical"),
        ("Should talks fail, Estonia could expel the ambassador.", "expel", "hypothetical"),
        ("If Kiribati asks, Fiji would send doctors.", "send", "future"),
        ("Peru has not recalled its ambassador from Bolivia.", "recalled", "negated"),
        ("Colombia never signed the treaty with Venezuela.", "signed", "negated"),
        ("Mali plans to expel the French ambassador.", "expel", "future"),
        ("Norway will host talks between Sudan and Chad next week.", "host", "future"),
    ],
)
def test_marked_modality(coder: EventCoder, text: str, trigger: str, modality: str) -> None:
    events = [e for e in code(coder, text) if e.trigger.text == trigger]
    assert [e.modality for e in events] == [modality]
    assert not any(is_factual(e) for e in events if e.event not in ("AGREE", "THREATEN"))


def test_conditional_threat_is_a_threat(coder: EventCoder) -> None:
    event = only(coder, "Unless Hanoi pays, Beijing may seize the cargo.")
    assert (event.event, codes(event.actor)) == ("THREATEN", ["CHN"])


@pytest.mark.parametrize(
    "text",
    [
        "Given the situation, the analysts were cautious.",
        "Following the storm, the roads were closed for repairs.",
        "She told the radio station that the harvest was late.",
    ],
)
def test_preposition_like_verbs_and_interviews_code_nothing(coder: EventCoder, text: str) -> None:
    assert [e.event for e in code(coder, text) if e.actor or e.recipient] == []


def test_reported_event_keeps_its_actor(coder: EventCoder) -> None:
    event = only(coder, "Local officials said Malian soldiers shelled the town of Gao.")
    assert (event.event, codes(event.actor)) == ("ASSAULT", ["MLI"])


def test_hungarian_and_romanian_officials(coder: EventCoder) -> None:
    event = only(coder, "Senior Slovak and Austrian officials agreed on Tuesday to cooperate.")
    assert codes(event.actor + event.recipient) == ["SVK", "AUT"]
    assert {a.sector for a in event.actor + event.recipient} == {"GOV"}


def test_group_with_coordinated_countries(coder: EventCoder) -> None:
    event = only(coder, "Delegations from Iran and Oman met in Muscat on Sunday.")
    assert (event.event, codes(event.actor + event.recipient)) == ("CONSULT", ["IRN", "OMN"])


def test_coordinated_national_modifiers(coder: EventCoder) -> None:
    event = only(coder, "Talks between Greek and Turkish delegations ended on Friday.")
    assert codes(event.actor + event.recipient) == ["GRC", "TUR"]


def test_hyphenated_pair_of_countries(coder: EventCoder) -> None:
    event = only(coder, "Recent India-Pakistan talks focused on water.")
    assert (codes(event.actor), codes(event.recipient)) == (["IND"], ["PAK"])


def test_attacked_city_means_its_people(coder: EventCoder) -> None:
    event = only(coder, "Rebel artillery shelled Kabul on Monday.")
    assert [(a.code, a.sector) for a in event.recipient] == [("AFG", "CVL")]


def test_agentless_arrest_is_by_the_place(coder: EventCoder) -> None:
    event = only(coder, "A Danish aid worker was arrested in Egypt on Friday.")
    assert event.event == "COERCE"
    assert [(a.code, a.sector) for a in event.actor] == [("EGY", "GOV")]
    assert codes(event.recipient) == ["DNK"]


def test_target_of_a_threat_to_shell(coder: EventCoder) -> None:
    event = only(coder, "Armenia threatened to shell Turkish villages in reprisal for a raid"
                        " on a town where, it said, 30 people were killed.")
    assert [(a.code, a.sector) for a in event.recipient] == [("TUR", "CVL")]


def test_ethnic_group_takes_the_country_it_lives_in(coder: EventCoder) -> None:
    event = only(coder, "About 300 ethnic Greeks demonstrated on Sunday in Albania.")
    assert [(a.code, a.sector) for a in event.actor] == [("ALB", "CVL")]


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("The Brazilian foreign minister discussed the Ukraine crisis with his Kenyan "
         "counterpart.", ["KEN"]),
        ("Turkey held talks with Russia on the Syria question.", ["RUS"]),
        ("The Egyptian president spoke with the Qatari emir about the situation in Gaza.",
         ["QAT"]),
        ("Vietnam discussed the issue of Taiwan with Indonesia.", ["IDN"]),
    ],
)
def test_topic_of_talks_is_no_recipient(
    coder: EventCoder, text: str, recipients: list[str]
) -> None:
    event = only(coder, text)
    assert event.event == "CONSULT"
    assert codes(event.recipient) == recipients


def test_country_of_a_topic_noun_still_counts_outside_talks(coder: EventCoder) -> None:
    event = only(coder, "Chad criticised Sudan over the border dispute.")
    assert codes(event.recipient) == ["SDN"]


def test_an_event_noun_after_a_temporal_preposition_is_its_own_event(coder: EventCoder) -> None:
    events = code(
        coder,
        "The minister said she will visit Nairobi next week after talks between Kenyan and "
        "Somali officials in Mombasa.",
    )
    talks = [e for e in events if e.trigger.text == "talks"]
    assert len(talks) == 1
    assert talks[0].event == "CONSULT" and talks[0].modality == "asserted"
    assert codes(talks[0].actor) == ["KEN"] and codes(talks[0].recipient) == ["SOM"]


def test_a_bare_event_noun_after_a_preposition_refers_back(coder: EventCoder) -> None:
    events = code(coder, "After the meeting, the Kenyan foreign minister flew home.")
    assert not [e for e in events if e.trigger.text == "meeting"]
