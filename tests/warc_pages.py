"""Small news pages written for the scale tests, and a WARC writer for them (warcio)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES: dict[str, tuple[str, list[str]]] = {
    "https://northern-ledger.example/2026/03/10/talks": (
        "Kenyan and Ugandan ministers meet in Nairobi",
        [
            "NAIROBI, March 10 - Kenya's foreign minister met his Ugandan counterpart in "
            "Nairobi on Tuesday to discuss the disputed fishing grounds on Lake Victoria.",
            "The two ministers agreed to set up a joint commission that will report within "
            "three months, officials from both governments told reporters after the meeting.",
        ],
    ),
    "https://harbour-times.example/world/kenya-uganda-meeting": (
        "Kenya hosts Uganda for lake talks",
        [
            "Kenya's foreign minister met the Ugandan foreign minister in Nairobi on Tuesday, "
            "the second round of talks on fishing rights this year.",
            "Both sides described the meeting as frank and said that negotiators would meet "
            "again in Kampala before the rainy season begins in April.",
        ],
    ),
    "https://valley-courier.example/news/protest-lima": (
        "Thousands march in Lima over fuel prices",
        [
            "LIMA, March 11 - Thousands of Peruvian workers marched through the centre of Lima "
            "on Wednesday to protest against a sharp rise in fuel prices announced last week.",
            "Police used tear gas against protesters near the Congress building, and the "
            "interior ministry said twelve people had been detained by the evening.",
        ],
    ),
    "https://coastal-herald.example/asia/japan-korea-aid": (
        "Japan sends aid to South Korea after floods",
        [
            "TOKYO, March 12 - Japan sent emergency aid to South Korea on Thursday after "
            "floods displaced more than ten thousand people in the south of the country.",
            "The Japanese government said two transport planes carrying tents, water pumps "
            "and medical supplies had landed in Busan, and more would follow this week.",
        ],
    ),
}

FRENCH_PAGE = (
    "https://journal-du-soir.example/monde/rencontre",
    "Rencontre des ministres à Rabat",
    [
        "Les ministres des Affaires étrangères se sont retrouvés mardi à Rabat pour discuter "
        "de la coopération régionale et de la réouverture prochaine des postes frontaliers.",
        "Les deux gouvernements ont annoncé la signature d'un nouvel accord commercial avant "
        "la fin de l'année, selon un communiqué publié à l'issue de la réunion.",
    ],
)


def html_page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n{body}\n"
        "</article><footer>All rights reserved.</footer></body></html>"
    )


def response(
    writer: WARCWriter, url: str, payload: bytes, content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK", date: str = "2026-03-12T08:00:00Z",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(payload), http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=headers)
    )


def write_warc(path: Path, pages: dict[str, tuple[str, list[str]]] | None = None) -> Path:
    """An archive of the test pages (each preceded by its request record); gzipped per
    record when ``path`` ends in ``.gz``."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for url, (title, paragraphs) in (pages or PAGES).items():
            request(writer, url)
            response(writer, url, html_page(title, paragraphs).encode("utf-8"))
    return path
