"""Word and dependency-label lists the event coder consults: modal and future markers,
speech verbs, topic nouns, participant prepositions, event types with special roles."""

from __future__ import annotations

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODAL_AUX = {"may", "might", "could", "should", "can", "must", "ca"}
WOULD_AUX = {"would", "'d"}
""""Would" is the future of reported speech ("said they would boycott"), else conditional."""
CONDITIONAL_MARKS = {"if", "unless", "whether"}
FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "prepare", "aim", "set", "go", "due",
                "ready", "willing", "prepared", "determined", "decide", "resolve"}
HYPOTHETICAL_HEADS = {"consider", "want", "seek", "try", "hope", "wish", "propose", "mull",
                      "weigh", "like", "attempt", "able", "possible", "likely"}
REFUSING_HEADS = {"fail", "refuse", "decline"}
DEMAND_AUX = {"must", "should"}
SELF_PRONOUNS = {"i", "we", "it", "you"}
NEGATING_HEADS = {"deny", "fail", "refrain", "avoid", "decline", "unable"}
FUTURE_MODIFIERS = {"scheduled", "planned", "upcoming", "proposed", "future", "forthcoming",
                    "expected", "possible", "potential", "prospective"}
SPEECH_VERBS = {"say", "tell", "announce", "report", "state", "add", "note", "confirm",
                "stress", "claim", "insist", "believe", "think", "explain", "write", "recall",
                "emphasize", "emphasise", "indicate", "suggest", "reveal", "declare", "quote"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
TOPIC_NOUNS = {"crisis", "issue", "conflict", "war", "situation", "question", "problem",
               "dispute", "matter", "file", "dossier", "topic", "affair", "tension", "standoff",
               "row", "process", "agenda", "case"}
"""Head nouns of a subject of talks: "discussed the Ukraine crisis", "talks on the issue of
Taiwan" name a topic, not whom the talks were with."""
TOPIC_VERBS = {"discuss", "talk", "debate", "address", "raise", "speak", "comment", "exchange",
               "brief", "mention", "chat", "negotiate", "consult", "review", "focus", "confer"}
"""Verbs of speech and consultation whose objects may be topics."""
TOPIC_EVENTS = {"CONSULT"}
TOPIC_MODIFIERS = {"compound", "amod", "nmod", "poss", "conj", "cc", "punct", "case"}
TOPIC_PREPOSITIONS = {"of", "in", "over", "around", "surrounding", "regarding", "concerning"}
SYMMETRIC_EVENTS = {"AGREE", "CONSULT", "COOPERATE"}
DECLARATIVE_EVENTS = {"AGREE", "THREATEN"}
"""Event types that are themselves a declaration about the future ("will withdraw")."""
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "nsubjpass", "attr",
                "acl", "oprd", "compound", "amod", "conj", "advcl"}
CLAUSE_DEPS = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "acomp"}
NOUN_POSITIONS = {"nsubj", "nsubjpass", "dobj", "ROOT", "attr", "conj", "appos"}
PARTICIPANT_PREPS = {"between", "among", "with"}
TEMPORAL_PREPS = {"after", "before", "since", "during", "following", "until", "amid"}
"""A phrase they head places an event in time beside another; it is not that event's content."""
"""An event noun inside a prepositional phrase ("after talks between X and Y in Moscow") is
an event of its own when it names its participants; a bare "after the meeting" refers back."""
RECIPIENT_PREPS = {"with", "on", "against", "to", "toward", "towards", "at", "upon", "into"}
ACTOR_MODIFIERS = {"poss", "compound", "amod", "nmod"}
ACTOR_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
PERSONAL_PRONOUNS = {"he", "she", "it", "they", "its", "his", "her", "their", "we", "our"}
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "UNK"}
DOMESTIC_TARGET_EVENTS = {"PROTEST", "COERCE", "ASSAULT"}
"""Events whose target, when the sentence names neither a target nor a place, is the
government of the actor's own country (the PLOVER GSR's convention)."""
STATE_ACTS = {"COERCE", "ACCUSE"}
"""Arrests, detentions, expulsions, inquiries and trials: done by a state's authorities."""
FORCE_THREATS = ("137", "138", "139")
"""CAMEO threats of violence, of military force and ultimatums."""
SUBJECT_DEPS = {"nsubj", "csubj"}
STATIVE_PASSIVES = {"engage", "involve", "oppose"}
"""Passive forms whose subject is the doer: "forces were engaged in", "X is opposed to"."""
NON_CLAUSE_VERB_DEPS = {"amod", "compound", "prep", "mark", "case", "advmod", "cc"}
"""A verb form in these positions is an adjective ("alleged bombers") or a preposition
("given the situation", "following the talks"), not a clause that reports an event."""
MENTION_STOP_DEPS = {"relcl", "acl", "appos", "punct", "cc", "advcl", "prep", "conj"}
