"""Quotations and speakers, on sentences written for these tests (and the seed page if present)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from spacy.tokens import Span as SpacySpan

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence, annotate_one
from thucydides.model import Actor, CleanDocument, Event, Quote, Span
from thucydides.quotes import find_quotes, load_cues

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "datasets" / "seed" / "000_eca1355c358a7f3d.txt"


class FakeResolver:
    """Stands in for the actor resolver: names the described mention, counts the calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def resolve_mention(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, span: SpacySpan
    ) -> Actor:
        self.calls.append(span.text)
        return Actor(text=span.text, name=span.text, code="XXX")

    def resolve(self, text: str, context: str = "", date: dt.date | None = None) -> Actor:
        return Actor(text=text, name=text)


def quotes_of(text: str, events: list[Event] | None = None) -> list[Quote]:
    annotated = annotate_one(CleanDocument.from_lines("t", text, date=dt.date(2025, 5, 2)))
    return find_quotes(annotated, FakeResolver(), events or [])  # type: ignore[arg-type]


def cues_and_contents(text: str) -> list[tuple[str | None, str]]:
    """Each quotation of ``text`` as (its cue as written, its content)."""
    return [(q.cue.text if q.cue else None, q.content.text) for q in quotes_of(text)]


def speaker(quote: Quote) -> str | None:
    """The speaker as written in the text."""
    return quote.speaker.text if quote.speaker else None


def who(quote: Quote) -> str | None:
    """The speaker's identity: the full name of the person."""
    return quote.speaker_actor.name if quote.speaker_actor else None


def test_cue_table_loads_verbs_and_phrases() -> None:
    cues = load_cues()
    assert {"say", "tell", "stress", "warn", "deny", "believe"} <= set(cues.verbs)
    assert "ccomp" in cues.verbs["say"]
    assert ("according", "to") in cues.phrases


def test_quote_split_by_its_cue_is_one_quotation_in_two_pieces() -> None:
    text = '"We will rebuild the harbour," Mayor Lena Ortiz said, "and we will end it this year."'
    (quote,) = [q for q in quotes_of(text) if q.type == "direct"]
    assert [piece.text for piece in quote.fragments] == [
        '"We will rebuild the harbour,"',
        '"and we will end it this year."',
    ]
    assert quote.content.text == text
    assert speaker(quote) == "Lena Ortiz"
    assert quote.cue is not None and quote.cue.text == "said"


def test_quotation_going_on_after_its_cue_sentence_is_one_quotation() -> None:
    text = (
        '"The bridge is safe," the engineer Tomas Varga told the council. "We checked every '
        'cable. The rust is only on the paint."\n'
        '"Then why close it?" asked Councillor Ines Roth.'
    )
    first, second = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(first.fragments) == 2
    assert first.fragments[1].text.startswith('"We checked every cable.')
    assert speaker(first) == "Tomas Varga"
    assert not second.fragments and who(second) == "Councillor Ines Roth"


def test_offsets_point_into_the_text() -> None:
    text = 'Intro line.\n"We are ready for the vote," Mayor Lena Ortiz said on Monday.'
    for quote in quotes_of(text):
        assert text[quote.content.start : quote.content.end] == quote.content.text
        assert quote.speaker is not None
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        'Mayor Lena Ortiz opened the new harbour on Monday. "The city has waited long enough for '
        'this," Ortiz said.\n'
        '"We have the money now, and we have the workers.\n'
        '"And we have the will to finish the job before winter."\n'
        '"The work on the second pier starts in May."'
    )
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(quotes) == 4
    assert not quotes[1].content.text.endswith('"')  # continued: the paragraph does not close it
    assert {speaker(q) for q in quotes} == {"Ortiz"}
    assert {who(q) for q in quotes} == {"Lena Ortiz"}


def test_partial_quotation_inside_reported_speech() -> None:
    text = 'Ambassador Karl Brandt described the talks as "frank, useful and overdue."'
    (quote,) = quotes_of(text)
    assert quote.type == "partial"
    assert quote.content.text == 'the talks as "frank, useful and overdue."'
    assert speaker(quote) == "Karl Brandt"
    assert quote.cue is not None and quote.cue.text == "described"


def test_scare_quotes_without_a_cue_are_not_quotations() -> None:
    assert quotes_of('The two sides began a "reset" of their ties in April.') == []


def test_indirect_speech_and_pronoun_speaker() -> None:
    text = (
        "Finance Minister Amara Osei said that inflation would fall next year.\n"
        "He told reporters the budget was balanced."
    )
    first, second = quotes_of(text)
    assert (first.type, second.type) == ("indirect", "indirect")
    assert first.content.text == "that inflation would fall next year"
    assert second.content.text == "the budget was balanced"
    assert (speaker(first), speaker(second)) == ("Amara Osei", "He")  # as written
    assert who(first) == who(second) == "Amara Osei"
    assert second.cue is not None and second.cue.text == "told"
    assert first.speaker_actor is second.speaker_actor  # one person, one identity


def test_person_keeps_full_name_when_the_resolver_codes_nothing() -> None:
    class Unresolved(FakeResolver):
        def resolve_mention(self, *args: object) -> None:  # type: ignore[override]
            return None

    text = "Helen Brooks said the port would reopen.\nShe added that the strike was over."
    annotated = annotate_one(CleanDocument.from_lines("t", text, date=dt.date(2025, 5, 2)))
    quotes = find_quotes(annotated, Unresolved(), [])  # type: ignore[arg-type]
    assert [speaker(q) for q in quotes] == ["Helen Brooks", "She"]
    assert [who(q) for q in quotes] == ["Helen Brooks", "Helen Brooks"]


def test_other_reporting_verbs() -> None:
    text = (
        "Minister Amara Osei stressed that the deal was final.\n"
        "Osei warned the opposition would lose.\n"
        "The central bank believes prices will rise."
    )
    quotes = quotes_of(text)
    assert [q.cue.text for q in quotes if q.cue] == ["stressed", "warned", "believes"]
    assert [speaker(q) for q in quotes] == ["Amara Osei", "Osei", "The central bank"]
    assert [who(q) for q in quotes][:2] == ["Amara Osei", "Amara Osei"]


def test_according_to_attribution() -> None:
    text = "According to a report by the World Bank, growth slowed sharply in the region."
    (quote,) = quotes_of(text)
    assert quote.type == "according_to"
    assert speaker(quote) == "a report by the World Bank"
    assert quote.content.text == "growth slowed sharply in the region"
    assert quote.cue is not None and quote.cue.text == "According to"


def test_typographic_quotes_and_inverted_cue() -> None:
    text = "Finance Minister Amara Osei met the unions. “We are ready to sign the deal,” said Osei."
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert [q.content.text for q in quotes] == ["“We are ready to sign the deal,”"]
    assert (speaker(quotes[0]), who(quotes[0])) == ("Osei", "Amara Osei")


def test_apostrophes_and_possessives_are_not_quotation_marks() -> None:
    text = (
        "The two countries' ministers said the workers' rights would be protected.\n"
        "A lot of work's been done, the minister's aide said."
    )
    quotes = quotes_of(text)
    assert all(q.type == "indirect" for q in quotes)
    assert quotes[0].content.text == "the workers' rights would be protected"


def test_unbalanced_quote_costs_at_most_that_quotation() -> None:
    text = (
        'Mayor Lena Ortiz said "the vote is on Sunday and the count " is on Monday.\n'
        '"We expect a record turnout this year," Ortiz said.'
    )
    quotes = quotes_of(text)
    assert any(q.content.text == '"We expect a record turnout this year,"' for q in quotes)
    assert quotes_of('"') == []
    assert quotes_of('She said "') == []


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''We are ready to sign the agreement,'' Minister Amara Osei said."
    (quote,) = quotes_of(text)
    assert quote.type == "direct"
    assert quote.content.text.startswith("''We are ready")
    assert speaker(quote) == "Amara Osei"


def test_headline_quote() -> None:
    text = "Amara Osei: “We will not raise taxes this year”\nThe minister spoke in Accra on Friday."
    quotes = quotes_of(text)
    assert quotes[0].type == "direct"
    assert speaker(quotes[0]) == "Amara Osei"


def test_events_in_the_quoted_sentence_are_linked() -> None:
    text = "Finance Minister Amara Osei said that the two countries would sign a trade deal."
    trigger = Span(text.index("sign"), text.index("sign") + 4, "sign")
    elsewhere = Span(0, 7, "Finance")
    events = [Event("AGREE", trigger, 0), Event("AID", elsewhere, 5), Event("AID", trigger, 5)]
    (quote,) = quotes_of(text, events)
    assert quote.events == [0, 2]


@pytest.fixture(scope="module")
def seed_quotes() -> list[Quote]:
    if not SEED.exists():
        pytest.skip("the seed page (../shared) is absent")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return quotes_of("\n".join(lines[6:]))


def surname(quote: Quote) -> str:
    """The last word of the speaker's identity (or of the mention, for unnamed speakers)."""
    name = who(quote) or speaker(quote)
    return name.split()[-1] if name else ""


def test_seed_direct_quotations_have_the_right_speaker(seed_quotes: list[Quote]) -> None:
    quoted = [q for q in seed_quotes if q.type in ("direct", "partial")]
    found = Counter(surname(q) for q in quoted for _ in (q.fragments or [q.content]))
    expected = Counter({"Trump": 4, "Junjie": 4, "Witkoff": 1, "Ushakov": 1})
    assert sum((found & expected).values()) == 10


def test_seed_indirect_statements_have_the_right_speaker(seed_quotes: list[Quote]) -> None:
    found = Counter(surname(q) for q in seed_quotes if q.type in ("indirect", "according_to"))
    expected = Counter({"Trump": 2, "Junjie": 7, "Peskov": 1, "Department": 1, "State": 1})
    assert sum((found & expected).values()) >= 11


def test_seed_speaker_is_the_full_mention(seed_quotes: list[Quote]) -> None:
    zhao = [q for q in seed_quotes if surname(q) == "Junjie"]
    assert zhao and {who(q) for q in zhao} == {"Zhao Junjie"}
    assert {speaker(q) for q in zhao} >= {"Zhao Junjie", "He"}  # written as in the text
    assert len({id(q.speaker_actor) for q in zhao}) == 1


def test_seed_speakers_resolve_to_country_and_sector() -> None:
    if not SEED.exists():
        pytest.skip("the seed page (../shared) is absent")
    actors = pytest.importorskip("thucydides.actors")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    clean = CleanDocument.from_lines("seed", "\n".join(lines[6:]), date=dt.date(2025, 3, 17))
    quotes = find_quotes(annotate_one(clean), actors.ActorResolver(), [])
    identities = {
        (q.speaker_actor.name, q.speaker_actor.code, q.speaker_actor.sector)
        for q in quotes
        if q.speaker_actor is not None and q.speaker_actor.name in ("Zhao Junjie", "Donald Trump")
    }
    assert identities == {("Zhao Junjie", "CHN", "EDU"), ("Donald Trump", "USA", "GOV")}


def test_belief_and_intention_cues() -> None:
    text = (
        "The governor suspects that the levy will fail.\n"
        "The union wants to reopen the talks."
    )
    quotes = quotes_of(text)
    assert [(q.cue.text if q.cue else None, q.content.text) for q in quotes] == [
        ("suspects", "that the levy will fail"),
        ("wants", "to reopen the talks"),
    ]


def test_passive_cue_speaks_through_its_agent() -> None:
    (quote,) = quotes_of("The new tariff plan was criticized by the farmers' union.")
    assert speaker(quote) == "the farmers' union"
    assert quote.content.text == "The new tariff plan"


def test_relative_what_keeps_the_whole_clause() -> None:
    text = 'She had posted what she called a "rant" about the mayor.'
    (quote,) = quotes_of(text)
    assert quote.type == "partial"  # reported words with a quoted one among them
    assert quote.content.text.startswith('what she called a "rant')


def test_cue_closing_the_sentence() -> None:
    (quote,) = quotes_of("The harbour plan is dead, Ortiz said on Monday.")
    assert (speaker(quote), quote.content.text) == ("Ortiz", "The harbour plan is dead")


def test_that_clause_after_an_addressee() -> None:
    text = (
        "In Lima last week, he told a meeting of regional leaders that few people understood "
        "the stakes better than farmers."
    )
    (quote,) = quotes_of(text)
    assert quote.content.text.startswith("that few people understood")


def test_infinitive_continued_by_a_bare_verb() -> None:
    (quote,) = quotes_of(
        "This week, the president declined to threaten Moscow or even directly declare it guilty."
    )
    assert quote.content.text == "to threaten Moscow or even directly declare it guilty"


def test_verbs_inside_a_report_do_not_cut_it() -> None:
    (quote,) = quotes_of("Smith noted that clients are beginning to demand bigger legal teams.")
    assert quote.content.text == "that clients are beginning to demand bigger legal teams"


def test_occasion_and_date_are_not_what_was_said() -> None:
    text = "Keron Ames called for more school funding in a statement on Thursday."
    (quote,) = quotes_of(text)
    assert quote.content.text == "more school funding"


def test_speaker_of_a_participle_after_a_preposition() -> None:
    (quote,) = quotes_of("After saying her ankle was broken, she was taken to the clinic.")
    assert (speaker(quote), quote.content.text) == ("she", "her ankle was broken")


def test_quoted_titles_are_not_partial_quotations() -> None:
    quotes = quotes_of('Senator Ruth Hale said on "Meet the Voters" that the bill was dead.')
    assert [q.type for q in quotes] == ["indirect"]


def test_meetings_and_agreements_are_not_statements() -> None:
    text = (
        "On Monday, delegations from both countries met in Lisbon, agreeing to work toward a "
        "deal.\nThe two sides discussed the situation in the region."
    )
    assert quotes_of(text) == []


def test_nouns_of_stance() -> None:
    text = (
        "Her decision to leave the coalition surprised her allies.\n"
        "The mayor is trying to win the council's support for a new stadium."
    )
    (quote,) = quotes_of(text)
    assert (speaker(quote), quote.cue.text if quote.cue else None) == ("Her", "decision")
    assert quote.content.text == "to leave the coalition"


def test_coordinated_cues_are_two_reports_by_one_speaker() -> None:
    text = "The minister said the talks had stalled and warned that sanctions could follow."
    said, warned = sorted(quotes_of(text), key=lambda q: q.content.start)
    assert said.content.text == "the talks had stalled"
    assert warned.content.text == "that sanctions could follow"
    assert warned.cue is not None and warned.cue.text == "warned"
    assert speaker(said) == speaker(warned) == "The minister"


def test_reported_clause_is_not_cut_inside_its_quotation() -> None:
    text = (
        'The veteran said he had served in the navy "for his country, hoping that people '
        'at home would understand."'
    )
    (quote,) = quotes_of(text)
    assert quote.type == "indirect"
    assert quote.content.text.startswith("he had served in the navy")
    assert quote.content.text.endswith('would understand."')


def test_paragraph_opening_with_a_closing_mark_is_still_a_quotation() -> None:
    text = "”Our town has changed beyond recognition. The road brought noise.” ― Maria Lopez"
    (quote,) = quotes_of(text)
    assert quote.type == "direct"
    assert quote.content.text.startswith("”Our town")
    assert speaker(quote) == "Maria Lopez"


def test_unlisted_verb_with_a_that_clause_is_a_cue() -> None:
    (quote,) = quotes_of("The auditor certified that the accounts were accurate.")
    assert quote.cue is not None and quote.cue.text == "certified"
    assert quote.content.text == "that the accounts were accurate"
    assert speaker(quote) == "The auditor"
    assert quotes_of("The staff made sure that the doors were locked.") == []


def test_clause_misread_as_adverbial_after_a_cue() -> None:
    (quote,) = quotes_of("Helen Park said after the meeting she would not accept the offer.")
    assert quote.content.text.endswith("she would not accept the offer")
    assert speaker(quote) == "Helen Park"


def test_verbs_of_judgement_and_appeal() -> None:
    (viewed,) = quotes_of("Most analysts view the deal as a setback for the union.")
    assert viewed.content.text == "the deal as a setback for the union"
    (implored,) = quotes_of("The senator implored voters to register early.")
    assert implored.content.text == "voters to register early"
    (shown,) = quotes_of("The latest survey shows the governor trailing in the north.")
    assert shown.content.text.startswith("the governor trailing")


def test_cue_lemma_repaired_when_the_lemmatizer_drops_an_e() -> None:
    (quote,) = quotes_of("The mayor is hoping to reopen the old bridge by June.")
    assert quote.cue is not None and quote.cue.text == "hoping"
    assert quote.content.text == "to reopen the old bridge by June"
    (quote,) = quotes_of("The mayor now hopes to reopen the harbour before winter.")
    assert quote.cue is not None and quote.cue.text == "hopes"
    assert quote.content.text == "to reopen the harbour before winter"


def test_name_heading_a_headline_or_transcript_line_is_its_speaker() -> None:
    text = (
        "Mayor Ana Ortiz opened the harbour on Monday.\n"
        "Ortiz: Harbour Will Reopen Before Winter\n"
        "ORTIZ: Well, we will see what the council decides.\n"
        "WASHINGTON: The talks ended without a statement."
    )
    colon = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == ":"]
    assert [(speaker(q), q.content.text) for q in colon] == [
        ("Ortiz", "Harbour Will Reopen Before Winter"),
        ("ORTIZ", "Well, we will see what the council decides"),
    ]


def test_cue_closing_its_paragraph_with_a_colon_reports_the_next_one() -> None:
    text = "The governor added:\nIt is typical of them. They know nothing about farming."
    (quote,) = quotes_of(text)
    assert quote.content.text == "It is typical of them. They know nothing about farming"
    assert speaker(quote) == "The governor" and quote.cue is not None
    assert quote.cue.text == "added"


def test_second_speaker_conjoined_to_a_report_is_a_report_of_its_own() -> None:
    text = (
        "Officials said the reforms were not complete, and aid groups warned that the "
        "government was losing control of the army."
    )
    first, second = quotes_of(text)
    assert (speaker(first), first.content.text) == ("Officials", "the reforms were not complete")
    assert speaker(second) == "aid groups"
    assert second.content.text == "that the government was losing control of the army"


def test_writer_aside_after_a_comma_is_not_part_of_the_report() -> None:
    text = (
        "The minister praised the new port, which cost four billion dollars.\n"
        "The minister praised the new port — a project that cost four billion dollars."
    )
    assert [q.content.text for q in quotes_of(text)] == ["the new port", "the new port"]


def test_relative_clause_after_a_reported_clause_goes_on_with_it() -> None:
    text = "The owner said the mill had lost money for years, which forced it to close in March."
    (quote,) = quotes_of(text)
    assert quote.content.text == (
        "the mill had lost money for years, which forced it to close in March"
    )


def test_stance_adjectives_report_what_their_subject_holds() -> None:
    text = (
        "The minister is confident that the new dam will hold.\n"
        "The union is determined to fight the closure.\n"
        "Governor Alan Park made it clear that he would veto the bill.\n"
        "It is clear that the old plan failed."
    )
    found = [(speaker(q), q.cue.text if q.cue else None, q.content.text) for q in quotes_of(text)]
    assert found == [
        ("The minister", "confident", "that the new dam will hold"),
        ("The union", "determined", "to fight the closure"),
        ("Alan Park", "clear", "that he would veto the bill"),
    ]


def test_nouns_of_saying_equated_with_or_made_by_their_speaker() -> None:
    text = (
        "The mayor's bet is that the new port will bring jobs.\n"
        "She made the case that the port would pay for itself."
    )
    first, second = quotes_of(text)
    assert (speaker(first), first.content.text) == (
        "The mayor", "that the new port will bring jobs"
    )
    assert (speaker(second), second.content.text) == ("She", "that the port would pay for itself")


def test_reporting_verb_mistagged_as_a_noun_is_still_a_cue() -> None:
    (quote,) = quotes_of("But Senator Mara Quinn claims that she should be the exception.")
    assert quote.cue is not None and quote.cue.text == "claims"
    assert quote.content.text == "that she should be the exception"


def test_participle_cue_on_a_noun_speaks_for_who_issued_it() -> None:
    text = (
        "The dock workers' union issued a statement calling for new elections.\n"
        "A report calling for lower fares was published."
    )
    first, second = quotes_of(text)
    assert (speaker(first), first.content.text) == ("The dock workers' union", "new elections")
    assert (speaker(second), second.content.text) == ("A report", "lower fares")


def test_second_cue_sharing_the_speaker_ends_the_first_report() -> None:
    text = "The senator tweeted that the mayor was a disgrace and urged voters to check her record."
    first, second = quotes_of(text)
    assert first.content.text == "that the mayor was a disgrace"
    assert second.content.text == "voters to check her record"
    assert speaker(first) == speaker(second) == "The senator"


def test_split_quotation_with_a_report_between_its_pieces_is_one_quotation() -> None:
    text = (
        '"The harbour will reopen in May," Mayor Lena Ortiz said, referring to the old '
        'north dock. "The ferries are ready."\n'
        '"The levy is unfair," the trader Omar Diaz said after the council failed to show up. '
        '"We will not pay it."'
    )
    first, second = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(first.fragments) == 2 and first.fragments[1].text == '"The ferries are ready."'
    assert speaker(first) == "Lena Ortiz"
    assert len(second.fragments) == 2 and second.fragments[1].text == '"We will not pay it."'
    assert speaker(second) == "Omar Diaz"
    assert second.cue is not None and second.cue.text == "said"


def test_second_speaker_introducing_the_next_quotation_is_not_a_split_quotation() -> None:
    text = (
        '"The port will reopen," Mayor Ana Ruiz said, while the trader Omar Diaz warned: '
        '"It will stay shut all winter."'
    )
    first, second = [q for q in quotes_of(text) if q.type == "direct"]
    assert not first.fragments and speaker(first) == "Mayor Ana Ruiz"
    assert second.cue is not None and second.cue.text == "warned"
    assert speaker(second) == "Omar Diaz"


def test_cue_in_the_infinitive_a_cue_reports_does_not_cut_it() -> None:
    text = (
        "The union refused to endorse the new harbour plan.\n"
        "The minister urged farmers to report sick animals at once."
    )
    found = cues_and_contents(text)
    assert found == [
        ("refused", "to endorse the new harbour plan"),
        ("urged", "farmers to report sick animals at once"),
    ]


def test_phrase_after_the_object_goes_with_what_is_said_of_it() -> None:
    text = (
        "The new harbour map shows the old quay with two extra piers.\n"
        "The senator praised the port deal in an interview on Monday."
    )
    found = cues_and_contents(text)
    assert found == [
        ("shows", "the old quay with two extra piers"),
        ("praised", "the port deal"),
    ]


def test_one_quoted_word_under_a_cue_is_a_mention_not_a_quotation() -> None:
    text = (
        "The minister considers cutting the levy 'reckless'.\n"
        'The minister said the talks had been "frank and useful".'
    )
    found = [(q.type, q.content.text) for q in quotes_of(text)]
    assert ("partial", "reckless") not in found
    assert any(content.startswith("the talks had been") for _, content in found)


def test_verbs_of_linking_portraying_and_publishing() -> None:
    text = (
        "The senator linked the power cuts to the new billing software.\n"
        "The union painted the governor as a friend of the big banks.\n"
        "The weekly paper published the leaked memo on Sunday."
    )
    found = cues_and_contents(text)
    assert found == [
        ("linked", "the power cuts to the new billing software"),
        ("painted", "the governor as a friend of the big banks"),
        ("published", "the leaked memo"),
    ]


def test_report_whose_subject_is_the_noun_of_its_relative_clause() -> None:
    text = "They fought the levy the senator said is designed to punish farmers."
    (quote,) = quotes_of(text)
    assert quote.content.text == "the levy the senator said is designed to punish farmers"
    assert speaker(quote) == "the senator"


def test_verb_closed_by_a_colon_introduces_the_quotation() -> None:
    text = (
        '"The port will reopen," Mayor Ana Ruiz said. The trader Omar Diaz disagreed: '
        '"It will stay shut all winter."'
    )
    first, second = [q for q in quotes_of(text) if q.type == "direct"]
    assert not first.fragments and speaker(first) == "Mayor Ana Ruiz"
    assert second.cue is not None and second.cue.text == "disagreed"
    assert speaker(second) == "Omar Diaz"


def test_warning_someone_to_act_reports_the_warning() -> None:
    (quote,) = quotes_of("The coast guard warned fishermen to stay in port until Friday.")
    assert quote.cue is not None and quote.cue.text == "warned"
    assert quote.content.text == "fishermen to stay in port until Friday"
    assert speaker(quote) == "The coast guard"


def test_asking_for_and_insisting_on_report_what_is_wanted() -> None:
    text = (
        "The villagers asked for clean water and new roads.\n"
        "The mayor insisted on a public vote."
    )
    found = cues_and_contents(text)
    assert found == [("asked", "clean water and new roads"), ("insisted", "a public vote")]


def test_speaker_of_a_participle_completing_a_modifier_of_the_verb() -> None:
    text = (
        "The mayor stopped short of calling the strike illegal.\n"
        "Tenants have no way of knowing whether the rent will rise."
    )
    found = [(speaker(q), q.content.text) for q in quotes_of(text)]
    assert found == [
        ("The mayor", "the strike illegal"),
        ("Tenants", "whether the rent will rise"),
    ]


def test_verb_misread_as_a_clause_on_a_noun_in_a_verbless_sentence() -> None:
    text = (
        "Two of the teachers who signed the letter called the plan a disaster.\n"
        "The scheme, called FastTrack, allows farmers to borrow seed."
    )
    (quote,) = quotes_of(text)
    assert (speaker(quote), quote.content.text) == ("Two", "the plan a disaster")


def test_agentless_passive_of_an_object_and_infinitive_cue() -> None:
    text = (
        "Turnout is expected to rise sharply in the northern provinces.\n"
        "The bridge was supposed to open in May.\n"
        "The mayor was charged with fraud."
    )
    (quote,) = quotes_of(text)
    assert quote.cue is not None and quote.cue.text == "expected"
    assert quote.content.text == "Turnout is expected to rise sharply in the northern provinces"
    assert speaker(quote) is None


def test_agentless_passive_of_a_charge_keeps_the_whole_clause() -> None:
    text = (
        "The harbour board was accused of hiding the cost of the dredging.\n"
        "The ferry was delayed for three hours.\n"
        "The mayor was charged with fraud."
    )
    (quote,) = quotes_of(text)
    assert quote.cue is not None and quote.cue.text == "accused"
    assert quote.content.text == "The harbour board was accused of hiding the cost of the dredging"
    assert speaker(quote) is None


def test_complement_of_a_noun_of_saying_hung_on_its_verb() -> None:
    text = (
        "The mayor sounded a plea for residents to save water.\n"
        "Senator Eva Lund made the case to farmers that the levy was unfair.\n"
        "He made a call to his brother that evening."
    )
    found = [(speaker(q), q.cue.text if q.cue else None, q.content.text) for q in quotes_of(text)]
    assert found == [
        ("The mayor", "plea", "residents to save water"),
        ("Eva Lund", "case", "that the levy was unfair"),
    ]


def test_objects_of_attitude_verbs_and_what_a_response_answers() -> None:
    text = (
        "The rebels want a ceasefire before the harvest.\n"
        "The minister pointed to the drop in crime.\n"
        "The council responded to the petition within a week.\n"
        "She fears a long winter."
    )
    assert cues_and_contents(text) == [
        ("want", "a ceasefire before the harvest"),
        ("pointed", "the drop in crime"),
        ("responded", "the petition"),
        ("fears", "a long winter"),
    ]


def test_speaker_of_an_infinitive_on_an_adjective_or_on_the_verbs_object() -> None:
    text = (
        "The coach was quick to praise the young goalkeeper.\n"
        "The mayor missed no chance to remind voters that she had cut taxes.\n"
        "It is worth noting that the dam was built in 1950."
    )
    found = [(speaker(q), q.content.text) for q in quotes_of(text)]
    assert found == [
        ("The coach", "the young goalkeeper"),
        ("The mayor", "that she had cut taxes"),
    ]


def test_poll_or_study_heading_a_headline_is_its_source() -> None:
    text = (
        "Survey: Most Farmers Expect a Dry Summer\n"
        "Background: The dam was finished in 1950."
    )
    colon = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == ":"]
    assert [(speaker(q), q.content.text) for q in colon] == [
        ("Survey", "Most Farmers Expect a Dry Summer"),
    ]


def test_gerund_objects_and_declarations_are_what_was_said() -> None:
    text = (
        "The minister admitted taking the money.\n"
        "The rebels declared a ceasefire.\n"
        "The council responded by closing the park."
    )
    assert cues_and_contents(text) == [
        ("admitted", "taking the money"),
        ("declared", "a ceasefire"),
        ("responded", "closing the park"),
    ]


def test_appeals_with_a_bare_infinitive_and_verbs_of_complaint_and_judgement() -> None:
    text = (
        "The family has called on police to release the tapes.\n"
        "The farmers bemoaned the low price of wheat.\n"
        "The court judged the contract invalid."
    )
    found = cues_and_contents(text)
    assert found[0][0] == "called" and found[0][1].endswith("to release the tapes")
    assert found[1:] == [
        ("bemoaned", "the low price of wheat"),
        ("judged", "the contract invalid"),
    ]


def test_pressing_someone_on_a_matter_reports_the_matter() -> None:
    (quote,) = quotes_of("The host pressed the senator on his tax returns.")
    assert (speaker(quote), quote.content.text) == ("The host", "his tax returns")


def test_gerund_the_parser_hung_on_the_cue_continues_the_content() -> None:
    text = (
        "The mayor has mentioned lower bus fares and giving towns more control over their roads.\n"
        "The senator criticized the bill and voted against it."
    )
    found = cues_and_contents(text)
    assert found[0] == (
        "mentioned", "lower bus fares and giving towns more control over their roads"
    )
    assert ("criticized", "the bill") in found


def test_concession_after_a_comma_is_the_writer_s_not_the_report_s() -> None:
    text = (
        "The mayor said the new bridge was safe, although she refused to release the "
        "inspection report.\n"
        "The mayor said the new bridge was safe, while the old one would be closed in May."
    )
    found = cues_and_contents(text)
    assert found == [
        ("said", "the new bridge was safe"),
        ("refused", "to release the inspection report"),
        ("said", "the new bridge was safe, while the old one would be closed in May"),
    ]


def test_dative_after_the_object_belongs_to_what_is_offered() -> None:
    text = "The city offers grants to small farms.\nThe agency offered loans in its annual report."
    assert cues_and_contents(text) == [
        ("offers", "grants to small farms"),
        ("offered", "loans"),
    ]


def test_relative_clause_cue_reports_the_noun_it_describes() -> None:
    text = (
        "Firefighters put out a blaze that the chief described as deliberate.\n"
        "Voters rejected what the mayor called a fair deal."
    )
    assert cues_and_contents(text) == [
        ("described", "a blaze that the chief described as deliberate"),
        ("called", "what the mayor called a fair deal"),
    ]


def test_partial_quotation_takes_in_the_phrase_of_its_cue() -> None:
    (quote,) = quotes_of("Ortiz calls tax ‘unfair burden’ at rally")
    assert quote.type == "partial"
    assert quote.content.text == "tax ‘unfair burden’"


def test_later_quoted_piece_the_writer_goes_on_after_is_not_the_rest_of_the_first() -> None:
    text = (
        "“This is not fair,” Ruiz said. “You cut the wages of the cleaners” to pay the board "
        "more, she told the manager.\n"
        "“This is not fair,” Ruiz said. “You cut the wages of the cleaners.”"
    )
    first, second, third = [q for q in quotes_of(text) if q.type == "direct"]
    assert (first.content.text, second.content.text) == (
        "“This is not fair,”", "“You cut the wages of the cleaners”"
    )
    assert len(third.fragments) == 2


def test_quotation_in_lower_case_finishes_the_reported_clause_before_it() -> None:
    text = (
        'The mayor said on Tuesday that if the levy passed, "the harbour would be rebuilt '
        'within a year."\n'
        '"The harbour," the mayor said, "will be rebuilt within a year."'
    )
    first, second = quotes_of(text)
    assert (first.type, first.content.text) == (
        "partial",
        'that if the levy passed, "the harbour would be rebuilt within a year."',
    )
    assert second.type == "direct"
    assert second.content.text == '"The harbour," the mayor said, "will be rebuilt within a year."'


def test_phrase_of_occasion_stays_with_a_reported_thing() -> None:
    text = "The senator criticized the mayor's remarks in the interview last week."
    assert cues_and_contents(text) == [("criticized", "the mayor's remarks in the interview")]


def test_place_after_an_object_qualifies_it_but_an_occasion_does_not() -> None:
    text = (
        "The senator backed Ortiz in the race for governor.\n"
        "The senator praised the plan in an interview on Friday."
    )
    assert cues_and_contents(text) == [
        ("backed", "Ortiz in the race for governor"),
        ("praised", "the plan"),
    ]


def test_impression_attributes_the_whole_clause_to_nobody_named() -> None:
    text = (
        "The harbour plan seems to be losing support among fishermen.\n"
        "She seemed to suggest that the levy was unfair."
    )
    first, second = quotes_of(text)
    assert first.cue is not None and first.cue.text == "seems"
    assert first.content.text == "The harbour plan seems to be losing support among fishermen"
    assert speaker(first) is None
    assert (speaker(second), second.content.text) == ("She", "that the levy was unfair")


def test_quoted_title_standing_as_a_paragraph_is_a_heading() -> None:
    text = (
        "The mayor spoke for an hour.\n\n"
        "'A Harbour Reborn.'\n\n"
        '"We Will Rebuild the Harbour Walls."\n\n'
        '"We will rebuild it."'
    )
    found = [q.content.text for q in quotes_of(text)]
    assert found == ['"We will rebuild it."']


def test_question_put_to_the_reader_reports_nobody() -> None:
    text = (
        "Would you still vote for the levy if it doubled?\n"
        "Would the mayor say the levy is fair?\n"
        "You said the levy was fair."
    )
    assert cues_and_contents(text) == [
        ("say", "the levy is fair"),
        ("said", "the levy was fair"),
    ]


def test_title_case_headline_cue_found_by_its_form() -> None:
    text = "Harbour Board Vows To Rebuild Old Pier Within A Year.\n\nThe board met on Monday."
    (quote,) = quotes_of(text)
    assert quote.cue is not None and quote.cue.text == "Vows"
    assert quote.content.text == "To Rebuild Old Pier Within A Year"
    assert speaker(quote) == "Harbour Board"


def test_title_case_line_without_a_listed_verb_reports_nothing() -> None:
    text = "Harbour Board Repairs Old Pier Within A Year.\n\nThe board met on Monday."
    assert quotes_of(text) == []


def test_terse_headline_verb_taken_for_a_noun_is_a_cue() -> None:
    text = "Town council votes to close the old harbour.\n\nThe council met on Monday."
    assert cues_and_contents(text) == [("votes", "to close the old harbour")]


def test_plural_noun_in_a_later_sentence_case_paragraph_is_no_cue() -> None:
    text = "The harbour reopened.\n\nCouncil votes to close the old harbour came late."
    assert all(cue != "votes" for cue, _ in cues_and_contents(text))


def test_name_on_a_topic_heading_a_line_is_its_speaker() -> None:
    text = "Ana Ortiz on Fishing: The Quotas Are Too Low.\n\nAna Ortiz spoke in Vigo."
    colon = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == ":"]
    found = [(speaker(q), q.content.text) for q in colon]
    assert found == [("Ana Ortiz", "The Quotas Are Too Low")]


def test_common_noun_on_a_topic_heading_a_line_is_a_subheading() -> None:
    text = "The minister spoke.\n\nProgress on Fishing: The fleet grew in May."
    assert all(q.cue is None or q.cue.text != ":" for q in quotes_of(text))


def test_agreeing_to_do_something_is_a_commitment() -> None:
    text = "The dockers' union agreed to end the strike.\nThe two counts agreed."
    assert cues_and_contents(text) == [("agreed", "to end the strike")]


def test_a_wish_to_do_something_is_a_stance() -> None:
    text = "The minister would like to see the harbour reopened.\nShips like this one sail daily."
    assert cues_and_contents(text) == [("like", "to see the harbour reopened")]


def test_the_topic_of_a_discussion_is_reported() -> None:
    text = "The fishermen discussed the new quotas.\nBoth unions discussed the strike."
    assert cues_and_contents(text) == [("discussed", "the new quotas")]


def test_a_ruling_and_a_comment_weighed_in_are_reported() -> None:
    text = (
        "The appeals court ruled against the new harbour toll.\n"
        "The port authority weighed in on the dredging plan.\n"
        "The crate weighed ten kilos."
    )
    assert cues_and_contents(text) == [
        ("ruled", "the new harbour toll"),
        ("weighed", "the dredging plan"),
    ]


def test_a_phrase_of_time_on_a_cue_is_not_its_topic() -> None:
    text = "The mayor spoke on Thursday at the harbour.\nThe minister spoke on the harbour plan."
    assert cues_and_contents(text) == [("spoke", "the harbour plan")]


def test_a_passage_found_twice_is_one_quotation() -> None:
    text = (
        'The mayor said "harbour fees" and the sale of old boats would pay for the new pier. '
        "The council said the pier was too long."
    )
    assert [content for _, content in cues_and_contents(text)] == [
        'harbour fees" and the sale of old boats would pay for the new pier',
        "the pier was too long",
    ]


def test_one_cue_reporting_nearly_the_same_words_twice_is_one_quotation() -> None:
    text = (
        'Fishermen marching through the port chanted "What quota?" and kept going until dawn. '
        'The crowd chanted "No more tolls" and marched on.'
    )
    assert [cue for cue, _ in cues_and_contents(text)] == ["chanted", "chanted"]


def test_a_worry_voiced_is_reported() -> None:
    text = "Her worry that the pier would collapse proved right.\nThe worry was not new."
    assert cues_and_contents(text) == [("worry", "that the pier would collapse")]


def test_first_paragraph_of_prose_is_no_headline() -> None:
    text = (
        "The ministry's plans to cut school budgets drew protests from teachers in every "
        "province on Monday.\n\nTeachers marched in four cities."
    )
    assert all(q.cue is None or q.cue.text != "plans" for q in quotes_of(text))
