"""The event coder: PLOVER/CAMEO events from the spaCy dependency parse.

A *trigger* is a verb or an event noun whose lemma is in the pattern dictionary
(``data/events/patterns.tsv``). Each pattern row may demand dependents of the trigger
("hold" + direct object "talks" -> CAMEO 046), so one lemma can carry several senses; the
most specific matching row wins. The CAMEO code gives the PLOVER event, mode and context
(``ontology.cameo_codes()``), so the two always agree; a row may override the PLOVER fields.

Pattern files are tab-separated, ``#`` starts a comment line, and the first other line is
the header ``trigger pos requires cameo event mode context note``:

- ``trigger``: the lemma of the verb or noun ("attack", "talk").
- ``pos``: ``VERB`` or ``NOUN``.
- ``requires``: blank, or space-separated ``dep=lemma`` conditions on the trigger's
  dependents, alternatives joined by ``|``: ``dobj=talk|negotiation`` (direct object, or
  passive subject), ``prt=forward`` (particle), ``prep=for`` (preposition),
  ``prep=into>custody`` (preposition and its object), ``mod=phone`` (compound or adjective
  modifier of a noun), ``xcomp=leave`` (clausal complement), ``ccomp=*`` (that-clause
  only), ``subj=protester``
  (subject), ``head=on`` (the word the trigger depends on: "on strike"); ``*`` matches any
  word ("seek xcomp=*").
- ``cameo``: a CAMEO code from ``data/ontology/cameo.tsv``, or ``-`` for "this sense is not
  an event" (e.g. "meet" + object "demand").
- ``event``/``mode``/``context``: optional PLOVER overrides (context ``;``-separated);
  needed where the CAMEO code has no PLOVER event (appeals, 02x, are coded REQUEST).
- ``note``: free text.

User files in the same format are tried before the packaged one: a user row with the same
trigger, pos and requires replaces the packaged row. A malformed user line is reported in
``EventCoder.load_problems`` as ``FILE:LINE: problem`` and the rest of the file loads.

Modality: ``negated`` (negation, "no", "deny"/"fail" heads), ``hypothetical`` (modal
auxiliaries, "if"-clauses, heads such as "consider"), ``future`` ("will", heads such as
"plan", "expect", modifiers such as "scheduled"). An event inside the complement of another
event ("threatened to attack", "agreed to cooperate", "accused X of attacking") is the
content of that event and is not coded by itself, nor is one in a background clause
("weapons seized last year"). An event reported by a speech verb ("X said Y attacked Z") is
coded with lower confidence; the speech verb itself is no event, but "X said Y must leave"
is a demand by X on Y (CAMEO 100). Following the PLOVER manual ("return the single event
category"), a stated intention or refusal is recoded with ``data/events/modal_recoding.tsv``
("will withdraw" -> AGREE 0356, "will attack" -> THREATEN 138, "will not accept" -> REJECT).
``is_factual`` tells the events a dataset of what happened would keep.
"""

from __future__ import annotations

from thucydides.events.coder import EventCoder
from thucydides.events.coding import is_factual

__all__ = ["EventCoder", "is_factual"]
