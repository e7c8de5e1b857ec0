"""The annotation layer: the model's golden output, paragraph offsets, full-name propagation."""

from __future__ import annotations

from thucydides.annotate import annotate, annotate_one, load_nlp
from thucydides.model import CleanDocument, Paragraph


def test_model_is_the_expected_small_english_pipeline() -> None:
    nlp = load_nlp()
    assert nlp.meta["lang"] == "en"
    assert nlp.meta["version"].startswith("3.8")
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_golden_entities_catch_a_swapped_model() -> None:
    doc = load_nlp()("The mayor of Lisbon, Ana Sousa, flew to Nairobi on Friday with 40 engineers.")
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Lisbon", "GPE") in found
    assert ("Nairobi", "GPE") in found
    assert ("Friday", "DATE") in found
    assert ("Ana Sousa", "PERSON") in found


def test_offsets_of_later_paragraphs_point_into_the_document() -> None:
    text = (
        "Cookie banner here\nThe minister resigned on Monday.\nA heading\nTroops crossed the river."
    )
    body = [
        Paragraph(19, 51, "paragraph"),
        Paragraph(52, 61, "heading"),
        Paragraph(62, 87, "paragraph"),
    ]
    doc = CleanDocument("d", text, [Paragraph(0, 18, "debris"), *body], "<test>")
    annotated = annotate_one(doc)
    assert [s.text for s in annotated.sentences] == [
        "The minister resigned on Monday.",
        "A heading",
        "Troops crossed the river.",
    ]
    for sentence in annotated.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.span:
            start, end = sentence.char_range(token)
            assert text[start:end] == token.text


def test_a_surname_takes_the_person_of_its_full_form() -> None:
    text = (
        "Prime Minister Lena Hartmann met union leaders in Bremen on Monday.\n"
        "Hartmann said the talks had been difficult.\n"
        "Later, Hartmann flew home."
    )
    annotated = annotate_one(CleanDocument.from_lines("d", text))
    bare = [e for e in annotated.entities if e.text == "Hartmann"]
    assert len(bare) == 2
    assert all(e.label == "PERSON" and e.canonical == "Lena Hartmann" for e in bare)


def test_an_ambiguous_short_form_is_left_alone() -> None:
    text = "Anna Weber and Paul Weber spoke in Vienna.\nWeber said nothing more."
    annotated = annotate_one(CleanDocument.from_lines("d", text))
    bare = [e for e in annotated.entities if e.text == "Weber"]
    assert all(e.canonical == "Weber" for e in bare)


def test_batches_keep_documents_apart() -> None:
    docs = [CleanDocument.from_lines(f"d{i}", f"Talks number {i} ended in Oslo.") for i in range(5)]
    annotated = list(annotate(docs, batch_size=2))
    assert [a.clean.doc_id for a in annotated] == [f"d{i}" for i in range(5)]
    assert all(len(a.sentences) == 1 for a in annotated)
