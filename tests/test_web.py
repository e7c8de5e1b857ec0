"""The web page in a real browser (Debian's Chromium driven by Playwright).

Each view is loaded over a small hand-made store and checked for what a reader would see;
hostile article text must show as text and never run. Set THUCYDIDES_SCREENSHOTS=DIR to also
write a screenshot of each view (``docs/screenshots/`` holds the committed set).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serve_store import HOSTILE_ACTOR, HOSTILE_ID, IMG, LINK, SCRIPT, build_store
from web_harness import chromium, missing_browser, serving

pytestmark = pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))

MIDPOINT = """path => {
    const point = path.getPointAtLength(path.getTotalLength() / 2);
    const screen = point.matrixTransform(path.getScreenCTM());
    return [screen.x, screen.y];
}"""
VIEWS = {
    "dyad": "#/dyad?actor=RUS&recipient=UKR&interval=week",
    "network": "#/network",
    "map": "#/map",
    "document": "#/doc/war?s=2",
    "quotes": "#/quotes",
    "hostile": f"#/doc/{HOSTILE_ID}",
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("web") / "store.duckdb")
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


@pytest.fixture
def tab(chromium_browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records every request, script error and dialog.

    (Not named ``page``: that name belongs to pytest-playwright, if it is installed.)
    """
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.dialogs = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert not page.errors, page.errors
    assert all(url.startswith(base_url) for url in page.requests), page.requests
    context.close()


def open_view(tab: Any, base_url: str, fragment: str) -> Any:
    tab.goto(f"{base_url}/{fragment}")
    tab.wait_for_selector("#view[aria-busy=false]")
    return tab.locator("#view")


def test_dyad_view_charts_the_pair_and_lists_its_events(tab: Any, base_url: str) -> None:
    view = open_view(tab, base_url, VIEWS["dyad"])
    assert tab.locator("#dyad-actor").input_value() == "RUS"
    assert tab.locator("#dyad-recipient").input_value() == "UKR"
    assert view.locator("svg.dyad rect.bar").count() == 4
    assert view.locator("svg.dyad rect.bar.q4 title").first.text_content().startswith(
        "2025-03-03")
    rows = view.locator("table.events tbody tr")
    assert rows.count() == 4
    assert rows.first.locator("mark.trigger").text_content() == "shelled"
    rows.first.locator("a.doc-link").click()
    tab.wait_for_selector("#article .focus")
    assert tab.url.endswith("#/doc/war?s=0")


def test_dyad_form_switches_the_pair(tab: Any, base_url: str) -> None:
    open_view(tab, base_url, VIEWS["dyad"])
    tab.select_option("#dyad-actor", "USA")
    tab.click("form.controls button[type=submit]")
    tab.wait_for_function("location.hash.includes('actor=USA')")
    tab.wait_for_selector("#view[aria-busy=false]")
    assert tab.locator("table.events tbody tr").count() == 1
    assert "sent aid" in tab.locator("table.events").text_content()


def test_network_view_sizes_actors_and_links_dyads(tab: Any, base_url: str) -> None:
    view = open_view(tab, base_url, VIEWS["network"])
    codes = view.locator("g.node").evaluate_all("nodes => nodes.map(n => n.dataset.code)")
    assert set(codes) == {"UKR", "RUS", "USA", "FRA", "CHN", "XEV"}
    radius = {code: float(view.locator(f'g.node[data-code="{code}"] circle').get_attribute("r"))
              for code in ("UKR", "CHN")}
    assert radius["UKR"] > radius["CHN"]
    edge = view.locator('a.edge[href*="actor=RUS"][href*="recipient=UKR"]')
    assert "tone-conflict" in edge.get_attribute("class")
    x, y = edge.locator("path").evaluate(MIDPOINT)
    tab.mouse.click(x, y)
    tab.wait_for_selector("#dyad-chart")
    assert tab.locator("table.events tbody tr").count() == 4


def test_map_view_plots_places_and_lists_their_events(tab: Any, base_url: str) -> None:
    view = open_view(tab, base_url, VIEWS["map"])
    assert view.locator("svg.map image").get_attribute("href") == "/static/world.svg"
    places = view.locator("a.place").evaluate_all("ps => ps.map(p => p.dataset.place)")
    assert places == ["Kyiv", "Moscow", "Geneva"]
    kyiv = view.locator('a.place[data-place="Kyiv"] circle')
    assert float(kyiv.get_attribute("cx")) == pytest.approx(210.52)
    assert float(kyiv.get_attribute("cy")) == pytest.approx(39.55)
    view.locator("table.places a", has_text="Geneva").click()
    tab.wait_for_selector("h3:has-text('Events placed in CHE')")
    assert "talks in Geneva" in tab.locator("table.events").text_content()


def test_document_view_highlights_annotations_and_links_events(tab: Any, base_url: str) -> None:
    view = open_view(tab, base_url, VIEWS["document"])
    assert view.locator("h2").text_content() == "Test article war"
    texts = {cls: view.locator(f"#article .hl-{cls}").all_text_contents()
             for cls in ("trigger", "actor", "quote", "date", "place", "speaker")}
    assert texts["trigger"][:3] == ["shelled", "accused", "met"]
    assert {"Russia", "Ukraine", "Washington"} <= set(texts["actor"])
    assert "".join(texts["quote"]) == '"We will not give up,"'
    assert texts["date"] == ["Friday"]
    assert {"Kyiv", "Moscow", "Geneva"} <= set(texts["place"])
    assert "".join(texts["speaker"]) == "the president of Ukraine"
    assert "".join(view.locator("#article .focus").all_text_contents()) == (
        "Russia met Ukraine for talks in Geneva.")
    assert view.locator("#coded .coded-events li").count() == 5
    view.locator("#coded .coded-events li", has_text="AID").locator("button").click()
    focused = "".join(view.locator("#article .focus").all_text_contents())
    assert focused == "Washington sent aid to Ukraine through Kyiv."


def test_quotes_view_searches_by_speaker(tab: Any, base_url: str) -> None:
    open_view(tab, base_url, "#/quotes?speaker=president")
    rows = tab.locator("table.quotes tbody tr")
    assert rows.count() == 1
    assert '"We will not give up,"' in rows.first.text_content()


def test_hostile_text_renders_as_text(tab: Any, base_url: str) -> None:
    for fragment in (VIEWS["hostile"], "#/quotes", "#/dyad?actor=XEV&recipient=UKR"):
        view = open_view(tab, base_url, fragment)
        tab.wait_for_timeout(200)
        text = view.text_content()
        assert HOSTILE_ACTOR in text
        assert view.locator("script, img, iframe, b, [onerror], [onmouseover]").count() == 0
        assert view.locator('a[href^="javascript"]').count() == 0
    article = open_view(tab, base_url, VIEWS["hostile"]).locator("#article").text_content()
    for markup in (SCRIPT, IMG, LINK):
        assert markup in article
    tab.hover("#article .hl-actor")
    assert tab.evaluate("window.pwned") is None
    assert tab.dialogs == []


def test_errors_are_shown(tab: Any, base_url: str) -> None:
    view = open_view(tab, base_url, "#/doc/no-such-document")
    assert "404" in view.locator(".error").text_content()
    assert "no-such-document" in view.locator(".error").text_content()


@pytest.mark.skipif(not os.environ.get("THUCYDIDES_SCREENSHOTS"),
                    reason="set THUCYDIDES_SCREENSHOTS=DIR to write screenshots")
def test_screenshots(tab: Any, base_url: str) -> None:
    folder = Path(os.environ["THUCYDIDES_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    for name, fragment in VIEWS.items():
        open_view(tab, base_url, fragment)
        tab.screenshot(path=str(folder / f"{name}.png"), full_page=True)
