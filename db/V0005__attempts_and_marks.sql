-- A submission owns numbered attempts (attempt 1, and attempt 2 after a revision); each attempt
-- owns its marks (product.md, "Student work").
CREATE TABLE attempt (
    id             uuid        PRIMARY KEY,
    submission_id  uuid        NOT NULL REFERENCES submission (id),
    number         integer     NOT NULL CHECK (number >= 1),
    started_at     timestamptz NOT NULL,
    submitted_at   timestamptz,
    CONSTRAINT attempt_number_unique UNIQUE (submission_id, number),
    CONSTRAINT attempt_submitted_after_start CHECK (submitted_at IS NULL OR submitted_at >= started_at)
);

-- Marks are versioned (product.md, "Marks are versioned"): the browser makes the mark id and
-- counts its changes in seq; every save carries the full state and is applied only when its seq
-- is higher than the stored one, so replays and late duplicates change nothing. A delete is a
-- tombstone (deleted = true), kept so that an older save cannot bring the mark back.
CREATE TABLE mark (
    attempt_id    uuid        NOT NULL REFERENCES attempt (id),
    mark_id       uuid        NOT NULL,
    seq           integer     NOT NULL CHECK (seq >= 1),
    start_offset  integer     NOT NULL,
    end_offset    integer     NOT NULL,
    exact         text        NOT NULL,
    prefix        text        NOT NULL,
    suffix        text        NOT NULL,
    claim_type    text        NOT NULL CHECK (claim_type IN ('factual', 'attributed', 'hedged', 'speculation', 'opinion', 'unsupported')),
    deleted       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, mark_id),
    CONSTRAINT mark_span CHECK (start_offset >= 0 AND start_offset < end_offset AND end_offset - start_offset <= 2000)
);
