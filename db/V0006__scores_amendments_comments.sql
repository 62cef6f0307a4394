-- Scoring, feedback and the teacher's results screen.

-- The match threshold is configurable per assignment (product.md, "Scoring"); 0.5 by default.
-- key_version_ignored_id: the newer library key version the teacher chose not to move to, so
-- the "a new key version is available" notice stays quiet until yet another version comes.
ALTER TABLE assignment
    ADD COLUMN match_threshold numeric(3, 2) NOT NULL DEFAULT 0.5 CHECK (match_threshold > 0 AND match_threshold <= 1),
    ADD COLUMN key_version_ignored_id uuid REFERENCES answer_key_version (id);

-- "Accept this alternative answer" amends one assignment's key, never the library key
-- (product.md, "Versions"). An amendment refers to a key claim by its claim id, which is stable
-- across key versions, so it survives a switch to a newer key version. Rows are never updated
-- except to withdraw them; a score row lists the amendments it was computed with.
CREATE TABLE key_amendment (
    id             uuid        PRIMARY KEY,
    assignment_id  uuid        NOT NULL REFERENCES assignment (id),
    kind           text        NOT NULL CHECK (kind IN ('alternative-span', 'alternative-type', 'added-claim')),
    claim_id       text        CHECK (claim_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    start_offset   integer,
    end_offset     integer,
    exact          text,
    claim_type     text        CHECK (claim_type IN ('factual', 'attributed', 'hedged', 'speculation', 'opinion', 'unsupported')),
    created_by     uuid        NOT NULL REFERENCES account (id),
    created_at     timestamptz NOT NULL,
    withdrawn_by   uuid        REFERENCES account (id),
    withdrawn_at   timestamptz,
    CONSTRAINT key_amendment_shape CHECK (
        (kind = 'alternative-span' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL)
        OR (kind = 'alternative-type' AND claim_id IS NOT NULL AND claim_type IS NOT NULL)
        OR (kind = 'added-claim' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL
            AND claim_type IS NOT NULL)),
    CONSTRAINT key_amendment_span CHECK (start_offset IS NULL OR (start_offset >= 0 AND end_offset > start_offset)),
    CONSTRAINT key_amendment_withdrawn CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);

CREATE INDEX key_amendment_assignment ON key_amendment (assignment_id);

-- Score history (product.md, "Student work"): every (re)score of an attempt is a row, never
-- changed; the latest row is the attempt's score. computed is what the rules give; score is what
-- counts (the teacher's override when there is one, carried forward by later re-scores).
CREATE TABLE score (
    id              uuid         PRIMARY KEY,
    -- Orders rows written in one transaction (same timestamp), e.g. a re-score and an override.
    position        bigint       GENERATED ALWAYS AS IDENTITY,
    attempt_id      uuid         NOT NULL REFERENCES attempt (id),
    key_version_id  uuid         NOT NULL REFERENCES answer_key_version (id),
    amendment_ids   uuid[]       NOT NULL DEFAULT '{}',
    rules_version   text         NOT NULL,
    threshold       numeric(3, 2) NOT NULL,
    computed        numeric(4, 1) NOT NULL CHECK (computed BETWEEN 0 AND 100),
    score           numeric(4, 1) NOT NULL CHECK (score BETWEEN 0 AND 100),
    overridden      boolean      NOT NULL DEFAULT false,
    found           integer      NOT NULL CHECK (found >= 0),
    mislabelled     integer      NOT NULL CHECK (mislabelled >= 0),
    missed          integer      NOT NULL CHECK (missed >= 0),
    extra           integer      NOT NULL CHECK (extra >= 0),
    cause           text         NOT NULL CHECK (cause IN ('submitted', 'key-amended', 'key-version', 'override',
                                                          'override-removed')),
    caused_by       uuid         REFERENCES account (id),
    comment         text         CHECK (comment IS NULL OR length(comment) <= 2000),
    created_at      timestamptz  NOT NULL,
    CONSTRAINT score_override_has_comment CHECK (cause <> 'override' OR length(btrim(comment)) >= 1)
);

CREATE INDEX score_attempt ON score (attempt_id, position);

CREATE TRIGGER score_immutable BEFORE UPDATE ON score
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();

-- A teacher's comment on one attempt: seen by that student (with their feedback) and the
-- class's teachers, nobody else.
CREATE TABLE attempt_comment (
    id          uuid        PRIMARY KEY,
    attempt_id  uuid        NOT NULL REFERENCES attempt (id),
    author_id   uuid        NOT NULL REFERENCES account (id),
    body        text        NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 2000),
    created_at  timestamptz NOT NULL
);

CREATE INDEX attempt_comment_attempt ON attempt_comment (attempt_id, created_at);

-- A teacher can reopen a submitted attempt; who and when is kept.
ALTER TABLE attempt
    ADD COLUMN reopened_at timestamptz,
    ADD COLUMN reopened_by uuid REFERENCES account (id);
