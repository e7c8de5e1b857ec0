"""Build ``src/thucydides/data/ontology/cameo.tsv`` from the public ontology tables.

Sources (facts, named in the output header):
- CAMEO event codes and descriptions: GDELT ``CAMEO.eventcodes.txt``.
- Goldstein scores: GDELT ``CAMEO.goldsteinscale.txt``.
- CAMEO -> PLOVER event/mode/context: openeventdata/PLOVER ``CAMEO2PLOVER-2021.txt``
  (CC BY-SA 4.0, Philip Schrodt), with old mode names mapped to the current manual's.

Usage: python scripts/build_ontology.py PATH/TO/shared/ontology
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OLD_MODE_NAMES = {
    "host": "visit",
    "confiscate": "seize",
    "detain": "arrest",
    "ban": "restrict",
    "curfew": "restrict",
    "martial-law": "restrict",
    "political": "restrict",
    "assassinate": "targeted",
}
MODE_THAT_IS_CONTEXT = {"pro_autocracy"}
HEADER = """\
# CAMEO event codes with Goldstein scores and their PLOVER event, mode and context.
# Sources: GDELT CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt (CAMEO codebook, Schrodt et al.);
# PLOVER mapping from openeventdata/PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, P. Schrodt),
# old mode names mapped to the current PLOVER manual. Built by scripts/build_ontology.py.
"""


def read_tsv(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return {row[0].strip(): row[1].strip() for row in rows[1:] if len(row) >= 2}


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    mapping = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = (part.strip() for part in line.split(":", 1))
        fields = [f.strip() for f in rest.split(",")] + ["", ""]
        event, mode, context = fields[0], fields[1], fields[2]
        mode = OLD_MODE_NAMES.get(mode, mode)
        if mode in MODE_THAT_IS_CONTEXT:
            context, mode = ";".join(filter(None, [mode, context])), ""
        mapping[code] = (event, mode, context.replace(" ", ""))
    return mapping


def plover_for(code: str, plover: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """The PLOVER triple for a code, inheriting the event type from its parent codes."""
    for length in range(len(code), 1, -1):
        if code[:length] in plover:
            found = plover[code[:length]]
            return found if length == len(code) else (found[0], "", "")
    return ("", "", "")


def main(shared: Path) -> None:
    codes = read_tsv(shared / "cameo_eventcodes.tsv")
    goldstein = read_tsv(shared / "cameo_goldstein.tsv")
    plover = read_plover(shared / "CAMEO2PLOVER-2021.txt")
    out = Path(__file__).parents[1] / "src/thucydides/data/ontology/cameo.tsv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["cameo", "description", "goldstein", "event", "mode", "context"])
        for code, description in codes.items():
            if len(code) < 2:
                continue
            score = goldstein.get(code) or goldstein.get(code[:3]) or goldstein.get(code[:2], "")
            writer.writerow([code, description, score, *plover_for(code, plover)])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
