"""Build the offline world map of the web page from the npm package ``world-atlas``.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/world_map.py package/countries-110m.json src/thucydides/web/world.svg

``world-atlas`` (ISC licence, Michael Bostock) packages Natural Earth's 1:110m country outlines
(public domain) as TopoJSON. This script decodes the TopoJSON and writes one SVG path per
country in an equirectangular projection: x = longitude + 180, y = 90 - latitude, so the
page can place points by latitude and longitude in the same 360 x 180 coordinate system.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

Point = tuple[float, float]
LICENCE = (
    "Country outlines: Natural Earth 1:110m (public domain), via the npm package world-atlas "
    "2.0.2, Copyright 2013-2019 Michael Bostock, ISC licence: permission to use, copy, modify, "
    "and/or distribute this software for any purpose with or without fee is hereby granted, "
    "provided that the above copyright notice and this permission notice appear in all copies."
)


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute longitude/latitude points of each delta-encoded, quantized arc."""
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs (a negative index ~i means arc i reversed), dropping shared ends."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[Point]) -> list[Point]:
    """Keep a ring that crosses the antimeridian continuous: its far side is drawn past the
    map's edge (and clipped there) instead of as a line across the whole map."""
    unwrapped: list[Point] = []
    shift = 0.0
    for lon, lat in points:
        if unwrapped:
            jump = lon + shift - unwrapped[-1][0]
            shift -= 360 * round(jump / 360)
        unwrapped.append((lon + shift, lat))
    return unwrapped


def ring_path(points: list[Point]) -> str:
    coords = [f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in unwrap(points)]
    return "M" + "L".join(coords) + "Z"


def geometry_path(geometry: dict[str, Any], arcs: list[list[Point]]) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)


def world_svg(topology: dict[str, Any]) -> str:
    arcs = decode_arcs(topology)
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">',
        f"<!-- {escape(LICENCE)} -->",
        '<g fill="#dfe6ee" stroke="#9aa8b8" stroke-width="0.2" stroke-linejoin="round">',
    ]
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        name = geometry.get("properties", {}).get("name", "")
        lines.append(
            f'<path id={quoteattr("n" + str(geometry.get("id", "")))} '
            f'd="{geometry_path(geometry, arcs)}"><title>{escape(name)}</title></path>'
        )
    lines += ["</g>", "</svg>"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("output", type=Path, help="SVG file to write")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    args.output.write_text(world_svg(topology), encoding="utf-8")


if __name__ == "__main__":
    main()
