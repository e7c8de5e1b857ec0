"""Reported speech: what a cue verb, noun, adjective or phrase says was said."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.model import QuoteType
from thucydides.quotes.candidate import TRIM, Candidate
from thucydides.quotes.cues import (
    acts_as_verb,
    is_cue,
    is_phrase_cue,
    is_speech_cue,
    is_stance_adjective,
    load_cues,
    may_be_cue,
    wanted_complements,
)
from thucydides.quotes.marks import MARKS, Region
from thucydides.quotes.speakers import CLIMB_DEPS, cue_subject, noun_phrase, passive_agent

PREDICATES = ("xcomp", "ccomp", "oprd", "acomp")
"""Complements that complete an object: "urged voters to stay home", "called it a scam"."""
PASSIVE_COMPLEMENTS = ("xcomp", "ccomp", "oprd", "prep", "attr", "acomp", "advmod", "prt")
"""What a passive cue predicates of its subject ("was accused of ...", "is expected to ...")."""
NOUN_CONTENTS = ("dobj", "nsubjpass", "pobj")
"""Complements that report a thing rather than a clause ("criticized the rule in the
interview"): a phrase of time or occasion after them says which thing, so it stays."""
OBJECT_PREPS = ("as", "of", "for")
"""Prepositions that complete an object: "described it as ...", "accused him of ..."."""
OBJECT_PHRASES = ("prep", "dative")
"""Phrases on a cue that may say more of its object ("offers grants to farms")."""
COORDINATORS = ("and", "but", "while", "although", "though")
SETTING_PREPS = ("in", "on", "at", "during", "via", "through")
CHARGE_PREPS = ("of", "for")
"""Prepositions of what a passive cue charges or credits its subject with ("accused of")."""
TIME_PREPS = ("since", "after", "before", "until", "amid")
WH_TAGS = ("WDT", "WP", "WP$", "WRB")
ASIDE_MARKS = (",", "--", "—", "–", "-")
"""What sets off a writer's aside after a report: a comma or a dash."""
CONCESSIVES = ("although", "though", "whereas")
"""Subordinators of a concession; "while" is left out, it also joins two findings."""
NONFINITE_TAGS = ("VB", "VBG")
"""A bare verb and a gerund: forms that a finite cue cannot be conjoined with."""
PAIR_WORDS = ("two", "both")
"""Words making a subject a pair of parties ("the two sides", "both countries")."""
NAME_WORDS = 4
"""The most words of a name heading a line before its colon (``Ana Ruiz: ...``)."""


def reported_speech(annotated: AnnotatedDocument, regions: list[Region]) -> Iterator[Candidate]:
    """Indirect speech and "according to" attributions, outer ones only."""
    found: list[Candidate] = []
    for sentence in annotated.sentences:
        for token in sentence.span:
            candidate = _attribution(sentence, token, regions)
            if candidate is not None:
                found.append(candidate)
    for outer in found:
        for inner in found:
            if inner is not outer and _follows(inner, outer):
                outer.end = _before(annotated.text, outer.start, _report_start(inner, outer))
                if inner.cue_token is not None and _coordinated(inner.cue_token):
                    inner.source, inner.source_sentence = outer.source, outer.source_sentence
    for candidate in found:
        candidate.end = _past_quotation(candidate, regions)
        if candidate.end > candidate.start + 1 and not any(
            _nested(candidate, other) for other in found if other is not candidate
        ):
            yield candidate


def colon_reports(annotated: AnnotatedDocument) -> Iterator[Candidate]:
    """Statements introduced by a colon and not in quotation marks: a name heading a
    headline or a transcript line (``Ortiz: Harbour Will Reopen``, ``ORTIZ: Well, ...``), or
    a cue closing its paragraph (``The governor added:``), whose content is the next one."""
    for sentence in annotated.sentences:
        tokens = [t for t in sentence.span if not t.is_space]
        colons = [t for t in tokens[: NAME_WORDS + 1] if t.text == ":"]
        if colons and sentence.start == annotated.paragraphs[sentence.paragraph].paragraph.start:
            found = _name_colon(annotated, sentence, colons[0])
            if found is not None:
                yield found
        if tokens and tokens[-1].text == ":":
            found = _cue_colon(annotated, sentence)
            if found is not None:
                yield found


def _name_colon(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, colon: Token
) -> Candidate | None:
    name = _before_topic(sentence.span.doc[sentence.span.start : colon.i])
    if not _is_name(annotated, name):
        return None
    paragraph = annotated.paragraphs[sentence.paragraph].paragraph
    start, end = _stripped(annotated.text, sentence.char_range(colon)[1], paragraph.end)
    if end - start < 2 or annotated.text[start] in MARKS:
        return None  # a quotation after the colon is direct speech (_colon_source)
    cue = sentence.to_span(colon)
    return Candidate(start, end, "indirect", sentence, cue, name, sentence)


def _before_topic(words: SpacySpan) -> SpacySpan:
    """The name heading a line without the topic it speaks on ("Ortiz on Fishing: ..."); a
    common noun before "on" heads a subheading instead ("Success on Fishing: ...")."""
    topic = next((t for t in words[1:] if t.lower_ == "on" and t.is_lower), None)
    if topic is None:
        return words
    name = words[: topic.i - words.start]
    return name if all(t.pos_ == "PROPN" for t in name) else words


def _is_name(annotated: AnnotatedDocument, words: SpacySpan) -> bool:
    """A speaker's name heading a line: capitalised words naming a person or a body (by the
    parse, or as the surname of a person the document names), or one word in capitals (a
    transcript's ``PENCE``) or a body of evidence (``Poll``); not a place (``WASHINGTON``,
    a dateline)."""
    if not 0 < len(words) <= NAME_WORDS or not all(t.text[:1].isupper() for t in words):
        return False
    if len(words) == 1 and words[0].lemma_.lower() in load_cues().sources:
        return True  # "Poll: ..."
    if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC") for t in words):
        return False
    if all(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in words):
        return True
    surnames = {e.canonical.split()[-1] for e in annotated.entities if e.label == "PERSON"}
    last = words[-1].text
    return last in surnames or last.title() in surnames or (len(words) == 1 and last.isupper())


def _cue_colon(annotated: AnnotatedDocument, sentence: AnnotatedSentence) -> Candidate | None:
    cue = next((t for t in reversed(sentence.span) if is_speech_cue(t)), None)
    if cue is None or sentence.paragraph + 1 >= len(annotated.paragraphs):
        return None
    if any(t.dep_ in ("ccomp", "dobj") and t.i > cue.i for t in cue.children):
        return None  # the cue's own sentence says what was said
    subject = cue_subject(cue)
    following = annotated.paragraphs[sentence.paragraph + 1].paragraph
    start, end = _stripped(annotated.text, following.start, following.end)
    content_sentence = annotated.sentence_at(start)
    if subject is None or content_sentence is None or annotated.text[start] in MARKS:
        return None
    if sentence.end < annotated.paragraphs[sentence.paragraph].paragraph.end - 1:
        return None  # the colon closes a sentence, not the paragraph
    return Candidate(
        start, end, "indirect", content_sentence, sentence.to_span(cue), subject, sentence
    )


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in TRIM or text[end - 1].isspace()):
        end -= 1
    return start, end


def _past_quotation(candidate: Candidate, regions: list[Region]) -> int:
    """The end of a reported clause, carried to the end of a quotation it opens but the
    parse cut short (at a comma inside the quotation): a content never halves a quotation."""
    for region in regions:
        if candidate.start <= region.start < candidate.end < region.end and region.closed:
            return region.end
    return candidate.end


def _follows(inner: Candidate, outer: Candidate) -> bool:
    """A cue that continues a report with a new one: "X said A, adding that B", rather than
    a verb inside what was reported ("said clients began to demand more"), or the verb of
    the infinitive a cue reports ("refused to endorse him", "urged voters to report it")."""
    cue, governor = inner.cue_token, outer.cue_token
    if cue is None or governor is None or cue.dep_ not in CLIMB_DEPS or _shares_infinitive(cue):
        return False
    if cue.dep_ == "xcomp" and cue.head == governor:
        return False
    participle = cue.tag_ == "VBG" and cue.i > 0 and cue.nbor(-1).text == ","
    continues = cue.head == governor or participle or _coordinated(cue) or _second_report(cue)
    return continues and outer.start < inner.cue_start < outer.end and inner.start > inner.cue_start


def _second_report(cue: Token) -> bool:
    """A cue with a subject of its own conjoined to the clause another cue reports ("said
    the reforms were late, and aid groups warned that ..."): the parser hangs it inside the
    first report, but it is a report of its own."""
    clause = cue.head
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    reported = clause.dep_ == "ccomp" and is_cue(clause.head)
    return cue.dep_ == "conj" and own and reported


def _report_start(inner: Candidate, outer: Candidate) -> int:
    """Where a report inside another begins: its speaker, when named inside the other
    report before the cue ("... late, and aid groups warned"), else its cue."""
    cue = inner.cue_token
    if inner.source is None or cue is None or not _second_report(cue):
        return inner.cue_start
    named = inner.sentence.char_range(inner.source)[0]
    return named if outer.start < named < inner.cue_start else inner.cue_start


def _coordinated(cue: Token) -> bool:
    """A cue conjoined without a subject of its own ("said A and warned B"): the parser
    often hangs it on a verb inside the first report, but it is a second report."""
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    return cue.dep_ == "conj" and not own and cue.tag_ != "VB" and is_cue(cue)


def _before(text: str, start: int, end: int) -> int:
    """The end of a report cut before the next cue, without the punctuation and the
    coordinator that join the two ("A, and warned", "A but added")."""
    while end > start and text[end - 1] in TRIM:
        end -= 1
    for word in COORDINATORS:
        if text[start:end].endswith(" " + word):
            return _before(text, start, end - len(word))
    return end


def _nested(inner: Candidate, outer: Candidate) -> bool:
    inside = outer.start <= inner.start and inner.end <= outer.end
    return inside and outer.start <= inner.cue_start < outer.end


def _attribution(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    if not may_be_cue(token):
        return None
    phrase = is_phrase_cue(token)
    noun = token.pos_ == "NOUN" and token.lemma_.lower() in load_cues().nouns
    noun = noun and not acts_as_verb(token)
    if is_stance_adjective(token):
        return _adjective_report(sentence, token, regions)
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in load_cues().impressions:
        return _impression(sentence, token, regions)
    if not (phrase or noun or is_cue(token)):
        return None
    start, end = sentence.char_range(token)
    if any(r.contains(start, end) for r in regions):
        return None
    if phrase:
        return _according_to(sentence, token)
    if noun:
        return _noun_report(sentence, token, regions)
    subject = cue_subject(token)
    if subject is None:
        return _unattributed_passive(sentence, token, regions)
    if _asks_reader(sentence, subject) or _consultation(token, subject):
        return None
    content = _complement(sentence, token)
    if content is None or _participle_commitment(token):
        return None
    s_start, s_end = sentence.char_range(subject)
    if any(r.contains(s_start, s_end) for r in regions):
        return None
    cue = sentence.to_span(token)
    kind: QuoteType = "partial" if _quotes_within(content, regions) else "indirect"
    return Candidate(*content, kind, sentence, cue, subject, sentence, cue_token=token)


def _participle_commitment(cue: Token) -> bool:
    """A participle that only commits its clause's subject to a course of action ("met,
    agreeing to work toward a deal"): how the event went, which the writer tells, rather
    than a stance someone voiced."""
    participle = cue.tag_ == "VBG" and cue.dep_ == "advcl"
    return participle and {t.dep_ for t in _targets(cue, wanted_complements(cue))} == {"xcomp"}


def _consultation(cue: Token, subject: SpacySpan) -> bool:
    """Two parties discussing something together ("the two sides discussed ...", "Ortiz
    and Lee discussed ..."): a consultation, which event coding reads, not a stance voiced."""
    if cue.lemma_.lower() not in load_cues().reciprocals:
        return False
    root = subject.root
    pair = any(c.lower_ in PAIR_WORDS for c in root.children)
    return pair or any(c.dep_ == "conj" for c in root.children)


def _asks_reader(sentence: AnnotatedSentence, subject: SpacySpan) -> bool:
    """A question put to the reader ("would you still vote for her?", "do you know where
    his returns are?"): it asks what the reader thinks, no one is reported."""
    asked = sentence.span.text.rstrip().rstrip("\"'”’").endswith("?")
    return asked and subject.root.lower_ == "you"


def _complement(sentence: AnnotatedSentence, token: Token) -> tuple[int, int] | None:
    """Offsets of what a reporting verb reports: its listed complement, or, for a
    parenthetical cue (``X, he said, Y``), the whole sentence around it."""
    wanted = wanted_complements(token)
    targets = _targets(token, wanted)
    if any(t.i > token.i for t in targets):
        targets = [t for t in targets if t.i > token.i]  # "X said: Y", not the clause before
    if any(t.tag_ in ("WP", "WDT") for t in targets):  # "what she called a rant"
        return _trimmed(sentence, _relative_start(token), token.right_edge)
    if targets:
        first = _gap_start(token, targets, min(t.left_edge.i for t in targets))
        after = [c for c in token.rights if c.i > first > token.i and _completes(c)]
        if all(t.dep_ in ("dobj", "nsubjpass") for t in targets):
            after += _object_qualifiers(token, first)
        after += [c for c in token.rights if c.i > first > token.i and _continues_content(c, token)]
        if any(t.dep_ == "ccomp" for t in targets):
            after += [c for c in token.rights if c.i > first > token.i and c.dep_ == "advcl"
                      and not is_cue(c)]
        last = max(t.right_edge.i for t in targets + after)
        if all(t.dep_ in NOUN_CONTENTS for t in targets):
            last = _without_aside(token.doc, first, last)
        else:
            last = _clip(token.doc, first, last)
        return _trimmed(sentence, token.doc[first], token.doc[last])
    if "ccomp" not in wanted:
        return None
    span = sentence.span
    if token.dep_ == "parataxis":
        return _trimmed(sentence, span[0], span[-1])
    if any(c.dep_ in ("dobj", "attr") for c in token.children):
        return None
    if token.dep_ == "ROOT":
        return _before_final_cue(sentence, token)
    if token.dep_ != "advcl":
        return None
    if token.head.i > token.right_edge.i + 1:  # "Through talks, X said, both sides agreed"
        return _trimmed(sentence, token.doc[token.right_edge.i + 1], span[-1])
    as_said = any(c.lower_ == "as" for c in token.children)
    if as_said and token.head.i < token.left_edge.i > span.start:  # "..., as police have said"
        return _trimmed(sentence, span[0], token.doc[token.left_edge.i - 1])
    return None


def _relative_start(cue: Token) -> Token:
    """Where a report starts whose object is a relative pronoun: at the cue's clause for a
    free relative ("what she called a rant"), at the noun the pronoun stands for in a
    relative clause ("an explosion that the mayor described as an attack")."""
    return cue.head.left_edge if cue.dep_ == "relcl" else cue.left_edge


def _before_final_cue(sentence: AnnotatedSentence, token: Token) -> tuple[int, int] | None:
    """What precedes a cue that closes the sentence after a comma: "People like Ortiz, he
    said." (the parser does not always make it the cue's complement)."""
    span, doc = sentence.span, token.doc
    subjects = [c.left_edge.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    left = min([token.i, *subjects])
    tail = doc[left : span.end]
    if left <= span.start + 1 or doc[left - 1].text != ",":
        return None
    if any(t.i > token.i and not (t.is_punct or t.ent_type_ in ("DATE", "TIME")) for t in tail):
        return None
    return _trimmed(sentence, span[0], doc[left - 2])


def _clip(doc: Doc, first: int, last: int) -> int:
    """The last token of a reported clause without a trailing participial phrase
    (", contradicting ...", ", adding ..."), which is a comment or a report of its own."""
    for token in doc[first + 1 : last + 1]:
        start = token.left_edge.i
        participle = token.dep_ == "advcl" and token.tag_ == "VBG" and is_cue(token)
        if participle and start > first + 1 and doc[start - 1].text == ",":
            return start - 2
    return _without_aside(doc, first, _without_setting(doc, first, last))


def _without_aside(doc: Doc, first: int, last: int) -> int:
    """The last token of a reported clause without a trailing aside set off by a comma or a
    dash: a non-restrictive relative clause (", which ...", ", who ...") or an appositive
    (", the party's nominee", "— a project that ..."): the writer's gloss on a word of the
    report, not part of it; or a concessive clause (", although he refused to ..."): the
    writer's counterpoint. A relative clause after a reported clause (not a noun) goes on
    with what was said ("said the plant had lost money, which forced it to close")."""
    clause = _is_clause(doc, first, last)
    for token in doc[first + 1 : last + 1]:
        start = token.left_edge.i
        set_off = doc[start - 1].text in ASIDE_MARKS
        if token.right_edge.i != last or start <= first + 1 or not set_off:
            continue
        relative = token.dep_ == "relcl" and doc[start].tag_ in WH_TAGS and not clause
        if token.dep_ == "appos" or relative or _is_concessive(token):
            return start - 2
    return last


def _is_clause(doc: Doc, first: int, last: int) -> bool:
    """Whether the words ``first..last`` are a clause: one of their heads is a verb."""
    roots = [t for t in doc[first : last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
    return any(r.pos_ in ("VERB", "AUX") for r in roots)


def _is_concessive(token: Token) -> bool:
    return token.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONCESSIVES for m in token.children
    )


def _without_setting(doc: Doc, first: int, last: int) -> int:
    """The last token of a reported clause without trailing phrases that say when or where
    it was said ("... in a statement on Thursday", "... Wednesday")."""
    while last > first:
        setting = next((t for t in doc[first + 1 : last + 1] if _is_setting(t, first, last)), None)
        if setting is None:
            return last
        last = setting.left_edge.i - 1
        while last > first and doc[last].is_punct and doc[last].text not in MARKS:
            last -= 1
    return last


def _is_setting(token: Token, first: int, last: int) -> bool:
    """A trailing date or occasion that the parser hung on a noun of the reported clause;
    on one of its verbs it may be part of what was said ("would grow in the spring")."""
    if token.right_edge.i != last or token.left_edge.i <= first + 1:
        return False
    if token.head.pos_ in ("VERB", "AUX"):
        return False
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    if token.dep_ == "npadvmod" or (token.dep_ == "appos" and token.ent_type_ in ("DATE", "TIME")):
        return dated and all(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    if token.dep_ != "prep" or token.lower_ not in SETTING_PREPS:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    occasion = any(c.lemma_.lower() in load_cues().media for c in objects)
    return occasion or (dated and all(t.ent_type_ in ("DATE", "TIME") for t in objects))


def _targets(token: Token, wanted: frozenset[str]) -> list[Token]:
    """The dependents of a reporting verb that hold what was said, per its cue entry."""
    deps = {c.dep_ for c in token.children}
    deps |= {f"prep:{c.lower_}" for c in token.children if c.dep_ == "prep"}
    found = []
    for spec in wanted:
        first, *required = spec.split("+")
        if all(dep in deps for dep in required):
            found += [t for c in token.children if (t := _complement_head(c, first)) is not None]
    if "ccomp" in wanted and not any(t.dep_ == "ccomp" for t in found):
        found += [t for t in _misparsed_clauses(token)]
    if any(t.dep_ == "xcomp" for t in found):
        found += [c for c in token.rights if _shares_infinitive(c)]
    return found


def _shares_infinitive(verb: Token) -> bool:
    """A bare verb conjoined to a cue that takes an infinitive: it continues that infinitive
    ("declined to threaten Moscow or declare it responsible"); the parser often tags such
    a verb VBP, which cannot be parallel to a cue in another tense."""
    bare = verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.head.tag_ != "VBP")
    return verb.dep_ == "conj" and bare


def _continues_content(verb: Token, cue: Token) -> bool:
    """A verb the parser conjoined to a cue though it cannot be parallel to it: a bare
    verb or a gerund after a cue in another form ("mentioned cutting fees and forcing
    banks to ...", "wanted to stay and let them know"), with no subject or auxiliary of its
    own; it continues a verb of what was said, so the content runs through it."""
    own = any(m.dep_ in ("nsubj", "nsubjpass", "aux") for m in verb.children)
    unlike = verb.tag_ in NONFINITE_TAGS and verb.tag_ != cue.tag_
    return verb.dep_ == "conj" and unlike and not own and not is_cue(verb)


def _misparsed_clauses(token: Token) -> Iterator[Token]:
    """A that-clause the parser hung on the addressee ("told a meeting of leaders that few
    people knew"): a relative clause opened by "that" with a subject of its own; or a bare
    clause after the cue read as an adverbial one ("said after the vote he would resign"):
    a clause with a subject of its own and no subordinator ("because", "if")."""
    for child in token.rights:
        subject = any(m.dep_ in ("nsubj", "nsubjpass") for m in child.lefts)
        bare = not any(m.dep_ == "mark" for m in child.lefts)
        if child.dep_ == "advcl" and subject and bare and child.tag_ != "VBG":
            yield child
            return
    for child in token.children:
        if child.dep_ not in ("dobj", "npadvmod"):
            continue
        for clause in child.subtree:
            marked = any(m.lower_ == "that" and m.dep_ == "mark" for m in clause.lefts)
            subject = any(m.dep_ in ("nsubj", "nsubjpass") for m in clause.lefts)
            if clause.dep_ in ("relcl", "acl") and marked and subject:
                yield clause
                return


def _gap_start(cue: Token, targets: list[Token], first: int) -> int:
    """Where a report starts whose subject is the noun a relative clause hangs on: "the
    levy the senator said is designed to punish farmers" (the levy is designed): at the
    relative pronoun, or at that noun when there is none."""
    clause = next((t for t in targets if t.dep_ == "ccomp"), None)
    if cue.dep_ != "relcl" or clause is None or clause.i < cue.i:
        return first
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return first
    pronoun = next((c for c in cue.lefts if c.tag_ in WH_TAGS or c.lower_ == "that"), None)
    return pronoun.i if pronoun is not None else cue.head.left_edge.i


def _complement_head(child: Token, spec: str) -> Token | None:
    if child.dep_ == spec:
        return child
    if spec == "dobj" and child.dep_ == "nsubjpass" and passive_agent(child.head) is not None:
        return child  # the object of a passive cue: "X was praised by Y"
    if child.dep_ == "prep" and spec == f"prep:{child.lower_}":
        head = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        return None if head is None or _is_date(head) else head
    return None


def _is_date(head: Token) -> bool:
    """The object of a phrase of time ("spoke on Thursday"): when it was said, not what."""
    return head.ent_type_ in ("DATE", "TIME") and not any(
        c.dep_ == "prep" for c in head.children
    )


def _completes(child: Token) -> bool:
    return child.dep_ in PREDICATES or (child.dep_ == "prep" and child.lower_ in OBJECT_PREPS)


def _object_qualifiers(cue: Token, first: int) -> list[Token]:
    """Phrases right after the object of a cue that go with what is said of the object
    ("shows him with his hands up", "reported different numbers to different agencies",
    "offers grants to farms"; the parser hangs them on the verb, the last as a dative),
    up to the first that is not one: a comma, an occasion ("in an interview", "since May")
    or a phrase with a report of its own ("amid concerns that ...")."""
    found = []
    for child in cue.rights:
        if child.i <= first or child.dep_ == "dobj" or _completes(child):
            continue
        if not _qualifies_object(child):
            break
        found.append(child)
    return found


def _qualifies_object(child: Token) -> bool:
    if child.dep_ not in OBJECT_PHRASES or child.lower_ in TIME_PREPS:
        return False
    if child.lower_ in SETTING_PREPS and _is_occasion(child):
        return False
    return not any(is_cue(t) or _reports(t) for t in child.subtree)


def _is_occasion(phrase: Token) -> bool:
    """A phrase naming when or on what occasion something was said ("in an interview",
    "on Tuesday"), rather than where or how the thing said stands ("in the air")."""
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree)
    return dated or any(c.lemma_.lower() in load_cues().media for c in objects)


def _reports(noun: Token) -> bool:
    """A noun of saying with what was said as its complement ("concerns that ...")."""
    wanted = load_cues().nouns.get(noun.lemma_.lower())
    return wanted is not None and any(_noun_complement(c, wanted) for c in noun.rights)


def _noun_report(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    """``his claim that ...``, ``her decision to ...``, ``reports of ...``: the complement of
    a noun of saying or of stance; its possessor (or the ``by`` phrase) speaks."""
    wanted = load_cues().nouns[token.lemma_.lower()]
    clause = next((t for c in token.rights if (t := _noun_complement(c, wanted)) is not None), None)
    if clause is None and "that" in wanted:
        clause = _predicated_clause(token)
    if clause is None:
        clause = _complement_on_verb(token, wanted)
    if clause is None:
        return None
    content = _trimmed(sentence, _past_for(clause), clause.right_edge)
    if content is None or _mostly_quoted(content, regions):
        return None
    source = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if source is None and (by := next((c for c in token.rights if c.lower_ == "by"), None)):
        source = next((c for c in by.children if c.dep_ == "pobj"), None)
    speaker = noun_phrase(source) if source is not None else None
    if speaker is None and token.dep_ == "dobj":
        speaker = cue_subject(token.head)  # "she made the case that", "voiced concern that"
    return Candidate(*content, "indirect", sentence, sentence.to_span(token), speaker, sentence)


def _complement_on_verb(noun: Token, wanted: frozenset[str]) -> Token | None:
    """The complement of a noun of saying that the parser hung on the verb whose object the
    noun is ("issued a warning to members that ...", "made the case to voters that ..."),
    when that verb is no cue of its own (its report would be the same one)."""
    verb = noun.head
    if noun.dep_ != "dobj" or is_cue(verb):
        return None
    return next(
        (t for c in verb.rights if c.i > noun.i and (t := _noun_complement(c, wanted, verb=True))),
        None,
    )


def _predicated_clause(noun: Token) -> Token | None:
    """The that-clause a noun of saying is equated with: "the mayor's bet is that ..."."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return None
    return next(
        (c for c in noun.head.rights
         if c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.lefts)),
        None,
    )


def _adjective_report(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    """What a stance adjective reports, with the subject of its copula (or of "made it
    clear") as the source."""
    wanted = load_cues().adjectives[token.lemma_.lower()]
    targets = [t for t in _targets(token, wanted) if t.i > token.i]
    subject = cue_subject(token.head)
    if not targets or subject is None or subject.root.lower_ == "it":
        return None  # "it is clear that ...": nobody's stance
    first = min(t.left_edge.i for t in targets)
    last = _clip(token.doc, first, max(t.right_edge.i for t in targets))
    content = _trimmed(sentence, token.doc[first], token.doc[last])
    if content is None:
        return None
    kind: QuoteType = "partial" if _quotes_within(content, regions) else "indirect"
    cue = sentence.to_span(token)
    return Candidate(*content, kind, sentence, cue, subject, sentence, cue_token=token)


def _noun_complement(child: Token, wanted: frozenset[str], verb: bool = False) -> Token | None:
    """The dependent of a noun of saying (or of the verb it is the object of, ``verb``)
    that holds what was said, per the noun's cue entry."""
    marked = any(m.lower_ == "that" and m.dep_ == "mark" for m in child.lefts)
    clauses = ("ccomp",) if verb else ("acl", "relcl")
    if child.dep_ in clauses and "that" in wanted and marked:
        return child
    if child.dep_ in ("advcl", "acl") and "prep:for" in wanted and _for_infinitive(child):
        return child
    if child.dep_ == "acl" and "to" in wanted and any(m.lower_ == "to" for m in child.lefts):
        return child
    if child.dep_ == "prep" and f"prep:{child.lower_}" in wanted:
        return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _for_infinitive(clause: Token) -> bool:
    """An infinitive with its own subject ("for Congress to pass the bill"): what a call,
    plea or demand for something asks."""
    marks = {m.lower_ for m in clause.lefts if m.dep_ in ("mark", "aux")}
    return {"for", "to"} <= marks


def _past_for(clause: Token) -> Token:
    """Where what a call for something asks begins: after its "for" ("a call for Congress
    to act": "Congress to act"), as with the object of "for" elsewhere."""
    first = clause.left_edge
    return first.nbor(1) if first.lower_ == "for" and first.dep_ == "mark" else first


def _unattributed_passive(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    """The passive of a cue that reports an object and its infinitive ("expected turnout to
    rise" -> "turnout is expected to rise", "voters were told to stay home"), with no
    agent: an attribution whose source is left unsaid. What is attributed is the whole
    clause, the raised subject with its infinitive. Other agentless passives ("was charged
    with", "was viewed as") mostly state facts or judgements, not reports."""
    subject = next((c for c in token.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "auxpass" for c in token.lefts):
        return None
    if not (_raised_infinitive(token) or _passive_charge(token)):
        return None
    last = token
    for child in token.rights:
        if child.dep_ not in PASSIVE_COMPLEMENTS:
            break
        last = child.right_edge
    if last is token:
        return None
    doc = token.doc
    content = _trimmed(sentence, subject.left_edge, doc[_clip(doc, subject.left_edge.i, last.i)])
    if content is None or _mostly_quoted(content, regions):
        return None
    cue = sentence.to_span(token)
    return Candidate(*content, "indirect", sentence, cue, None, None, cue_token=token)


def _raised_infinitive(token: Token) -> bool:
    """A passive cue with the infinitive its object was said to do ("was expected to win")."""
    infinitive = any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in token.rights)
    return infinitive and "dobj+xcomp" in wanted_complements(token)


def _passive_charge(token: Token) -> bool:
    """A passive cue of an object with what it is charged with or credited for ("was
    accused of fraud", "has been blamed for the delay"): whoever accused is unsaid, but the
    charge is theirs, not the writer's."""
    charge = any(c.dep_ == "prep" and c.lower_ in CHARGE_PREPS for c in token.rights)
    return charge and "dobj" in wanted_complements(token)


def _impression(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    """How something strikes an unnamed holder ("the plan seems doomed", "she seemed to
    have vanished"): the whole clause is attributed, with no source. Not when the
    complement is a cue of its own ("seemed to suggest that"): that reports the subject."""
    wanted = load_cues().impressions[token.lemma_.lower()]
    subject = next((c for c in token.lefts if c.dep_ == "nsubj"), None)
    complements = [c for c in token.rights if c.dep_ in wanted]
    if subject is None or not complements or any(is_cue(c) for c in complements):
        return None
    doc = token.doc
    last = max(c.right_edge.i for c in complements)
    content = _trimmed(sentence, subject.left_edge, doc[_clip(doc, subject.left_edge.i, last)])
    if content is None or _mostly_quoted(content, regions):
        return None
    cue = sentence.to_span(token)
    return Candidate(*content, "indirect", sentence, cue, None, None, cue_token=token)


def _according_to(sentence: AnnotatedSentence, token: Token) -> Candidate | None:
    """``According to X, ...``: the source is X and the content is the rest of the clause."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is None or source is None:
        return None
    phrase = token.doc[token.i : source.right_edge.i + 1]
    span = sentence.span
    before = _trimmed(sentence, span[0], token.nbor(-1)) if token.i > span.start else None
    after = (
        _trimmed(sentence, phrase[-1].nbor(1), span[-1]) if phrase.end < span.end else None
    )
    parts = [p for p in (before, after) if p is not None]
    if not parts:
        return None
    content = max(parts, key=lambda p: p[1] - p[0])
    source_span = token.doc[source.left_edge.i : source.right_edge.i + 1]
    cue = sentence.to_span(token.doc[token.i : to.i + 1])
    return Candidate(*content, "according_to", sentence, cue, source_span, sentence)


def _trimmed(sentence: AnnotatedSentence, first: Token, last: Token) -> tuple[int, int] | None:
    """Document offsets of ``first..last`` without edge punctuation; None when empty."""
    if last.i < first.i:
        return None
    start = sentence.char_range(first)[0]
    end = sentence.char_range(last)[1]
    text = sentence.span.doc.text
    offset = sentence.offset
    while start < end and text[start - offset] in TRIM:
        start += 1
    while end > start and text[end - offset - 1] in TRIM:
        end -= 1
    return (start, end) if end - start > 1 else None


def _quotes_within(content: tuple[int, int], regions: list[Region]) -> bool:
    """Whether a reported clause carries words in quotation marks: a partial quotation."""
    start, end = content
    return any(start <= r.start + 1 and r.end - 1 <= end + 1 for r in regions)


def _mostly_quoted(content: tuple[int, int], regions: list[Region]) -> bool:
    """A clause that is mostly quotation: its quoted words are a partial quotation of their
    own ("described the talks as "frank and useful""), the clause is not an indirect one."""
    start, end = content
    quoted = sum(max(0, min(end, r.end) - max(start, r.start)) for r in regions)
    return quoted * 2 > end - start
