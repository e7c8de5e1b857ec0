"""thucydides: political event data from news.

>>> import thucydides
>>> doc = thucydides.extract(page_text, date="2025-03-17")
>>> [(e.event, [a.code for a in e.actor], e.date) for e in doc.events]

The pipeline (and spaCy) load on first use of ``extract`` or ``Pipeline``, so importing the
package, or one of its record types, stays cheap.
"""

from typing import Any

from thucydides.errors import InputError
from thucydides.model import Actor, Document, Event, Place, Quote, Timex

__all__ = [
    "Actor",
    "Document",
    "Event",
    "InputError",
    "Pipeline",
    "Place",
    "Quote",
    "Timex",
    "extract",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in ("extract", "Pipeline"):
        from thucydides import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'thucydides' has no attribute {name!r}")
