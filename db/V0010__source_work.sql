-- "Who says so?" work (DD013, "Source work"), owned by the submission feature. Like a mark
-- (V0005), every row is saved with its full state and a browser-made id: a save is applied only
-- when its seq is higher than the stored one, so replays and late duplicates change nothing, and a
-- delete is a tombstone (deleted = true) so that an older save cannot bring the item back. Rows
-- are never removed, so a mention's or link's source row always exists.

-- A source as the student names it: the name as written, its kind and how it reached the outlet
-- (not chosen yet while null), and the outlet it was relayed from.
CREATE TABLE student_source (
    attempt_id    uuid        NOT NULL REFERENCES attempt (id),
    source_id     uuid        NOT NULL,
    seq           integer     NOT NULL CHECK (seq >= 1),
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 300),
    kind          text        CHECK (kind IN ('named-person', 'anonymous', 'pseudonymous', 'official-body',
                                              'expert-or-organisation', 'media-outlet', 'document')),
    origin        text        CHECK (origin IN ('first-hand', 'relayed')),
    relayed_from  text        CHECK (char_length(relayed_from) BETWEEN 1 AND 300),
    deleted       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, source_id),
    CONSTRAINT student_source_relayed_from_only_when_relayed CHECK (relayed_from IS NULL OR origin = 'relayed')
);

-- Where the text names one of the student's sources: a span of the step's canonical text.
CREATE TABLE source_mention (
    attempt_id    uuid        NOT NULL,
    mention_id    uuid        NOT NULL,
    seq           integer     NOT NULL CHECK (seq >= 1),
    source_id     uuid        NOT NULL,
    start_offset  integer     NOT NULL,
    end_offset    integer     NOT NULL,
    exact         text        NOT NULL,
    prefix        text        NOT NULL,
    suffix        text        NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, mention_id),
    CONSTRAINT source_mention_source_same_attempt FOREIGN KEY (attempt_id, source_id)
        REFERENCES student_source (attempt_id, source_id),
    CONSTRAINT source_mention_span CHECK (start_offset >= 0 AND start_offset < end_offset
                                          AND end_offset - start_offset <= 2000)
);

-- A claim linked to one of the student's sources, or to none ("no source given", source_id null).
-- The claim is the student's own mark of the lesson's mark-claims step (its mark id) or, without
-- such a step, a key claim id.
CREATE TABLE claim_link (
    attempt_id    uuid        NOT NULL,
    link_id       uuid        NOT NULL,
    seq           integer     NOT NULL CHECK (seq >= 1),
    claim_ref     text        NOT NULL CHECK (claim_ref ~ '^[A-Za-z0-9_-]{1,64}$'),
    source_id     uuid,
    deleted       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, link_id),
    CONSTRAINT claim_link_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id),
    CONSTRAINT claim_link_source_same_attempt FOREIGN KEY (attempt_id, source_id)
        REFERENCES student_source (attempt_id, source_id)
);
CREATE INDEX source_mention_by_source ON source_mention (attempt_id, source_id);
